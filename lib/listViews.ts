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

/** The public address of a view: `/trips?year=2021`, or `/trips` for the unfiltered list. */
export function publicPath(kind: ListKind, view: string): string {
  return view === ALL ? `/${kind}` : `/${kind}?${view}`
}

/** The values each filter of a list can take, as the content has them (page numbers aside). */
export type KnownValues<K extends ListKind> = Partial<Record<keyof (typeof PARAMETERS)[K], ReadonlySet<string>>>

/**
 * What a view route does with a view, before reading anything that depends on it. Views are
 * cached, so only views of values that exist may be rendered: otherwise every year, slug or page
 * number a reader types would be one more cache entry.
 * - `not-found`: not a canonical view (only the proxy's own rewrites are), answered 404;
 * - `redirect`: a filter value no content has (`?year=1914`) is dropped, and the reader sent to
 *   the list without it;
 * - `render`: every value exists (whether they match anything together is the page's to say).
 */
export type ViewDecision = { action: 'render' } | { action: 'redirect'; to: string } | { action: 'not-found' }

export function decideView<K extends ListKind>(kind: K, view: string, known: KnownValues<K>): ViewDecision {
  if (view !== ALL && viewOf(kind, new URLSearchParams(view)) !== view) return { action: 'not-found' }
  const query = new URLSearchParams(view === ALL ? '' : view)
  let dropped = false
  for (const [name, values] of Object.entries(known) as [string, ReadonlySet<string> | undefined][]) {
    const value = query.get(name)
    if (value !== null && values && !values.has(value)) {
      query.delete(name)
      dropped = true
    }
  }
  return dropped ? { action: 'redirect', to: publicPath(kind, viewOf(kind, query)) } : { action: 'render' }
}

/** Where a page number past the last page goes: the last page of the same view, or null if in range. */
export function lastPageRedirect(view: string, page: number, pageCount: number): string | null {
  if (page <= pageCount) return null
  const query = new URLSearchParams(view === ALL ? '' : view)
  query.set('page', String(pageCount))
  return publicPath('trips', viewOf('trips', query))
}
