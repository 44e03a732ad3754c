/**
 * The daily public schedule, as the Department publishes one: for one date, every public
 * engagement (a meeting with a local date and an announced start) of every official taking part,
 * grouped by official in the order of precedence, each with the press-coverage line and, for
 * officials on a trip that day, an "on travel to …" line.
 *
 * Pure functions over query results (sanity/queries.ts DAILY_SCHEDULE_QUERY), so the ordering and
 * the wording are unit-tested without a server.
 */
import { pressCoverageScheduleLines } from './labels'
import { meetingTimeZone } from './schedule'
import type { PressCoverage } from './sanity/types'
import { formatDateRange, localDateOf, parseIsoDate, WASHINGTON_TIME_ZONE, type IsoDate } from './time'

export interface ScheduleOfficial {
  _id: string
  name: string | null
  slug: string | null
  title: string | null
  /** Order of precedence: lower first; null when the content gives none. */
  precedence: number | null
}

export interface ScheduleTripRef {
  _id: string
  title: string | null
  slug: string | null
  startDate: string | null
  endDate: string | null
  destinations: ReadonlyArray<{ city: string | null; country: string | null; timeZone?: string | null }> | null
}

export interface ScheduleEngagement {
  _id: string
  title: string | null
  startsAt: string | null
  order?: number | null
  timeZone: string | null
  pressCoverage: PressCoverage | null
  hosts: readonly ScheduleOfficial[] | null
  participants: readonly ScheduleOfficial[] | null
  trip: ScheduleTripRef | null
}

export interface ScheduleTrip extends ScheduleTripRef {
  officials: readonly ScheduleOfficial[] | null
}

export interface OfficialDay<E extends ScheduleEngagement> {
  official: ScheduleOfficial
  /** Trips the official travels on that day (usually one). */
  travel: ScheduleTripRef[]
  engagements: E[]
}

/** The strict shape of a schedule address's date: a real calendar date, in the years content can hold. */
export function scheduleDateOf(segment: string): IsoDate | null {
  if (segment.length !== 10 || !parseIsoDate(segment)) return null
  const year = Number(segment.slice(0, 4))
  // Years outside this range are no schedule any content could have: answered 404 without a read.
  return year >= 1900 && year <= 2199 ? segment : null
}

/** Today's date in Washington, the Department's calendar. */
export function washingtonToday(now: Date): IsoDate {
  return localDateOf(now, WASHINGTON_TIME_ZONE)
}

/** The zone an engagement's clock time is shown in: its own, else its trip's first destination's. */
export function engagementTimeZone(engagement: Pick<ScheduleEngagement, 'timeZone' | 'trip'>): string {
  const tripZone = engagement.trip?.destinations?.find((d) => d.timeZone)?.timeZone
  return meetingTimeZone(engagement, tripZone || WASHINGTON_TIME_ZONE)
}

/** "OPEN PRESS COVERAGE", or null when no arrangement has been announced. */
export function coverageLine(coverage: PressCoverage | null | undefined): string | null {
  return coverage ? pressCoverageScheduleLines[coverage] : null
}

/** "Tokyo, Japan", "Tokyo, Japan, and Seoul, Republic of Korea", "Tokyo, Japan; Seoul, …; and …". */
export function placesText(destinations: ScheduleTripRef['destinations']): string {
  const places = (destinations ?? []).map((d) => [d.city, d.country].filter(Boolean).join(', ')).filter(Boolean)
  if (places.length <= 1) return places[0] ?? ''
  if (places.length === 2) return `${places[0]}, and ${places[1]}`
  return `${places.slice(0, -1).join('; ')}; and ${places.at(-1)}`
}

