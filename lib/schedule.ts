/**
 * Groups a trip's meetings into days on the destination's calendar.
 *
 * A meeting's `date` is the announced local day. When only `startsAt` is set (content that
 * skipped the date), the day is derived from the instant in the meeting's or trip's zone, never
 * the server's. Meetings with neither go last, under "Date not yet announced" — or, once the trip
 * is over, under "Engagements not dated": a date can no longer be announced for what has happened,
 * and saying it will be would be untrue.
 */
import { formatDayHeading, localDateOf, parseIsoDate, type IsoDate } from './time'

export interface SchedulableMeeting {
  date?: string | null
  startsAt?: string | null
  timeZone?: string | null
}

export interface ScheduleDay<M> {
  /** Stable React key and anchor: the ISO date, or "unscheduled". */
  key: string
  date: IsoDate | null
  heading: string
  meetings: M[]
}

export const UNSCHEDULED_HEADING = 'Date not yet announced'
/** The undated group of a trip that is over. */
export const UNDATED_PAST_HEADING = 'Engagements not dated'
/** One undated meeting of a trip that is over (official pages list meetings one by one). */
export const UNDATED_PAST_MEETING = 'Not dated'

export function unscheduledHeading(tripIsPast: boolean): string {
  return tripIsPast ? UNDATED_PAST_HEADING : UNSCHEDULED_HEADING
}

/** The zone a meeting's clock times are shown in: its own, else the trip destination's. */
export function meetingTimeZone(meeting: SchedulableMeeting, tripTimeZone: string): string {
  return meeting.timeZone || tripTimeZone
}

export function meetingDay(meeting: SchedulableMeeting, tripTimeZone: string): IsoDate | null {
  if (meeting.date && parseIsoDate(meeting.date)) return meeting.date
  if (meeting.startsAt) return localDateOf(meeting.startsAt, meetingTimeZone(meeting, tripTimeZone))
  return null
}

/**
 * Days in calendar order; within a day the meetings keep the order they were given in. The undated
 * group's heading depends on whether the trip is over (`tripIsPast`, from lib/tripStatus.ts).
 */
export function groupMeetingsByDay<M extends SchedulableMeeting>(meetings: readonly M[], tripTimeZone: string, tripIsPast = false): ScheduleDay<M>[] {
  const days = new Map<string, ScheduleDay<M>>()
  const unscheduled: M[] = []
  for (const meeting of meetings) {
    const date = meetingDay(meeting, tripTimeZone)
    if (!date) {
      unscheduled.push(meeting)
      continue
    }
    const day = days.get(date) ?? { key: date, date, heading: formatDayHeading(date), meetings: [] }
    day.meetings.push(meeting)
    days.set(date, day)
  }
  const sorted = [...days.values()].sort((a, b) => a.key.localeCompare(b.key))
  if (unscheduled.length > 0) sorted.push({ key: 'unscheduled', date: null, heading: unscheduledHeading(tripIsPast), meetings: unscheduled })
  return sorted
}
