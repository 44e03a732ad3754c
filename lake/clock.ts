/**
 * The lake's clock: what "now" is for transaction times, GROQ's `now()`, and the scheduler.
 *
 * In production it is the system clock. A lake started for tests may run a manual clock
 * (`LAKE_CLOCK=manual`): wall time plus an offset that an administrator moves forward through
 * `POST /v1/clock` (lake/routes/clock.ts), so a test can let a schedule or an embargo lift fall
 * due at once instead of waiting for the wall clock. It never runs backwards: moving it back
 * could make a published lift look pending again.
 */
export type Clock = {
  /** Milliseconds since the epoch, lake time. */
  now(): number
  /** Set for a manual clock only: moves lake time forward by `ms` and returns the new time. */
  advance?: (ms: number) => number
}

export const systemClock: Clock = { now: () => Date.now() }

/** Longest single step: a day is far more than any test needs, and keeps offsets readable. */
export const MAX_ADVANCE_MS = 24 * 60 * 60 * 1000

export function manualClock(): Clock {
  let offset = 0
  return {
    now: () => Date.now() + offset,
    advance(ms: number) {
      if (!Number.isInteger(ms) || ms <= 0 || ms > MAX_ADVANCE_MS) throw new RangeError(`advance by a whole number of milliseconds from 1 to ${MAX_ADVANCE_MS}`)
      offset += ms
      return Date.now() + offset
    },
  }
}
