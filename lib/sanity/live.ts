/**
 * next-sanity's Live Content API integration (`defineLive`), for staff preview: `<SanityLive />`
 * (components/preview/PreviewLive.tsx) opens the browser's own connection to the content source's
 * `/data/live/events/{dataset}` (the lake serves it, as hosted Sanity does) and refreshes the page
 * when a change is announced. Same code on both; what differs is the address the browser is
 * given: on hosted Sanity the project's API host, on the lake its HTTPS address
 * (`https://LAKE_HOST:LAKE_PORT`, the one the Studio uses; the server's own loopback address is no
 * use to a browser on another machine). The portal's origin must be an allowed CORS origin there
 * (the lake allows the portal's own origins and LAKE_CORS_ORIGINS; hosted Sanity: add it under the
 * project's API settings); the client probes `/check/cors` when the stream fails, and the CSP's
 * `connect-src` names the same address (lib/env.ts `readBrowserLiveAddress`, lib/security/headers.ts).
 *
 * Tokens: the server's read token is never given to `<SanityLive />` (`browserToken: false`), so
 * the browser listens as an anonymous reader, to published changes only. Draft edits reach an
 * open preview through the Presentation tool, which announces every mutation of the documents it
 * shows (PreviewEditing's `refresh`). A browser token would also announce drafts outside
 * Presentation, but a token in the page can be read by any script in it, and the server's token
 * also keys the preview cookies (lib/preview/signedCookie.ts).
 *
 * Public reads are cached under their sync tags the way `defineLive`'s `sanityFetch` does it, but
 * by lib/sanity/client.ts, which keeps the cache life bounded by the next embargo lift (that
 * `sanityFetch` caches with `revalidate: false`); the portal's own listener expires them on each
 * live event, in Next and in the shared cache (lib/live/cacheListener.ts), rather than readers'
 * open pages. docs/performance.md, "Live content", says more.
 */
import 'server-only'
import { defineLive } from 'next-sanity/live'
import { readBrowserLiveAddress } from '@/lib/env'
import { getClient } from '@/lib/sanity/baseClient'

type Live = ReturnType<typeof defineLive>

let live: Live | undefined

/** Defined on first use, like the client it wraps, so importing this module never throws over a missing variable. */
export function getLive(): Live {
  if (live) return live
  const { apiHost } = readBrowserLiveAddress()
  // `<SanityLive />` hands the client's address to the browser; the server's token stays out of it.
  const client = getClient().withConfig({ token: undefined, ...(apiHost ? { apiHost, useProjectHostname: false } : {}) })
  live = defineLive({ client, serverToken: false, browserToken: false })
  return live
}
