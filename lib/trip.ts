/** Small derived facts about a trip that several pages need. */

/**
 * The zone a trip's schedule is told in: its first destination's. Multi-city trips give each
 * meeting its own zone when it differs; UTC only guards against content missing the field.
 */
export function tripTimeZone(destinations: ReadonlyArray<{ timeZone: string | null }> | null): string {
  return destinations?.find((d) => d.timeZone)?.timeZone ?? 'UTC'
}
