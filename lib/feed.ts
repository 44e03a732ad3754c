/**
 * Atom feeds of trips (site-wide and per official), built with the `feed` library.
 * Entry ids are tag-like URNs from the document _id, so they never change when a slug does.
 */
import { Feed } from 'feed'
import { formatDateRange, formatWashingtonDate } from './time'

export interface FeedTrip {
  _id: string
  title: string | null
  slug: string | null
  startDate: string | null
  endDate: string | null
  destinations: ReadonlyArray<{ city: string | null; country: string | null }> | null
  officials: ReadonlyArray<{ name: string | null; title: string | null }> | null
  purposeText: string | null
  published: string | null
  updated: string | null
  withdrawnAt: string | null
  /** Major change notes, newest first (minor ones never reach readers). */
  majorChanges?: ReadonlyArray<{ date: string | null; note: string | null }> | null
}

/** "Updated May 4, 2026: The Seoul leg was added." for each major change, newest first. */
export function changeLines(trip: Pick<FeedTrip, 'majorChanges'>): string[] {
  return (trip.majorChanges ?? []).flatMap((change) => {
    if (!change.note) return []
    let date: string | null = null
    try {
      date = change.date ? formatWashingtonDate(change.date) : null
    } catch {
      date = null
    }
    return [`${date ? `Updated ${date}` : 'Updated'}: ${change.note}`]
  })
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function when(trip: FeedTrip): string | null {
  try {
    return trip.startDate ? formatDateRange(trip.startDate, trip.endDate) : null
  } catch {
    return null
  }
}

export function tripsAtom({
  title,
  description,
  site,
  selfPath,
  alternatePath,
  publisher,
  trips,
}: {
  title: string
  description: string
  site: string
  selfPath: string
  alternatePath: string
  publisher: string
  trips: readonly FeedTrip[]
}): string {
  const dated = trips.filter((trip) => trip.slug)
  const newest = dated.map((trip) => Date.parse(trip.updated ?? '')).filter(Number.isFinite)
  const feed = new Feed({
    id: `${site}${selfPath}`,
    title,
    description,
    link: `${site}${alternatePath}`,
    language: 'en',
    updated: newest.length > 0 ? new Date(Math.max(...newest)) : new Date(0),
    generator: 'Envoy',
    feedLinks: { atom: `${site}${selfPath}` },
    author: { name: publisher, link: site },
    copyright: `Published by ${publisher}`,
  })
  for (const trip of dated) {
    const places = (trip.destinations ?? [])
      .map((d) => [d.city, d.country].filter(Boolean).join(', '))
      .filter(Boolean)
      .join('; ')
    const officials = (trip.officials ?? [])
      .map((o) => [o.title, o.name].filter(Boolean).join(' '))
      .filter(Boolean)
      .join('; ')
    const changes = changeLines(trip)
    // The newest major change leads the summary, so a reader sees why the entry was updated.
    const summary = [trip.withdrawnAt ? 'This trip has been withdrawn.' : null, changes[0] ?? null, [when(trip), places].filter(Boolean).join(', '), officials, trip.purposeText]
      .filter(Boolean)
      .join(' — ')
    feed.addItem({
      id: `urn:envoy:${trip._id}`,
      title: trip.withdrawnAt ? `Withdrawn: ${trip.title ?? 'Trip'}` : (trip.title ?? 'Trip'),
      link: `${site}/trips/${trip.slug}`,
      date: new Date(trip.updated ?? trip.published ?? 0),
      published: trip.published ? new Date(trip.published) : undefined,
      description: summary,
      content: changes.length > 0 ? `<p>${escapeHtml(summary)}</p><h2>Change history</h2><ul>${changes.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : undefined,
    })
  }
  return feed.atom1()
}

export const ATOM_HEADERS = { 'Content-Type': 'application/atom+xml; charset=utf-8' } as const
