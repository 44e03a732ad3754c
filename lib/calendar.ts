/**
 * iCalendar (RFC 5545) files for a trip and for an official, built with ical-generator.
 *
 * - UIDs come from the document _id, so an event keeps its identity across every change and a
 *   calendar client updates it in place instead of adding a copy.
 * - SEQUENCE is the number of whole seconds between the document's creation and its last change
 *   (_updatedAt − _createdAt). It never goes down (_createdAt is fixed, _updatedAt only moves
 *   forward) and it rises with every saved change at least a second after the one before, which is
 *   what RFC 5545 §3.8.7.4 asks of it. The lake and Sanity do not expose a revision counter to GROQ.
 * - Timed meetings are written in their local zone (DTSTART;TZID=Asia/Tokyo:…) with a VTIMEZONE for
 *   every zone used; the trip itself is an all-day event over its calendar dates (DTEND is exclusive).
 * - Meetings with no announced time are left out: a calendar entry at a guessed time would mislead.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator'
import { DateTime } from 'luxon'
import { meetingKindLabels } from './labels'
import { parseIsoDate } from './time'
import type { MeetingKind } from './sanity/types'

export interface CalendarTrip {
  _id: string
  _createdAt: string | null
  _updatedAt: string | null
  title: string | null
  slug: string | null
  startDate: string | null
  endDate: string | null
  destinations: ReadonlyArray<{ city: string | null; timeZone: string | null; country: string | null }> | null
  purposeText: string | null
  withdrawn: boolean | null
}

export interface CalendarMeeting {
  _id: string
  _createdAt: string | null
  _updatedAt: string | null
  title: string | null
  kind: MeetingKind | null
  startsAt: string | null
  endsAt: string | null
  timeZone: string | null
  venue: string | null
  city: string | null
  descriptionText: string | null
}

const PRODID = { company: 'Envoy', product: 'Official travel', language: 'EN' }

/** Seconds from creation to last change: stable while nothing changes, monotonic as things do. */
export function sequenceOf(doc: { _createdAt: string | null; _updatedAt: string | null }): number {
  if (!doc._createdAt || !doc._updatedAt) return 0
  const seconds = Math.floor((Date.parse(doc._updatedAt) - Date.parse(doc._createdAt)) / 1000)
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0
}

/** "<_id>@envoy": the domain part keeps UIDs unique across publishers, and never changes. */
export function uidOf(id: string): string {
  // Drafts are never published, but guard anyway: the published id is the stable one.
  return `${id.replace(/^drafts\./, '')}@envoy`
}

function addDays(isoDate: string, days: number): Date | null {
  const date = parseIsoDate(isoDate)
  if (!date) return null
  return new Date(date.getTime() + days * 86_400_000)
}

function newCalendar(name: string, url: string): ICalCalendar {
  return ical({
    name,
    prodId: PRODID,
    url,
    method: ICalCalendarMethod.PUBLISH,
    // A VTIMEZONE for every zone an event names (RFC 5545 §3.6.5), generated from the tz database.
    timezone: { name: null, generator: getVtimezoneComponent },
  })
}

function places(trip: CalendarTrip): string {
  return (trip.destinations ?? [])
    .map((d) => [d.city, d.country].filter(Boolean).join(', '))
    .filter(Boolean)
    .join('; ')
}

function addTrip(calendar: ICalCalendar, trip: CalendarTrip, site: string): void {
  if (!trip.startDate) return
  const start = parseIsoDate(trip.startDate)
  const end = addDays(trip.endDate || trip.startDate, 1)
  if (!start || !end) return
  const url = trip.slug ? `${site}/trips/${trip.slug}` : undefined
  calendar.createEvent({
    id: uidOf(trip._id),
    sequence: sequenceOf(trip),
    stamp: trip._updatedAt ? new Date(trip._updatedAt) : new Date(),
    allDay: true,
    start,
    end,
    summary: trip.withdrawn ? `Withdrawn: ${trip.title ?? 'Trip'}` : (trip.title ?? 'Trip'),
    description: [trip.purposeText, url].filter(Boolean).join('\n\n') || null,
    location: places(trip) || null,
    url: url ?? null,
    status: trip.withdrawn ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  })
}

function addMeeting(calendar: ICalCalendar, meeting: CalendarMeeting, trip: CalendarTrip | null, site: string): void {
  // Undated or untimed meetings are left out (see the header comment).
  if (!meeting.startsAt) return
  const zone = meeting.timeZone || trip?.destinations?.find((d) => d.timeZone)?.timeZone || 'UTC'
  // Luxon values carry their zone: ical-generator formats native Dates in the *server's* zone
  // when given a TZID, which would write the wrong wall-clock time.
  const start = DateTime.fromISO(meeting.startsAt, { zone })
  if (!start.isValid) return
  const end = meeting.endsAt ? DateTime.fromISO(meeting.endsAt, { zone }) : null
  const url = trip?.slug ? `${site}/trips/${trip.slug}#schedule` : undefined
  calendar.createEvent({
    id: uidOf(meeting._id),
    sequence: sequenceOf(meeting),
    stamp: meeting._updatedAt ? new Date(meeting._updatedAt) : new Date(),
    start,
    // Without an announced end, a zero-length event marks the start (RFC 5545 allows DTEND = DTSTART).
    end: end?.isValid ? end : start,
    timezone: zone,
    summary: meeting.title ?? (meeting.kind ? meetingKindLabels[meeting.kind] : 'Meeting'),
    description: [meeting.descriptionText, trip?.title ? `Part of: ${trip.title}` : null, url].filter(Boolean).join('\n\n') || null,
    location: [meeting.venue, meeting.city].filter(Boolean).join(', ') || null,
    url: url ?? null,
    status: trip?.withdrawn ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  })
}

export function tripCalendar(trip: CalendarTrip & { meetings: readonly CalendarMeeting[] }, site: string): string {
  const calendar = newCalendar(trip.title ?? 'Trip', `${site}/trips/${trip.slug ?? ''}`)
  addTrip(calendar, trip, site)
  for (const meeting of trip.meetings) addMeeting(calendar, meeting, trip, site)
  return calendar.toString()
}

export function officialCalendar(
  official: { name: string | null; slug: string | null; trips: readonly CalendarTrip[]; meetings: ReadonlyArray<CalendarMeeting & { trip: CalendarTrip | null }> },
  site: string,
): string {
  const calendar = newCalendar(`${official.name ?? 'Official'}: trips and meetings`, `${site}/officials/${official.slug ?? ''}`)
  for (const trip of official.trips) addTrip(calendar, trip, site)
  for (const meeting of official.meetings) addMeeting(calendar, meeting, meeting.trip, site)
  return calendar.toString()
}

/** One day of the daily public schedule: its timed engagements, each linked to its trip. */
export function scheduleCalendar(schedule: { date: string; title: string; meetings: ReadonlyArray<CalendarMeeting & { trip: CalendarTrip | null }> }, site: string): string {
  const calendar = newCalendar(schedule.title, `${site}/schedule/${schedule.date}`)
  for (const meeting of schedule.meetings) addMeeting(calendar, meeting, meeting.trip, site)
  return calendar.toString()
}

export const ICS_HEADERS = {
  'Content-Type': 'text/calendar; charset=utf-8',
  'Cache-Control': 'no-cache',
} as const
