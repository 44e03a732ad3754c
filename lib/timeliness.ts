/**
 * "Published" and "Updated" for a trip, and the change notes readers see. Editors may set
 * firstPublishedAt/updatedAt by hand (e.g. for a briefing first issued elsewhere); otherwise the
 * document's own creation and last-change times stand in.
 */
export interface Timestamps {
  firstPublishedAt: string | null
  updatedAt: string | null
  createdAt: string | null
  lastModified: string | null
}

export interface ChangeNote {
  _key: string
  date: string | null
  note: string | null
  major: boolean | null
}

export function publishedAt(trip: Timestamps): string | null {
  return trip.firstPublishedAt ?? trip.createdAt
}

/** The update time, or null when it is the same as the publication (nothing to say). */
export function updatedAt(trip: Timestamps): string | null {
  const updated = trip.updatedAt ?? trip.lastModified
  const published = publishedAt(trip)
  if (!updated) return null
  if (published && Math.abs(Date.parse(updated) - Date.parse(published)) < 60_000) return null
  return updated
}

/** Major notes only, newest first: minor updates stay silent. */
export function majorChanges(notes: readonly ChangeNote[] | null | undefined): Array<ChangeNote & { date: string; note: string }> {
  return (notes ?? [])
    .filter((note): note is ChangeNote & { date: string; note: string } => Boolean(note.major && note.date && note.note))
    .sort((a, b) => b.date.localeCompare(a.date))
}
