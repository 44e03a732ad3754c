/**
 * Expires cache tags in Next and the same keys in the shared cache in front, as both ways in
 * (the publish webhook, app/api/revalidate, and live events, app/api/revalidate/live) need it.
 * Call it from a route handler: Next's `revalidateTag` needs a request's context.
 */
import { revalidateTag } from 'next/cache'
import { after } from 'next/server'
import { purgeSharedCache } from '@/lib/revalidation/sharedCache'

/** How long a render in flight at the change may take before the second expiry catches it. */
const SETTLE_MS = 3_000

/** How long after the second expiry the shared cache is purged again (see below). */
const PURGE_AFTER_EXPIRY_MS = 20

/** Purges the shared cache; a failure is logged, and the page's TTL there still bounds staleness. */
async function purge(tags: readonly string[]): Promise<void> {
  try {
    await purgeSharedCache(tags)
  } catch (error) {
    console.error('The shared cache could not be purged:', error instanceof Error ? error.message : error)
  }
}

export function expireTags(tags: readonly string[]): void {
  // Expire at once (not stale-while-revalidate): a corrected figure must not be served again.
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  // The shared cache is purged only once the response is out: Next applies the expiries above
  // when the handler returns, and a cache miss that reached Next before that would store the
  // old page again.
  after(() => purge(tags))
  // A render that read the content just before the change but is stored just after it (a
  // background ISR refresh on a busy server) would be taken as fresh, since Next compares the
  // tag's expiry with when an entry was stored. Expiring the same tags once more when such
  // renders have finished replaces it within seconds instead of after the next ISR interval.
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    for (const tag of tags) revalidateTag(tag, { expire: 0 })
    // Next applies expiries made in after() once every after() callback of the request has
    // returned; the purge is left to a timer so that it follows them.
    setTimeout(() => void purge(tags), PURGE_AFTER_EXPIRY_MS)
  })
}
