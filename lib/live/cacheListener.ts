/**
 * The portal's own listener to the content source's Live Content API, which keeps the public
 * cache fresh: every live event names the sync tags of what a committed change may alter, and the
 * listener hands them to the portal's invalidation route (app/api/revalidate/live), which expires
 * them in Next and purges them from the shared cache in front. The same on the lake and on hosted
 * Sanity (published content needs no token), and nothing to configure: no webhook.
 *
 * Why a server-side listener and not next-sanity's `<SanityLive />` on public pages: that one
 * expires tags from readers' browsers, so a page nobody has open stays stale, every open page
 * sends its own server action, and nothing of it reaches the shared cache, which answers readers
 * without asking Next.
 *
 * Started once per process by instrumentation.ts. Next's `revalidateTag` works only inside a
 * request, so the listener posts to the portal's own loopback address (readPortalLoopbackUrl)
 * with a per-process secret (./loopbackSecret.ts). Events that arrive while a post is under way
 * are sent together in the next one (lib/revalidation/batches.ts). When events may have been
 * missed (the stream broke and had to reconnect, or the source says `restart`), everything is
 * expired once: a needless refresh, never a stale page. Should the listener be down altogether,
 * the ISR interval (REVALIDATE_SECONDS) and the shared cache's TTL still bound staleness.
 */
import 'server-only'
import { readLiveInvalidation, readPortalLoopbackUrl } from '@/lib/env'
import { createBatcher } from '@/lib/revalidation/batches'
import { getClient } from '@/lib/sanity/baseClient'
import { invalidationFor, mergeInvalidations, type Invalidation } from './invalidation'
import { LOOPBACK_SECRET_HEADER, loopbackSecret } from './loopbackSecret'

const STARTED = Symbol.for('envoy.live-cache-listener')

/** How long to wait before listening again after the stream ended or failed for good. */
const RESUBSCRIBE_MS = 5_000

/** A post that takes longer is given up; the next event posts again. */
const POST_TIMEOUT_MS = 10_000

async function post(invalidation: Invalidation): Promise<void> {
  const response = await fetch(`${readPortalLoopbackUrl()}/api/revalidate/live`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [LOOPBACK_SECRET_HEADER]: loopbackSecret() },
    body: JSON.stringify(invalidation),
    signal: AbortSignal.timeout(POST_TIMEOUT_MS),
  })
  if (!response.ok) throw new Error(`the invalidation route answered ${response.status}: ${(await response.text()).slice(0, 200)}`)
}

const send = createBatcher(async (items: Invalidation[]) => {
  try {
    await post(mergeInvalidations(items))
  } catch (error) {
    console.error('Live invalidation could not reach the portal:', error instanceof Error ? error.message : error)
  }
})

function listen(missedEvents: boolean): void {
  let afterReconnect = missedEvents
  let stopped = false
  const restart = (why: string) => {
    if (stopped) return
    stopped = true
    console.error(`The live content stream stopped (${why}); listening again in ${RESUBSCRIBE_MS / 1000} s.`)
    // Later, not now: an error can arrive while subscribe() is still running.
    setTimeout(() => {
      subscription.unsubscribe()
      listen(true)
    }, RESUBSCRIBE_MS).unref()
  }
  const subscription = getClient()
    .live.events({ tag: 'portal.cache' })
    .subscribe({
      next: (event) => {
        if (event.type === 'reconnect') afterReconnect = true
        const invalidation = invalidationFor(event, afterReconnect)
        if (event.type === 'welcome') afterReconnect = false
        if (invalidation) void send(invalidation)
        if (event.type === 'goaway') restart(`the source asked to go away: ${event.reason}`)
      },
      error: (error: unknown) => restart(error instanceof Error ? error.message : String(error)),
      complete: () => restart('it ended'),
    })
}

/** Starts the listener (unless PORTAL_LIVE_INVALIDATION is off), once per process however often it is called. */
export function startCacheListener(): void {
  const holder = globalThis as { [STARTED]?: boolean }
  if (holder[STARTED] || !readLiveInvalidation()) return
  holder[STARTED] = true
  try {
    listen(false)
  } catch (error) {
    // A client that cannot listen at all (an API version before the Live Content API's): said once; ISR still refreshes pages.
    console.error('The portal cannot listen to live content events:', error instanceof Error ? error.message : error)
  }
}
