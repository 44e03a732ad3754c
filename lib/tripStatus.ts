/**
 * Whether a trip is upcoming, under way or past.
 *
 * A trip's dates are calendar days at the destination, so "now" is first turned into the
 * destination's calendar date: at 23:30 in Washington on March 14 it is already March 15 in
 * Tokyo, and a Tokyo trip starting March 15 is under way.
 */
import { localDateOf, parseIsoDate, type IsoDate } from './time'

export type TripStatus = 'upcoming' | 'underway' | 'past'

export interface TripDates {
  startDate: IsoDate
  endDate?: IsoDate | null
  /** IANA zone of the (first) destination; UTC when unknown, which can be off by at most a day. */
  timeZone?: string | null
}

export function tripStatus(trip: TripDates, now: Date): TripStatus {
  if (!parseIsoDate(trip.startDate)) throw new RangeError(`Not a calendar date: ${trip.startDate}`)
  const today = localDateOf(now, trip.timeZone || 'UTC')
  const end = trip.endDate || trip.startDate
  // YYYY-MM-DD strings compare correctly as text.
  if (today < trip.startDate) return 'upcoming'
  if (today > end) return 'past'
  return 'underway'
}

export const statusLabels: Readonly<Record<TripStatus, string>> = {
  underway: 'Under way',
  upcoming: 'Upcoming',
  past: 'Past',
}

/**
 * Splits trips into the three groups the home page shows. Upcoming trips come soonest first,
 * past trips most recent first, so the nearest trip always heads its group.
 */
export function groupTripsByStatus<T extends TripDates>(trips: readonly T[], now: Date): Record<TripStatus, T[]> {
  const groups: Record<TripStatus, T[]> = { underway: [], upcoming: [], past: [] }
  for (const trip of trips) groups[tripStatus(trip, now)].push(trip)
  const byStart = (a: T, b: T) => a.startDate.localeCompare(b.startDate)
  groups.underway.sort(byStart)
  groups.upcoming.sort(byStart)
  groups.past.sort((a, b) => byStart(b, a))
  return groups
}
