/**
 * Where a meeting's zone comes from when it has none of its own: its trip's first destination
 * with a zone (the portal's rule, lib/trip.ts tripTimeZone), the trip's draft first, since that is
 * what the editor sees. Shared by the meeting time input and the meeting's validation.
 */
import { isIanaTimeZone } from './timeZone'

export const TRIP_ZONE_QUERY = `coalesce(*[_id == "drafts." + $id][0], *[_id == $id][0]).destinations[defined(timeZone)][0].timeZone`

/** The query's answer as a zone, or null for anything that is not one. */
export function tripZoneFrom(answer: unknown): string | null {
  return typeof answer === 'string' && isIanaTimeZone(answer) ? answer : null
}

/** The trip id a meeting's `trip` reference names, or null. */
export function referencedId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('_ref' in value)) return null
  const ref = value._ref
  return typeof ref === 'string' && ref.length > 0 && ref.length <= 128 ? ref : null
}
