import { ICS_HEADERS, officialCalendar } from '@/lib/calendar'
import { readSiteUrl } from '@/lib/env'
import { pageTag } from '@/lib/revalidation/tags'
import { sanityFetch } from '@/lib/sanity/client'
import { isKnownSlug, officialSlugParams } from '@/lib/sanity/staticParams'
import { OFFICIAL_CALENDAR_QUERY } from '@/sanity/queries'

/** Cached and expired like the trip's calendar (app/trips/[slug]/calendar.ics/route.ts). */
export const revalidate = 60

export const generateStaticParams = officialSlugParams

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  if (!(await isKnownSlug('official', slug))) return new Response('No such official.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const official = await sanityFetch(OFFICIAL_CALENDAR_QUERY, { slug }, [pageTag('official', slug)], { stega: false })
  if (!official) return new Response('No such official.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(officialCalendar(official, readSiteUrl()), {
    headers: { ...ICS_HEADERS, 'Content-Disposition': `inline; filename="${slug}.ics"` },
  })
}
