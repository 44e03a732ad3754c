/**
 * The portal's one Sanity client: hosted Sanity or the local lake (`readContentSource`,
 * lib/env.ts), published perspective, a short timeout and no retries. What a request may see
 * (previews) is decided in lib/sanity/client.ts, which wraps this.
 */
import 'server-only'
import { createClient, type SanityClient } from 'next-sanity'
import { readContentSource } from '@/lib/env'

/**
 * How long a read may take before the render gives up (ms). @sanity/client's default is 300 s
 * with retries, so a hung content source held a render, and the reader, for minutes, and kept
 * doing so for every render queued behind it after the source recovered. A page that cannot be
 * read in this time shows the error page (app/error.tsx) while cached pages keep being served;
 * the next request after the source answers again renders normally. Every query the portal
 * makes answers in milliseconds, so this is far above a slow read and far below a reader's
 * patience.
 */
export const READ_TIMEOUT_MS = 5_000

let cached: SanityClient | undefined

/** Created on first use, so importing this module never throws over a missing variable. */
export function getClient(): SanityClient {
  if (cached) return cached
  const source = readContentSource()
  const shared = {
    dataset: source.dataset,
    apiVersion: source.apiVersion,
    perspective: 'published',
    // The token only ever lives here, on the server; nothing in this module reaches the browser.
    token: source.token,
    // ISR is our cache. The API CDN would add a second, independent delay to every publish.
    useCdn: false,
    timeout: READ_TIMEOUT_MS,
    // No retries: a retried read multiplies the wait by the retries, and a failed render is
    // retried anyway by the reader's next request (or the next regeneration of a cached page).
    maxRetries: 0,
  } as const
  cached =
    source.kind === 'lake'
      ? createClient({
          ...shared,
          projectId: source.projectId,
          apiHost: source.apiHost,
          // Node cannot resolve `local.127.0.0.1`: send every request to the apiHost itself.
          useProjectHostname: false,
        })
      : createClient({ ...shared, projectId: source.projectId })
  return cached
}
