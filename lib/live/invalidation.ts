/**
 * What the portal's live listener (./cacheListener.ts) asks its invalidation route to expire for
 * each live event, and how the events of one batch combine. Kept apart from the listener so that
 * it can be tested without a server.
 */
import type { LiveEvent } from 'next-sanity'

/** What one post to the invalidation route asks for: some sync tags, or everything. */
export type Invalidation = { tags: string[] } | { all: true }

/**
 * What an event means for the cache. `afterReconnect`: the stream broke and was opened again
 * since the last welcome, so events may have been missed while it was down, and the welcome that
 * follows expires everything once (a needless refresh, never a stale page).
 */
export function invalidationFor(event: LiveEvent, afterReconnect: boolean): Invalidation | null {
  if (event.type === 'message') return event.tags.length > 0 ? { tags: event.tags } : null
  if (event.type === 'restart') return { all: true }
  if (event.type === 'welcome' && afterReconnect) return { all: true }
  return null
}

/**
 * The most tags one post may name (app/api/revalidate/live refuses more). An event names a
 * handful; a batch that gathered more while a post was under way asks for everything instead,
 * rather than being refused and lost.
 */
export const MAX_INVALIDATION_TAGS = 5_000

/** The invalidations of a batch as one: everything if any asks for it or the tags are too many, else the union of the tags. */
export function mergeInvalidations(items: readonly Invalidation[]): Invalidation {
  if (items.some((item) => 'all' in item)) return { all: true }
  const tags = [...new Set(items.flatMap((item) => ('tags' in item ? item.tags : [])))].sort()
  return tags.length > MAX_INVALIDATION_TAGS ? { all: true } : { tags }
}
