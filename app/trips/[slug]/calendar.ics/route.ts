import { ICS_HEADERS, tripCalendar } from '@/lib/calendar'
import { readSiteUrl } from '@/lib/env'
import { pageTag } from '@/lib/revalidation/tags'
import { sanityFetch } from '@/lib/sanity/client'
import { isKnownSlug, tripSlugParams } from '@/lib/sanity/staticParams'
import { TRIP_CALENDAR_QUERY } from '@/sanity/queries'

/**
 * Cached like the trip page, under the trip's tag: calendar clients poll a subscribed URL and
 * apply an update only when SEQUENCE rises, so a moved meeting must show at once; the publish
 * webhook expires this file with the trip's pages (a meeting's webhook names its trip).
 */
export const revalidate = 60

export const generateStaticParams = tripSlugParams

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  if (!(await isKnownSlug('trip', slug))) return new Response('No such trip.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const trip = await sanityFetch(TRIP_CALENDAR_QUERY, { slug }, [pageTag('trip', slug)], { stega: false })
  if (!trip) return new Response('No such trip.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(tripCalendar(trip, readSiteUrl()), {
    headers: { ...ICS_HEADERS, 'Content-Disposition': `inline; filename="${slug}.ics"` },
  })
}
