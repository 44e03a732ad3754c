import { readSiteUrl } from '@/lib/env'
import { ATOM_HEADERS } from '@/lib/feed'
import { SCHEDULE_TAGS } from '@/lib/dailyScheduleLoad'
import { loadSiteIdentity } from '@/lib/publisher'
import { sanityFetch } from '@/lib/sanity/client'
import { scheduleAtom } from '@/lib/scheduleFeed'
import { SCHEDULE_FEED_QUERY } from '@/sanity/queries'

/** Same freshness as the schedule's pages (app/schedule/[date]/page.tsx). */
export const revalidate = 60

export async function GET() {
  const [{ publisher }, engagements] = await Promise.all([loadSiteIdentity(), sanityFetch(SCHEDULE_FEED_QUERY, {}, SCHEDULE_TAGS, { stega: false })])
  return new Response(scheduleAtom({ site: readSiteUrl(), publisher, engagements }), { headers: ATOM_HEADERS })
}
