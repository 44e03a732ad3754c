/**
 * Filtered lists (/trips?…, /facts?…) as cacheable pages.
 *
 * A page that reads its query string renders on every request. So /trips and /facts are static
 * pages of the unfiltered list, and for a query string the proxy (proxy.ts) turns it into one path
 * segment, the list's "view", and serves /trips?year=2021 from the internal route
 * /lists/trips/year=2021, which Next caches like any other page (ISR, expired by the publish
 * webhook). The public addresses stay as they are.
 *
 * The view is canonical: only the list's own parameters, in a fixed order, each checked for shape
 * (a year, a page number, a slug) and dropped otherwise. So equal filters share one cached page,
 * and a query string with anything else cannot mint new cache entries.
 */

export const LIST_KINDS = ['trips', 'facts'] as const
export type ListKind = (typeof LIST_KINDS)[number]

const SLUG = /^[a-z0-9][a-z0-9-]{0,95}$/

const PARAMETERS = {
  trips: { year: /^\d{4}$/, country: SLUG, official: SLUG, topic: SLUG, page: /^[1-9]\d{0,3}$/ },
  facts: { topic: SLUG, country: SLUG },
} as const satisfies Record<ListKind, Record<string, RegExp>>

/** The view for an unfiltered list (prerendered at build time). */
export const ALL = 'all'

/** Where the proxy serves each list from. */
export function listRoute(kind: ListKind, view: string): string {
  return `/lists/${kind}/${encodeURIComponent(view)}`
}

export function isListKind(value: string): value is ListKind {
  return (LIST_KINDS as readonly string[]).includes(value)
}

/** The canonical view of a query string: `year=2021&country=japan`, or `all`. */
export function viewOf(kind: ListKind, query: URLSearchParams): string {
  const canonical = new URLSearchParams()
  for (const [name, shape] of Object.entries(PARAMETERS[kind])) {
    const value = query.get(name)?.trim() ?? ''
    if (shape.test(value) && !(name === 'page' && value === '1')) canonical.set(name, value)
  }
  return canonical.size > 0 ? canonical.toString() : ALL
}

/** The filters a view names (every parameter of the list, "" when not set). */
export function filtersOf<K extends ListKind>(kind: K, view: string): Record<keyof (typeof PARAMETERS)[K], string> {
  const canonical = viewOf(kind, new URLSearchParams(view === ALL ? '' : view))
  const query = new URLSearchParams(canonical === ALL ? '' : canonical)
  const names = Object.keys(PARAMETERS[kind]) as (keyof (typeof PARAMETERS)[K] & string)[]
  return Object.fromEntries(names.map((name) => [name, query.get(name) ?? ''])) as Record<keyof (typeof PARAMETERS)[K], string>
}

/** A view route's `[view]` segment as a view (decoded here if Next passes it still escaped). */
export function viewFromSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
