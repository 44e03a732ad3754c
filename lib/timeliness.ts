/**
 * "Published" and "Updated" for a trip, and the change notes readers see. Both dates come from
 * the content only: the Studio's Publish sets `firstPublishedAt` on the first publish and
 * `updatedAt` on each later one (sanity/workflow/publicationDates.ts), and editors may set either
 * by hand (a briefing first issued elsewhere). The documents' system times never stand in: an
 * import, a migration or a reference fix moves `_createdAt`/`_updatedAt` without anything being
 * published, and the seed trip would say "Published" on the day it was imported. Unknown dates
 * are not shown.
 */
export interface Timestamps {
  firstPublishedAt: string | null
  updatedAt: string | null
}

/** What the page says about publication: dates where known, or that a previewed draft is not published. */
export type PublicationLine = { kind: 'unpublished' } | { kind: 'dates'; published: string | null; updated: string | null }

export interface ChangeNote {
  _key: string
  date: string | null
  note: string | null
  major: boolean | null
}

export function publishedAt(trip: Timestamps): string | null {
  return trip.firstPublishedAt
}

/** The update time, or null when unknown or the same as the publication (nothing to say). */
export function updatedAt(trip: Timestamps): string | null {
  const updated = trip.updatedAt
  const published = publishedAt(trip)
  if (!updated) return null
  if (published && Math.abs(Date.parse(updated) - Date.parse(published)) < 60_000) return null
  return updated
}

/**
 * The publication line of a page: a draft that was never published (seen in preview) says so,
 * whatever dates its fields hold, since nothing of it has been published yet.
 */
export function publicationLine(trip: Timestamps, published: boolean): PublicationLine {
  if (!published) return { kind: 'unpublished' }
  return { kind: 'dates', published: publishedAt(trip), updated: updatedAt(trip) }
}

/** Major notes only, newest first: minor updates stay silent. */
export function majorChanges(notes: readonly ChangeNote[] | null | undefined): Array<ChangeNote & { date: string; note: string }> {
  return (notes ?? []).filter((note): note is ChangeNote & { date: string; note: string } => Boolean(note.major && note.date && note.note)).sort((a, b) => b.date.localeCompare(a.date))
}
