/**
 * Purges the shared cache in front of the portal (cache/envoy.vcl) by surrogate key: one PURGE
 * naming every tag of a publish batch, the same tags the revalidation route expires in Next
 * (pages carry them as `Surrogate-Key`, ./surrogateKeys.ts).
 *
 * Plain fetch, not a library: it is one request with two headers.
 */
import { readSharedCacheEnv } from '@/lib/env'

/** A purge that does not answer in this time is reported; the ISR interval still refreshes the page. */
const PURGE_TIMEOUT_MS = 5_000

/** Header names the VCL reads (cache/envoy.vcl, vcl_recv). */
export const PURGE_SECRET_HEADER = 'X-Envoy-Purge-Secret'
export const PURGE_KEYS_HEADER = 'X-Envoy-Purge-Keys'

/**
 * Purges `keys` from the shared cache, when the portal is behind one (CACHE_PURGE_URL); resolves
 * with the number of objects purged, or null when there is no shared cache. Throws when the cache
 * refuses or cannot be reached, so the caller can say so.
 */
export async function purgeSharedCache(keys: readonly string[], env = readSharedCacheEnv()): Promise<number | null> {
  if (!env.purge || keys.length === 0) return null
  const { url, secret } = env.purge
  const send = () =>
    fetch(url, {
      method: 'PURGE',
      headers: { [PURGE_SECRET_HEADER]: secret, [PURGE_KEYS_HEADER]: keys.join(' ') },
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
    })
  let response: Response
  try {
    response = await send()
  } catch {
    // A kept-alive connection the cache closed while this server was too busy to notice fails
    // before the request is sent (seen under load). A purge can be repeated safely: once more.
    response = await send()
  }
  const text = await response.text()
  if (!response.ok) throw new Error(`the shared cache answered the purge with ${response.status}: ${text.slice(0, 200)}`)
  const purged = /Purged (\d+)/.exec(text)
  return purged ? Number(purged[1]) : 0
}
