import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { DailyScheduleView } from '@/components/schedule/DailyScheduleView'
import { loadDailySchedule } from '@/lib/dailyScheduleLoad'
import { formatDate } from '@/lib/time'

/**
 * /schedule/YYYY-MM-DD: one day of the daily public schedule. Rendered on first request, then
 * cached (ISR) and expired by the publish webhook through the meeting, trip and official list tags.
 * Only dates with engagements render: any other address, a malformed or absurd date included, is
 * a 404 (app/schedule/[date]/not-found.tsx), which the ISR cache handler does not store.
 */
export const revalidate = 60

type Params = { date: string }

/** None at build time: the days are rendered as readers ask for them. */
export async function generateStaticParams(): Promise<Params[]> {
  return []
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const schedule = await loadDailySchedule((await params).date, { stega: false })
  if (!schedule) return { title: 'No public schedule for this date', robots: { index: false } }
  return {
    title: `Daily public schedule, ${formatDate(schedule.date)}`,
    description: `Public engagements of ${formatDate(schedule.date)}, by official, with local and Washington times and press coverage.`,
    alternates: {
      canonical: `/schedule/${schedule.date}`,
      types: { 'application/atom+xml': [{ url: '/schedule/feed.xml', title: 'Daily public schedule (Atom feed)' }] },
    },
  }
}

export default async function DailySchedulePage({ params }: { params: Promise<Params> }) {
  const schedule = await loadDailySchedule((await params).date)
  if (!schedule) notFound()
  return <DailyScheduleView date={schedule.date} day={schedule} dates={schedule.dates} />
}
