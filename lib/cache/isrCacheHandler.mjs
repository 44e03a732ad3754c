/**
 * The portal's ISR cache: Next.js's own file-system cache, except that it never stores a new
 * entry for an answer that is not a success.
 *
 * Why: Next.js caches whatever an ISR route renders, `notFound()` included, under the address
 * asked for. Every junk slug (/trips/anything, /officials/x/feed.xml, an engagement id that does
 * not exist) would add a cache entry, on disk and in memory, without bound. A successful answer
 * exists only for content that exists, so storing only successes bounds the cache by the
 * content. An error answer still replaces an entry that is already cached for that address, so
 * a trip that is unpublished or deleted stops being served from the cache.
 *
 * It also gives each stored page and route answer its sync tags as surrogate keys (withSyncKeys),
 * so the shared cache in front can purge exactly the answers a live event names.
 *
 * Plain JavaScript because Next.js loads this file with a bare `import()` at run time
 * (`cacheHandler` in next.config.ts). Build-time prerendering is left to Next.js unchanged.
 */
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import sharedCacheControls from 'next/dist/server/lib/incremental-cache/shared-cache-controls.external.js'
import { CACHE_TAGS_HEADER, SYNC_KEYS_HEADER, syncKeysOf } from './syncKeys.mjs'

const FileSystemCache = fileSystemCache.default ?? fileSystemCache
const SharedCacheControls = sharedCacheControls.SharedCacheControls

/** Cached answers of pages and route handlers carry the status they were served with. */
function isErrorAnswer(data) {
  if (!data || (data.kind !== 'APP_PAGE' && data.kind !== 'APP_ROUTE')) return false
  return typeof data.status === 'number' && (data.status < 200 || data.status > 299)
}

/** Adds the answer's sync keys to its stored headers (in place: Next sends the rendered answer from this same object). */
function withSyncKeys(data) {
  if (!data || (data.kind !== 'APP_PAGE' && data.kind !== 'APP_ROUTE') || !data.headers) return data
  const keys = syncKeysOf(data.headers[CACHE_TAGS_HEADER])
  if (keys) data.headers[SYNC_KEYS_HEADER] = keys
  return data
}

export default class IsrCacheHandler extends FileSystemCache {
  async get(key, ctx) {
    const entry = await super.get(key, ctx)
    // Pages prerendered by the build were stored without the handler's keys.
    if (entry?.value) withSyncKeys(entry.value)
    return entry
  }

  async set(key, data, ctx) {
    withSyncKeys(data)
    if (process.env.NEXT_PHASE !== 'phase-production-build' && isErrorAnswer(data) && !(await this.get(key, ctx))) {
      // Next.js notes each entry's revalidate time in a process-wide map before it calls the
      // handler; without this, every junk address would still leave its note there.
      SharedCacheControls?.cacheControls?.delete?.(key)
      return
    }
    return super.set(key, data, ctx)
  }
}
