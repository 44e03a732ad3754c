/**
 * Date and time formatting for trips and meetings.
 *
 * Two kinds of values reach the portal:
 * - calendar dates ("2021-03-15"): a trip's first and last day, or the day of a meeting whose
 *   time is not announced. They name a day in the destination, not an instant, so they are
 *   formatted as-is (in UTC, which leaves the y/m/d untouched) and never shifted by a zone.
 * - instants ("2021-03-16T01:00:00Z"): a meeting with a known start. They are shown in the
 *   destination's IANA zone, because that is the clock the schedule is announced in.
 */

/** A calendar date as stored in content: "YYYY-MM-DD". */
export type IsoDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Parses "YYYY-MM-DD" to a UTC-midnight Date, or null when the text is not a real date. */
export function parseIsoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value)
  if (!match) return null
  const [, y, m, d] = match.map(Number)
  if (y === undefined || m === undefined || d === undefined) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  // Rejects 2021-02-30 and the like, which Date.UTC would silently roll over.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return date
}

function requireIsoDate(value: string): Date {
  const date = parseIsoDate(value)
  if (!date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`)
  return date
}

const utcDate = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' })
const utcWeekdayDate = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
})

/** "March 15, 2021". */
export function formatDate(date: IsoDate): string {
  return utcDate.format(requireIsoDate(date))
}

/** "Monday, March 15, 2021": a schedule day heading. */
export function formatDayHeading(date: IsoDate): string {
  return utcWeekdayDate.format(requireIsoDate(date))
}

const utcMonth = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long' })
const utcMonthDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric' })

/**
 * "March 15–17, 2021", "March 30 – April 2, 2021", "December 30, 2021 – January 2, 2022".
 * Built by hand rather than with Intl's formatRange because ICU versions differ on the spacing
 * around the dash, and a closed en dash between days is the house style.
 */
export function formatDateRange(start: IsoDate, end?: IsoDate | null): string {
  const from = requireIsoDate(start)
  if (!end || end === start) return utcDate.format(from)
  const to = requireIsoDate(end)
  if (to < from) throw new RangeError(`Trip ends (${end}) before it starts (${start})`)
  const sameYear = from.getUTCFullYear() === to.getUTCFullYear()
  if (sameYear && from.getUTCMonth() === to.getUTCMonth()) {
    return `${utcMonth.format(from)} ${from.getUTCDate()}–${to.getUTCDate()}, ${to.getUTCFullYear()}`
  }
  if (sameYear) return `${utcMonthDay.format(from)} – ${utcDate.format(to)}`
  return `${utcDate.format(from)} – ${utcDate.format(to)}`
}

const localDateFormats = new Map<string, Intl.DateTimeFormat>()

/** The calendar date ("YYYY-MM-DD") an instant falls on in an IANA zone. */
export function localDateOf(instant: Date | string, timeZone: string): IsoDate {
  let format = localDateFormats.get(timeZone)
  if (!format) {
    // en-CA formats as YYYY-MM-DD, which is exactly the shape content uses.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    localDateFormats.set(timeZone, format)
  }
  return format.format(toDate(instant))
}

function toDate(instant: Date | string): Date {
  const date = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`)
  return date
}

/**
 * ICU's English data lacks abbreviations for zones without daylight saving in Asia, so Intl
 * prints "GMT+9" for Tokyo. These zones have one fixed name all year, so a table is safe.
 */
const FIXED_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Asia/Tokyo': 'JST',
  'Asia/Seoul': 'KST',
}

/** The zone's short name at that instant ("EDT", "CET", "JST"), falling back to "GMT+5:30". */
export function zoneAbbreviation(instant: Date | string, timeZone: string): string {
  const fixed = FIXED_ABBREVIATIONS[timeZone]
  if (fixed) return fixed
  const date = toDate(instant)
  let fallback = ''
  // en-US knows the North American names, en-GB the European ones; the first real name wins.
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(date).find((part) => part.type === 'timeZoneName')?.value
    if (!name) continue
    if (!/^(GMT|UTC)[+-−]/.test(name)) return name
    fallback ||= name
  }
  return fallback || timeZone
}

/** "10:00 AM JST": a meeting's start on the destination's clock. */
export function formatLocalTime(instant: Date | string, timeZone: string): string {
  const date = toDate(instant)
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(date)
  return `${time} ${zoneAbbreviation(date, timeZone)}`
}

/** Machine-readable value for <time dateTime>: the instant in ISO form. */
export function isoInstant(instant: Date | string): string {
  return toDate(instant).toISOString()
}

/** "10:00 – 11:30 AM JST" style range; one zone name, since a meeting does not cross zones. */
export function formatLocalTimeRange(start: Date | string, end: Date | string | null | undefined, timeZone: string): string {
  if (!end) return formatLocalTime(start, timeZone)
  const clock = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' })
  return `${clock.format(toDate(start))} – ${clock.format(toDate(end))} ${zoneAbbreviation(end, timeZone)}`
}

/** The zone of the publishing government's capital, shown beside every local meeting time. */
export const WASHINGTON_TIME_ZONE = 'America/New_York'

/**
 * "8:00 – 9:30 PM EST, March 15" style: a meeting's time on Washington's clock, with the date
 * whenever it falls on another calendar day than the meeting's local date (Tokyo is 13–14 hours ahead).
 */
export function formatWashingtonTime(start: Date | string, end: Date | string | null | undefined, localTimeZone: string): string {
  const range = formatLocalTimeRange(start, end, WASHINGTON_TIME_ZONE)
  const localDay = localDateOf(start, localTimeZone)
  const washingtonDay = localDateOf(start, WASHINGTON_TIME_ZONE)
  if (localDay === washingtonDay) return range
  return `${range}, ${utcMonthDay.format(requireIsoDate(washingtonDay))}`
}

/** "March 15, 2021, 9:00 AM EDT": an instant (publication, update) on Washington's clock. */
export function formatWashingtonDateTime(instant: Date | string): string {
  const date = toDate(instant)
  const day = new Intl.DateTimeFormat('en-US', { timeZone: WASHINGTON_TIME_ZONE, month: 'long', day: 'numeric', year: 'numeric' }).format(date)
  return `${day}, ${formatLocalTime(date, WASHINGTON_TIME_ZONE)}`
}

/** "March 15, 2021": the calendar day an instant falls on in Washington. */
export function formatWashingtonDate(instant: Date | string): string {
  return formatDate(localDateOf(instant, WASHINGTON_TIME_ZONE))
}
