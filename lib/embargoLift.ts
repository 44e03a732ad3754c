/**
 * How long a public read may be cached when an embargo lifts soon.
 *
 * Public queries hide an embargoed trip by comparing `embargoUntil` with the query's `now()`
 * (sanity/queries.ts), so a cached answer read before a lift keeps the trip hidden until it
 * expires, and the lake publishes nothing at the lift that a webhook would announce (the trip is
 * already published, only time passes). Every content fetch is therefore cached no longer than
 * until the soonest lift ahead (NEXT_EMBARGO_LIFTS_QUERY). Next gives an ISR page the smallest
 * `revalidate` of its fetches, so the pages regenerate at the lift; a regeneration refetches
 * stale data in the foreground (it will be cached), so the regenerated page shows the trip.
 * A timer or cron would need a process of its own; a revalidate bound needs none, and works the
 * same on hosted Sanity.
 */

/**
 * Seconds until the first of `lifts` still ahead, as a cache lifetime of at most `max` seconds
 * (at least 1). Lifts already past (an answer cached across them) or unreadable are skipped.
 */
export function secondsUntilLift(lifts: readonly (string | null)[], nowMs: number, max: number): number {
  const ahead = lifts.map((lift) => (lift === null ? Number.NaN : Date.parse(lift))).filter((at) => Number.isFinite(at) && at > nowMs)
  if (ahead.length === 0) return max
  return Math.min(max, Math.max(1, Math.ceil((Math.min(...ahead) - nowMs) / 1000)))
}
