import { ICS_HEADERS, tripCalendar } from '@/lib/calendar'
import { readSiteUrl } from '@/lib/env'
import { sanityFetchFresh } from '@/lib/sanity/client'
import { TRIP_CALENDAR_QUERY } from '@/sanity/queries'

/**
 * Rendered on every request, from uncached content. Calendar clients poll a subscribed URL and
 * apply an update only when SEQUENCE rises; serving a cached copy after a meeting moved would
 * leave subscribers on the old time for up to the cache period. The query is small and one
 * request per poll is cheap.
 */
export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const trip = await sanityFetchFresh(TRIP_CALENDAR_QUERY, { slug })
  if (!trip) return new Response('No such trip.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(tripCalendar(trip, readSiteUrl()), {
    headers: { ...ICS_HEADERS, 'Content-Disposition': `inline; filename="${slug}.ics"` },
  })
}
