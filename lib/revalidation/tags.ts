/**
 * Cache tags: which cached fetches (and so which ISR pages) a published change expires.
 *
 * - `sanity` is on every content fetch: expiring it refreshes the whole site (site settings, which
 *   every page's header and footer show).
 * - `<type>:<slug>` is on the fetches of one document's pages: `trip:<slug>` (trip page, briefing
 *   sheets, share image), `official:<slug>`, `country:<slug>`.
 * - `list:<type>` is on fetches that list or count documents of a type (home, indexes, feeds,
 *   sitemap, search): any published change to a document of that type expires them, since a new
 *   or removed document changes the list.
 */
export const CONTENT_TAG = 'sanity'

/** Document types with pages of their own, tagged `<type>:<slug>`. */
export const PAGE_TYPES = ['trip', 'official', 'country'] as const
export type PageType = (typeof PAGE_TYPES)[number]

export function isPageType(type: string): type is PageType {
  return (PAGE_TYPES as readonly string[]).includes(type)
}

/**
 * Next refuses tags over 256 characters; slugs that long do not occur, but a request can name one
 * (/trips/aaaa…). Cutting it keeps the fetch cacheable; two cut slugs sharing a tag only means one
 * expires the other's page too.
 */
const MAX_SLUG_IN_TAG = 200

export function pageTag(type: PageType, slug: string): string {
  return `${type}:${slug.slice(0, MAX_SLUG_IN_TAG)}`
}

export function listTag(type: string): string {
  return `list:${type}`
}
