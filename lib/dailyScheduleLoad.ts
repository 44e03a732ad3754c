/**
 * Reads for the daily public schedule's routes (app/schedule/**). Every route first checks the date
 * against the one cached list of dates that have engagements (SCHEDULE_DATES_QUERY): a date's own
 * query is only ever run, and its answer only ever cached, for a date content has. Any other date
 * a reader types costs nothing but that one list, and is answered 404, which the ISR cache handler
 * (lib/cache/isrCacheHandler.mjs) does not store.
 */
import 'server-only'
import { listTag } from '@/lib/revalidation/tags'
import { sanityFetch } from '@/lib/sanity/client'
import { DAILY_SCHEDULE_QUERY, SCHEDULE_DATES_QUERY } from '@/sanity/queries'
import { scheduleDateOf } from './dailySchedule'

/** Meetings make the schedule; trips give the travel lines; officials their names and order. */
export const SCHEDULE_TAGS = ['meeting', 'trip', 'official', 'country'].map(listTag)

export async function scheduleDates(): Promise<string[]> {
  // A meeting's date is a string where defined; TypeGen cannot see through the embargo filter.
  return (await sanityFetch(SCHEDULE_DATES_QUERY, {}, SCHEDULE_TAGS, { stega: false })).filter((date): date is string => typeof date === 'string')
}

/**
 * The day's engagements and trips, or null when the segment is no date with engagements.
 * `stega: false` for metadata and the calendar (see sanityFetch); the page keeps it.
 */
export async function loadDailySchedule(segment: string, { stega = true }: { stega?: boolean } = {}) {
  const date = scheduleDateOf(segment)
  if (!date) return null
  const dates = await scheduleDates()
  if (!dates.includes(date)) return null
  const day = await sanityFetch(DAILY_SCHEDULE_QUERY, { date }, SCHEDULE_TAGS, { stega })
  return { date, dates, ...day }
}
