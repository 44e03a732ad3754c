import { ICS_HEADERS, officialCalendar } from '@/lib/calendar'
import { readSiteUrl } from '@/lib/env'
import { sanityFetchFresh } from '@/lib/sanity/client'
import { OFFICIAL_CALENDAR_QUERY } from '@/sanity/queries'

/** Always fresh, for the reason given in app/trips/[slug]/calendar.ics/route.ts. */
export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const official = await sanityFetchFresh(OFFICIAL_CALENDAR_QUERY, { slug })
  if (!official) return new Response('No such official.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(officialCalendar(official, readSiteUrl()), {
    headers: { ...ICS_HEADERS, 'Content-Disposition': `inline; filename="${slug}.ics"` },
  })
}
