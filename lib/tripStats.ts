/** Totals for the trips index, computed from the trips themselves. */
import { parseIsoDate } from './time'

export interface StatTrip {
  startDate: string | null
  endDate: string | null
  destinations: ReadonlyArray<{ country: { _id: string } | null }> | null
}

/** Days a trip lasts, counting both its first and last day (March 15–17 is 3 days). */
export function tripDays(trip: { startDate: string | null; endDate: string | null }): number {
  const start = trip.startDate ? parseIsoDate(trip.startDate) : null
  if (!start) return 0
  const end = (trip.endDate && parseIsoDate(trip.endDate)) || start
  return Math.max(1, Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1)
}

/**
 * Trips, distinct countries, and days travelling. Days are counted as distinct calendar days,
 * so two trips on the same dates (two officials travelling separately) are not double-counted.
 */
export function tripTotals(trips: readonly StatTrip[]): { trips: number; countries: number; days: number } {
  const countries = new Set<string>()
  const days = new Set<number>()
  for (const trip of trips) {
    for (const d of trip.destinations ?? []) if (d.country?._id) countries.add(d.country._id)
    const start = trip.startDate ? parseIsoDate(trip.startDate) : null
    if (!start) continue
    const count = tripDays(trip)
    for (let i = 0; i < count; i++) days.add(start.getTime() + i * 86_400_000)
  }
  return { trips: trips.length, countries: countries.size, days: days.size }
}
