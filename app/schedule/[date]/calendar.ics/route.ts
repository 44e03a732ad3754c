import { ICS_HEADERS, scheduleCalendar } from '@/lib/calendar'
import { loadDailySchedule } from '@/lib/dailyScheduleLoad'
import { readSiteUrl } from '@/lib/env'
import { formatDate } from '@/lib/time'

/** Cached and expired like the day's page (app/schedule/[date]/page.tsx); unknown dates are 404s, never stored. */
export const revalidate = 60

export async function generateStaticParams(): Promise<{ date: string }[]> {
  return []
}

export async function GET(_request: Request, { params }: { params: Promise<{ date: string }> }) {
  const schedule = await loadDailySchedule((await params).date, { stega: false })
  if (!schedule) return new Response('No public schedule for this date.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const body = scheduleCalendar({ date: schedule.date, title: `Daily public schedule, ${formatDate(schedule.date)}`, meetings: schedule.engagements }, readSiteUrl())
  return new Response(body, { headers: { ...ICS_HEADERS, 'Content-Disposition': `inline; filename="schedule-${schedule.date}.ics"` } })
}
