/**
 * Strict date-times for the times the lake and its plugins enforce (a release's publishAt, embargo lifts, schedules).
 *
 * `Date.parse` accepts whatever V8 guesses at (`2030-01-01T00:00:00+01`, a space before `Z`,
 * bare numbers), and what it cannot read it answers NaN, which a comparison then treats as "no
 * embargo": an embargo written slightly wrong was silently ignored. Here only RFC 3339's
 * `date-time` is read (full date, time with seconds, optional fraction, `Z` or a `±hh:mm`
 * offset), the calendar date must exist, and anything else is unreadable, which the callers
 * treat as closed (still embargoed) or refuse with a 400.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/

/** Milliseconds since the epoch, or undefined when `value` is not an RFC 3339 date-time. */
export function parseRfc3339(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = RFC3339.exec(value)
  if (!match) return undefined
  const [, year, month, day, hour, minute, second, , , offsetHours, offsetMinutes] = match
  const y = Number(year)
  const m = Number(month)
  const d = Number(day)
  // Date.UTC rolls 31 February over into March; a date that does not exist is not a date.
  const calendar = new Date(Date.UTC(y, m - 1, d))
  if (calendar.getUTCFullYear() !== y || calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d) return undefined
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return undefined
  if (offsetHours !== undefined && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) return undefined
  const time = Date.parse(value.toUpperCase())
  return Number.isFinite(time) ? time : undefined
}

/** The 400 description for a date-time field that is not RFC 3339. */
export function rfc3339Message(field: string, value: unknown): string {
  return `"${field}" must be an RFC 3339 date-time such as 2026-05-04T14:00:00Z or 2026-05-04T16:00:00+02:00 (got ${JSON.stringify(value)?.slice(0, 80) ?? String(value)})`
}