/** "On travel to Tokyo, Japan from March 15–17, 2021" ("… on March 15, 2021" for a one-day trip). */
export function travelLine(trip: ScheduleTripRef): string {
  const places = placesText(trip.destinations)
  const to = places ? `On travel to ${places}` : 'On travel'
  if (!trip.startDate || !parseIsoDate(trip.startDate)) return to
  const end = trip.endDate && parseIsoDate(trip.endDate) && trip.endDate >= trip.startDate ? trip.endDate : trip.startDate
  const dates = formatDateRange(trip.startDate, end)
  return end === trip.startDate ? `${to} on ${dates}` : `${to} from ${dates}`
}

/** Ranked officials first, lower precedence first; the unranked after them, in the order met. */
function byPrecedence(a: { official: ScheduleOfficial; seen: number }, b: { official: ScheduleOfficial; seen: number }): number {
  const pa = a.official.precedence
  const pb = b.official.precedence
  if (pa !== null && pb !== null && pa !== pb) return pa - pb
  if (pa !== null && pb === null) return -1
  if (pa === null && pb !== null) return 1
  return a.seen - b.seen
}

function startOf(engagement: ScheduleEngagement): number {
  const time = engagement.startsAt ? Date.parse(engagement.startsAt) : Number.NaN
  return Number.isFinite(time) ? time : Number.POSITIVE_INFINITY
}

/** Within an official's day: by start, then the editors' order, then title. */
function byTime(a: ScheduleEngagement, b: ScheduleEngagement): number {
  return startOf(a) - startOf(b) || (a.order ?? 0) - (b.order ?? 0) || (a.title ?? '').localeCompare(b.title ?? '')
}

/**
 * The day's schedule, one entry per official: those with engagements (each engagement under every
 * official who hosts or joins it) and those on travel that day without one. Officials with a
 * precedence come first, by it; the others follow in the order the day lists them (by time of
 * their first engagement, hosts before participants as the meeting lists them, then travellers).
 */
export function dailySchedule<E extends ScheduleEngagement>(engagements: readonly E[], trips: readonly ScheduleTrip[]): OfficialDay<E>[] {
  const days = new Map<string, OfficialDay<E> & { seen: number }>()
  const dayOf = (official: ScheduleOfficial) => {
    let day = days.get(official._id)
    if (!day) {
      day = { official, travel: [], engagements: [], seen: days.size }
      days.set(official._id, day)
    }
    return day
  }
  for (const engagement of [...engagements].filter((e) => e.startsAt).sort(byTime)) {
    const people = [...(engagement.hosts ?? []), ...(engagement.participants ?? [])]
    for (const official of people) {
      const day = dayOf(official)
      if (!day.engagements.includes(engagement)) day.engagements.push(engagement)
    }
  }
  for (const trip of trips) {
    for (const official of trip.officials ?? []) {
      const day = dayOf(official)
      if (!day.travel.some((t) => t._id === trip._id)) day.travel.push(trip)
    }
  }
  return [...days.values()].sort(byPrecedence).map(({ official, travel, engagements: list }) => ({ official, travel, engagements: list }))
}

/** The dates before and after `date` that have a schedule, for the day-to-day links. */
export function neighbouringDates(dates: readonly string[], date: IsoDate): { previous: IsoDate | null; next: IsoDate | null } {
  let previous: IsoDate | null = null
  let next: IsoDate | null = null
  for (const candidate of dates) {
    if (candidate < date && (previous === null || candidate > previous)) previous = candidate
    if (candidate > date && (next === null || candidate < next)) next = candidate
  }
  return { previous, next }
}

/** Engagements grouped by their local date, newest date first (the Atom feed: one entry per day). */
export function engagementsByDate<E extends ScheduleEngagement & { date: string | null }>(engagements: readonly E[]): { date: IsoDate; engagements: E[] }[] {
  const byDate = new Map<string, E[]>()
  for (const engagement of engagements) {
    if (!engagement.date || !parseIsoDate(engagement.date)) continue
    const list = byDate.get(engagement.date) ?? []
    list.push(engagement)
    byDate.set(engagement.date, list)
  }
  return [...byDate.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([date, list]) => ({ date, engagements: list }))
}
