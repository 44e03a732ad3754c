/**
 * `npm run start:cached`: `npm start` with the shared cache in front. Varnish (cache/envoy.vcl)
 * serves readers on CACHE_PORT from its cache, asks `next start` (on PORT) for what it does not
 * hold, and is purged by surrogate key whenever a publish expires pages in Next; the lake and the
 * Studio run as in `npm start`. Any process exiting, or Ctrl-C, stops all of them.
 *
 * Needs Debian's `varnish` and `varnish-modules` (for xkey). The purge secret is made for this
 * run unless CACHE_PURGE_SECRET is set; varnishd keeps its working folder in the system's
 * temporary folder, removed when it stops.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { readSharedCacheEnv } from '../lib/env'
import { readLakeEnv } from '../lake/env'
import { runMain } from './lib/main'
import { portalProcess, runStack, studioProcess, usesLocalLake } from './lib/processes'
import { ensureAdministrator } from './lib/studio'
import { PORTAL_KEEP_ALIVE_MS, prepareVarnish } from './lib/varnish'

async function main() {
  const { PORT, STUDIO_PORT } = readLakeEnv()
  const { port: cachePort, memory } = readSharedCacheEnv()
  if (cachePort === PORT) throw new Error(`CACHE_PORT and PORT are both ${PORT}: the cache and the portal need a port each.`)
  // The portal inherits both: it leaves compression to the cache and purges it on publish.
  process.env.CACHE_PURGE_SECRET ||= randomBytes(32).toString('base64url')
  process.env.CACHE_PURGE_URL ||= `http://127.0.0.1:${cachePort}/`
  // Links and feeds name the address readers use, unless it is set explicitly.
  process.env.NEXT_PUBLIC_SITE_URL ||= `http://localhost:${cachePort}`
  // Staff may preview on the readers' address too; their preview's live updates (<SanityLive />,
  // lib/sanity/live.ts) then call the lake from that origin, which must be allowed.
  process.env.LAKE_CORS_ORIGINS = [process.env.LAKE_CORS_ORIGINS, `http://localhost:${cachePort}`, `http://127.0.0.1:${cachePort}`].filter(Boolean).join(',')
  const { purge } = readSharedCacheEnv()
  if (!purge) throw new Error('CACHE_PURGE_URL and CACHE_PURGE_SECRET could not be set.')

  const varnish = prepareVarnish({ port: cachePort, backendPort: PORT, purgeSecret: purge.secret, memory })
  try {
    const local = usesLocalLake()
    const signIn = local ? await ensureAdministrator() : []
    await runStack({
      local,
      processes: [portalProcess('start', local, `--keepAliveTimeout ${PORTAL_KEEP_ALIVE_MS}`), { name: 'cache', command: varnish.command, prefixColor: 'yellow' }, studioProcess()],
      banner: [...signIn, `Readers http://localhost:${cachePort} (shared cache)  Portal http://localhost:${PORT}  Studio http://localhost:${STUDIO_PORT}`],
      killOthersOn: ['failure', 'success'],
    })
  } finally {
    rmSync(varnish.workDir, { recursive: true, force: true })
  }
}

runMain(main)
