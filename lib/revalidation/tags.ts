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

/**
 * Sync tags as cache tags. The content source's query responses name what each result depends
 * on (`syncTags`), and its Live Content API names the tags each committed change may alter; a
 * public read is cached under its sync tags with next-sanity's prefix (the one `defineLive`'s
 * `sanityFetch` and `parseTags` use), so a live event expires exactly the reads it names
 * (lib/live/cacheListener.ts, app/api/revalidate/live).
 */
export const SYNC_TAG_PREFIX = 'sanity:'

/**
 * On reads whose sync tags Next cannot keep (it keeps 128 tags per fetch and drops the rest) or
 * that came without any: every live event expires it, so such a read is refreshed too often
 * rather than left stale. lib/cache/syncKeys.mjs repeats this string (plain JavaScript
 * cannot import it); test/portal/sync-tags.test.ts checks that they agree.
 */
export const ANY_CHANGE_TAG = `${SYNC_TAG_PREFIX}any-change`

/** Next's limit of tags on one fetch (`NEXT_CACHE_TAG_MAX_ITEMS`); beyond it tags are dropped with a warning. */
const NEXT_TAGS_PER_FETCH = 128

/** Sync tags longer than this are not Sanity's (`s1:` and a short hash); a read naming one is tagged as any change. */
const MAX_SYNC_TAG_LENGTH = 64

/**
 * The cache tags of a public read: `tags` and its sync tags, or `tags` and ANY_CHANGE_TAG when
 * the sync tags are missing, malformed or more than Next keeps beside `tags`.
 */
export function cacheTagsWithSyncTags(tags: readonly string[], syncTags: readonly unknown[] | undefined): string[] {
  const usable = (syncTags ?? []).filter((tag): tag is string => typeof tag === 'string' && tag.length > 0 && tag.length <= MAX_SYNC_TAG_LENGTH)
  if (usable.length === 0 || usable.length !== syncTags?.length || usable.length > NEXT_TAGS_PER_FETCH - tags.length) return [...tags, ANY_CHANGE_TAG]
  return [...tags, ...usable.map((tag) => `${SYNC_TAG_PREFIX}${tag}`)]
}
