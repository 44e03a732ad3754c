/**
 * Time zones for the Studio: checking IANA names, and turning the wall-clock time a press officer
 * types for a meeting ("10:00 on 16 March, in Seoul") into the instant the content stores, and back.
 * Zone math is luxon's (tz data from the runtime's Intl); this module only adds the house rules:
 * what input is accepted, that a time the clocks skip is refused and a time they repeat is said.
 */
import { DateTime } from 'luxon'
import { zoneAbbreviation } from '../../lib/time'

/** True when `value` is an IANA time zone name the runtime knows, e.g. "Asia/Tokyo". */
export function isIanaTimeZone(value: string): boolean {
  if (value.length > 64 || !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(value)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/** A local date and time as typed: "2021-03-16" and "10:00" (24-hour). */
export type WallClock = { date: string; time: string }

export type WallClockResult =
  | { ok: true; instant: string; note: string | null }
  /** `typing`: not (yet) a date or time, worth saying only once the person stops typing. */
  | { ok: false; error: string; kind: 'typing' | 'refused' }

// Typed text is short; anything longer is refused before any parsing.
const MAX_TYPED = 16
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// "10:00", "9:30", "10.00", "21:05", "9:30 pm", "10 AM"; not a bare "10".
const TIME = /^(\d{1,2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)?$/i

/** "10:00" (24-hour) from what was typed, or null when it is not a clock time. */
export function parseTypedTime(typed: string): string | null {
  const text = typed.trim()
  if (text.length === 0 || text.length > MAX_TYPED) return null
  const match = TIME.exec(text)
  if (!match) return null
  const [, h, m, meridiem] = match
  let hour = Number(h)
  const minute = Number(m ?? '00')
  if (minute > 59) return null
  if (meridiem) {
    if (hour < 1 || hour > 12) return null
    const pm = meridiem[0]!.toLowerCase() === 'p'
    hour = (hour % 12) + (pm ? 12 : 0)
  } else if (hour > 23 || m === undefined) {
    // A bare hour ("1" on the way to "10:00") is not taken for a time: it would be stored mid-typing.
    return null
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

/** Whether "YYYY-MM-DD" names a real calendar day in the years a schedule can use. */
export function isTypedDate(typed: string): boolean {
  const match = DATE.exec(typed.trim())
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1900 || year > 2200) return false
  return DateTime.fromObject({ year, month, day }, { zone: 'UTC' }).isValid
}

/** "2:30 AM" from "02:30": how the refusal and the note say a typed time. */
function sayTime(time: string): string {
  return DateTime.fromFormat(time, 'HH:mm', { zone: 'UTC' }).toFormat('h:mm a')
}

function sayDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('d MMMM yyyy')
}

/**
 * The instant at which the clocks in `zone` show `date` and `time`, as a UTC ISO string
 * ("2021-03-16T01:00:00.000Z"). A time the clocks skip (spring forward) does not exist there and
 * is refused; a time they show twice (fall back) is taken as its first occurrence, as calendars
 * do, and the note says so.
 */
export function wallClockToInstant(date: string, time: string, zone: string): WallClockResult {
  if (!isIanaTimeZone(zone)) return { ok: false, error: `“${zone.slice(0, 64)}” is not a time zone name.`, kind: 'refused' }
  if (!isTypedDate(date)) return { ok: false, error: 'Type the date as YYYY-MM-DD, e.g. 2021-03-16.', kind: 'typing' }
  const clock = parseTypedTime(time)
  if (!clock) return { ok: false, error: 'Type the time as HH:MM, e.g. 10:00 or 14:30 (or 2:30 PM).', kind: 'typing' }
  const [year, month, day] = date.trim().split('-').map(Number)
  const [hour, minute] = clock.split(':').map(Number)
  const local = DateTime.fromObject({ year, month, day, hour, minute }, { zone })
  // Luxon moves a skipped time forward; the fields then differ from what was typed.
  if (!local.isValid || local.hour !== hour || local.minute !== minute || local.day !== day) {
    return {
      ok: false,
      kind: 'refused',
      error: `${sayTime(clock)} does not exist on ${sayDate(date)} in ${zone}: the clocks go forward that night. Check the time with the organisers.`,
    }
  }
  const occurrences = local.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis())
  const first = occurrences[0] ?? local
  const instant = first.toUTC().toISO({ suppressMilliseconds: false })
  if (!instant) return { ok: false, error: 'That date and time cannot be stored.', kind: 'refused' }
  if (occurrences.length < 2) return { ok: true, instant, note: null }
  const [earlier, later] = occurrences as [DateTime, DateTime]
  return {
    ok: true,
    instant,
    note: `${sayTime(clock)} happens twice on ${sayDate(date)} in ${zone}, as the clocks go back: taken as the first, ${earlier.toFormat('h:mm a')} ${zoneAbbreviation(instant, zone)} (UTC${earlier.toFormat('ZZ')}), not the second (UTC${later.toFormat('ZZ')}).`,
  }
}

/** The date and time the clocks in `zone` show at `instant`, or null for a value that is no instant. */
export function instantToWallClock(instant: string, zone: string): WallClock | null {
  if (!isIanaTimeZone(zone) || instant.length > 40) return null
  const local = DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone)
  if (!local.isValid) return null
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') }
}

/** Whether two ISO strings name the same instant ("…01:00:00Z" and "…01:00:00.000Z" do). */
export function sameInstant(a: string, b: string | undefined): boolean {
  if (b === undefined) return false
  const [x, y] = [DateTime.fromISO(a, { zone: 'UTC' }), DateTime.fromISO(b, { zone: 'UTC' })]
  return x.isValid && y.isValid && x.toMillis() === y.toMillis()
}

/** "UTC+09:00" at `instant` (now when none), for labelling a zone. */
export function utcOffsetLabel(zone: string, instant?: string): string {
  const at = instant ? DateTime.fromISO(instant, { zone: 'UTC' }) : DateTime.utc()
  const local = at.setZone(zone)
  return local.isValid ? `UTC${local.toFormat('ZZ')}` : ''
}
