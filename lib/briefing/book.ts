/**
 * A briefing book: several sheets (whole trips or single engagements) in one printable document.
 *
 * Chosen in the URL so a book can be bookmarked, mailed and reprinted:
 *   /briefing-book?trips=<slug>,<slug>&meetings=<slug>~<meeting id>
 * Both parameters may also repeat (that is what the no-JavaScript form submits). Sheets are put in
 * calendar order, which is how a principal's week is read.
 */
import 'server-only'
import { createHash } from 'node:crypto'
import { loadBriefing, type LoadedBriefing } from './load'

export type BookSelection = { trips: string[]; meetings: { slug: string; meetingId: string }[] }

export type BookSheet = { key: string; slug: string; meetingId?: string; loaded: LoadedBriefing; sortDate: string; title: string }

const MAX_SHEETS = 20

function values(raw: string | string[] | undefined): string[] {
  const list = Array.isArray(raw) ? raw : raw ? [raw] : []
  return [
    ...new Set(
      list
        .flatMap((value) => value.split(','))
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ]
}

export function parseBookSelection(search: Record<string, string | string[] | undefined>): BookSelection {
  const trips = values(search.trips)
  const meetings = values(search.meetings).flatMap((value) => {
    const [slug, meetingId] = value.split('~')
    return slug && meetingId ? [{ slug, meetingId }] : []
  })
  return { trips: trips.slice(0, MAX_SHEETS), meetings: meetings.slice(0, MAX_SHEETS) }
}

export function bookQuery(selection: BookSelection): string {
  const params = new URLSearchParams()
  if (selection.trips.length) params.set('trips', selection.trips.join(','))
  if (selection.meetings.length) params.set('meetings', selection.meetings.map((m) => `${m.slug}~${m.meetingId}`).join(','))
  return params.toString()
}

/** Loads every chosen sheet (unknown ones are skipped) in calendar order, plus a key of their revisions. */
export async function loadBook(selection: BookSelection): Promise<{ sheets: BookSheet[]; revisionKey: string }> {
  const slugs = [...new Set([...selection.trips, ...selection.meetings.map((m) => m.slug)])]
  const loaded = new Map<string, LoadedBriefing>()
  for (const slug of slugs) {
    const found = await loadBriefing(slug)
    if (found) loaded.set(slug, found)
  }
  const sheets: BookSheet[] = []
  for (const slug of selection.trips) {
    const found = loaded.get(slug)
    if (found) sheets.push({ key: `trip-${slug}`, slug, loaded: found, sortDate: found.trip.startDate ?? '9999', title: found.trip.title ?? slug })
  }
  for (const { slug, meetingId } of selection.meetings) {
    const found = loaded.get(slug)
    const meeting = found?.trip.meetings.find((m) => m._id === meetingId)
    // A meeting whose whole trip is already in the book adds nothing.
    if (!found || !meeting || selection.trips.includes(slug)) continue
    sheets.push({ key: `meeting-${meetingId}`, slug, meetingId, loaded: found, sortDate: meeting.date ?? found.trip.startDate ?? '9999', title: meeting.title ?? meetingId })
  }
  sheets.sort((a, b) => a.sortDate.localeCompare(b.sortDate) || a.title.localeCompare(b.title))
  const revisionKey = createHash('sha256')
    .update(sheets.map((s) => `${s.key}:${s.loaded.revisionKey}`).join('|'))
    .digest('hex')
    .slice(0, 32)
  return { sheets, revisionKey }
}
