/**
 * The surrogate keys of an answer Next cached: the sync tags among its cache tags, so that the
 * shared cache in front can purge exactly the answers a live event names (./isrCacheHandler.mjs
 * adds them to the answer; cache/envoy.vcl reads them).
 *
 * Plain JavaScript for the cache handler, which Next loads with a bare `import()`; the types are
 * in ./syncKeys.d.mts.
 */

/**
 * lib/revalidation/tags.ts's SYNC_TAG_PREFIX and ANY_CHANGE_TAG (this file cannot import
 * TypeScript; test/portal/sync-tags.test.ts checks that they agree).
 */
export const SYNC_TAG_PREFIX = 'sanity:'
export const ANY_CHANGE_TAG = `${SYNC_TAG_PREFIX}any-change`

/** The header Next keeps a rendered answer's cache tags in (and leaves out of the response it sends). */
export const CACHE_TAGS_HEADER = 'x-next-cache-tags'
/**
 * Not `Surrogate-Key`, which the route's own keys already use (lib/revalidation/surrogateKeys.ts):
 * Next sends a cached route handler's header only where the response has none of that name.
 */
export const SYNC_KEYS_HEADER = 'x-envoy-sync-keys'

/**
 * Above this many sync tags an answer is keyed by ANY_CHANGE_TAG alone: Varnish refuses a
 * backend header over 8 kB (`http_resp_hdr_len`), and a key is 18 characters and a space.
 */
export const MAX_SYNC_KEYS = 300

/**
 * The surrogate keys of an answer whose fetches Next tagged: the sync tags among its cache tags,
 * so that a live event naming one purges it (app/api/revalidate/live). Next applies a cached
 * answer's headers to the response it sends, the one just rendered as well as later hits; the
 * shared cache adds them to the route's own `Surrogate-Key` (cache/envoy.vcl).
 * Returns the keys' header value, or undefined for an answer with no sync tags.
 */
export function syncKeysOf(cacheTags) {
  if (typeof cacheTags !== 'string') return undefined
  const keys = [...new Set(cacheTags.split(',').filter((tag) => tag.startsWith(SYNC_TAG_PREFIX)))]
  if (keys.length === 0) return undefined
  return keys.length > MAX_SYNC_KEYS ? ANY_CHANGE_TAG : keys.sort().join(' ')
}
