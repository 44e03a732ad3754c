import type { Metadata } from 'next'
import { DailyScheduleView } from '@/components/schedule/DailyScheduleView'
import { washingtonToday } from '@/lib/dailySchedule'
import { loadDailySchedule, scheduleDates } from '@/lib/dailyScheduleLoad'

/**
 * /schedule: today's daily public schedule, "today" being the date in Washington. One cached page,
 * regenerated at least every minute, so it turns to the next day within a minute of midnight in
 * Washington; publishes expire it at once through the list tags.
 */
export const revalidate = 60

export const metadata: Metadata = {
  title: 'Daily public schedule',
  description: 'Today’s public engagements, by official, with local and Washington times and press coverage.',
  alternates: {
    canonical: '/schedule',
    types: { 'application/atom+xml': [{ url: '/schedule/feed.xml', title: 'Daily public schedule (Atom feed)' }] },
  },
}

export default async function TodaySchedulePage() {
  const today = washingtonToday(new Date())
  const schedule = await loadDailySchedule(today)
  const dates = schedule?.dates ?? (await scheduleDates())
  return <DailyScheduleView date={today} day={schedule} dates={dates} today />
}
