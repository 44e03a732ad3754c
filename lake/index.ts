/**
 * Programmatic entry point of Envoy's local content lake.
 *
 *   const lake = await startLake({ dir: '/tmp/lake', port: 0, httpPort: 0 })
 *   // lake.httpsUrl (HTTP/2 + TLS, for browsers), lake.httpUrl (plain HTTP on 127.0.0.1)
 *   await lake.close()
 *
 * Anything not given falls back to the environment (lake/env.ts: LAKE_DIR, LAKE_PORT,
 * LAKE_HTTP_PORT, LAKE_HOST, LAKE_CORS_ORIGINS, PORT, STUDIO_PORT). Port 0 picks a free port;
 * the URLs report the port actually bound.
 */
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { readLakeEnv } from './env'
import { AccountStore } from './accounts'
import { TokenStore } from './auth'
import { tightenTree } from './file-modes'
import { TransformCache } from './transform-cache'
import { ListenHub } from './listen'
import { startWebhooks, type WebhookTarget } from './webhooks'
import { importFile } from './ndjson'
import type { QueryLimits } from './limits'
import { PresenceHub } from './presence'
import { QueryPool } from './query-pool'
import type { QueryPoolOptions } from './query-pool'
import type { App, LakeContext } from './routes/common'
import { buildApp } from './server'
import { Store } from './store'
import { LAKE_PROJECT_ID, ensureCertificate } from './tls'
import { manualClock, systemClock, type Clock } from './clock'
import { importCheckOf, writeGuardOf, type BackgroundWork, type LakePlugin } from './plugin'
import { startReleaseScheduler, RELEASE_SCHEDULER_AUTHOR } from './release-scheduler'

export { createToken } from './auth'
export type { TokenRole, Role } from './types'
export type { LakePlugin } from './plugin'

export type StartLakeOptions = {
  /** Data folder (SQLite database, TLS certificate). Default: LAKE_DIR. */
  dir?: string
  /** HTTPS/HTTP2 port. Default: LAKE_PORT; 0 picks a free one. */
  port?: number
  /** Plain HTTP port on 127.0.0.1. Default: LAKE_HTTP_PORT; 0 picks a free one. */
  httpPort?: number
  /** Interface the HTTPS server binds (and the host name in httpsUrl). Default: LAKE_HOST. */
  host?: string
  /** NDJSON file imported first when the seed dataset is empty. */
  seedFile?: string
  /** Dataset the seed goes into. Default: production. */
  seedDataset?: string
  /** No log output. */
  quiet?: boolean
  /** Browser origins allowed by CORS. Default: the portal and Studio origins + LAKE_CORS_ORIGINS. */
  corsOrigins?: string[]
  /** Largest accepted request body in bytes (413 above it). */
  bodyLimit?: number
  /** Where published changes are posted as signed webhooks. Default: LAKE_WEBHOOK_URL + SANITY_REVALIDATE_SECRET. */
  webhook?: WebhookTarget
  /** Query time/size/nesting limits; default lake/limits.ts DEFAULT_QUERY_LIMITS. */
  queryLimits?: Partial<QueryLimits>
  /** Query worker pool sizing (lake/query-pool.ts); default one worker per core. */
  queryWorkers?: Omit<QueryPoolOptions, 'dir'>
  /** Public HTTPS origin asset URLs point to. Default: LAKE_PUBLIC_URL, else the HTTPS server's own address. */
  publicUrl?: string
  /** Behaviour beyond Sanity's (lake/plugin.ts). None: the lake is plain hosted Sanity. */
  plugins?: LakePlugin[]
  /** How often the lake looks for scheduled releases that fell due. Default: 1000 ms. */
  schedulerIntervalMs?: number
  /** Lake time (lake/clock.ts); LAKE_CLOCK picks the system clock or a manual one. */
  clock?: Clock
  /** Bound of the image-transform cache on disk, in bytes. Default: LAKE_TRANSFORM_CACHE_MB. */
  transformCacheBytes?: number
}

export type RunningLake = {
  httpsUrl: string
  httpUrl: string
  /** Where asset URLs point (publicUrl, LAKE_PUBLIC_URL or httpsUrl). */
  publicUrl: string
  port: number
  httpPort: number
  dir: string
  close(): Promise<void>
}

export function defaultCorsOrigins(env = readLakeEnv()): string[] {
  const origins = [`http://localhost:${env.PORT}`, `http://localhost:${env.STUDIO_PORT}`, `http://127.0.0.1:${env.PORT}`, `http://127.0.0.1:${env.STUDIO_PORT}`]
  const extra = (env.LAKE_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean)
  return [...new Set([...origins, ...extra])]
}

/** The host part of the lake's URLs for the interface it binds. */
function urlHostOf(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
}

function boundPort(app: App): number {
  return (app.server.address() as AddressInfo).port
}

export async function startLake(options: StartLakeOptions = {}): Promise<RunningLake> {
  const env = readLakeEnv()
  const dir = path.resolve(options.dir ?? env.LAKE_DIR)
  const log = options.quiet ? () => undefined : (message: string) => console.log(`[lake] ${message}`)
  const store = new Store(dir)
  // Folders written before files were created owner-only (or restored loosely) are fixed here.
  tightenTree(dir)
  const corsOrigins = options.corsOrigins ?? defaultCorsOrigins(env)
  const context: LakeContext = {
    store,
    hub: new ListenHub(),
    tokens: new TokenStore(store.db),
    projectId: LAKE_PROJECT_ID,
    accounts: new AccountStore(store.db),
    dir,
    corsOrigins,
    queryLimits: options.queryLimits,
    queries: new QueryPool(store, { ...options.queryWorkers, dir }),
    transforms: new TransformCache(dir, options.transformCacheBytes ?? env.LAKE_TRANSFORM_CACHE_MB * 1024 * 1024),
    clock: options.clock ?? (env.LAKE_CLOCK === 'manual' ? manualClock() : systemClock),
    plugins: [],
  }
  const plugins = options.plugins ?? []
  context.plugins = plugins.map((plugin) => ({ name: plugin.name, studioName: plugin.studioName, ...plugin.setup?.(context) }))
  const checkImport = importCheckOf(plugins)
  const background: BackgroundWork[] = []
  const closeBackground = () => Promise.all(background.map((work) => work.close()))
  const presence = new PresenceHub(context)
  const webhook = options.webhook ?? (env.LAKE_WEBHOOK_URL && env.SANITY_REVALIDATE_SECRET ? { url: env.LAKE_WEBHOOK_URL, secret: env.SANITY_REVALIDATE_SECRET, dataset: 'production' } : undefined)
  const apps: App[] = []
  try {
    const seedDataset = options.seedDataset ?? 'production'
    if (options.seedFile && store.count(seedDataset) === 0) {
      log(`Dataset "${seedDataset}" is empty: importing ${options.seedFile}`)
      const { written } = await importFile(context, { dataset: seedDataset, file: options.seedFile, mode: 'create', progress: log, checkImport })
      log(`Imported ${written} documents`)
    }
    // Webhooks start after the first-start seed import: it fills an empty dataset that nothing has
    // read yet, so no page can be showing an older version of it, and its webhooks (retried while
    // a portal starting alongside is not up yet) would only re-render the whole site a few times.
    if (webhook) startWebhooks(context.hub, webhook)
    const tls = await ensureCertificate(dir)
    const secure = buildApp(context, { corsOrigins, bodyLimit: options.bodyLimit, tls })
    apps.push(secure)
    const plain = buildApp(context, { corsOrigins, bodyLimit: options.bodyLimit })
    apps.push(plain)
    const host = options.host ?? env.LAKE_HOST
    await secure.listen({ port: options.port ?? env.LAKE_PORT, host })
    context.publicOrigin = options.publicUrl ?? env.LAKE_PUBLIC_URL ?? `https://${urlHostOf(host)}:${boundPort(secure)}`
    // Plain HTTP stays on loopback: it carries tokens unencrypted.
    await plain.listen({ port: options.httpPort ?? env.LAKE_HTTP_PORT, host: '127.0.0.1' })
    // Presence WebSockets upgrade on the raw servers (the HTTP/2 server accepts HTTP/1.1 upgrades).
    presence.attach(secure.server)
    presence.attach(plain.server)
    // After the seed import and once serving: a scheduled release, or a plugin's work, missed
    // while the lake was down runs now. Scheduled releases are Sanity's own, so the lake runs them
    // with or without plugins; they pass the plugins' write guards like a release published by hand.
    background.push(
      startReleaseScheduler(context, {
        intervalMs: options.schedulerIntervalMs,
        log,
        clock: context.clock,
        guard: (dataset) => writeGuardOf(context, { role: 'administrator', id: RELEASE_SCHEDULER_AUTHOR }, dataset),
      }),
    )
    for (const plugin of context.plugins) if (plugin.startBackground) background.push(plugin.startBackground(log))
    // Twice: a tick already under way when the clock moved read the time before the move.
    context.runDue = async () => {
      for (const work of background) {
        await work.tick()
        await work.tick()
      }
    }
    const port = boundPort(secure)
    const httpPort = boundPort(plain)
    const lake: RunningLake = {
      httpsUrl: `https://${urlHostOf(host)}:${port}`,
      httpUrl: `http://127.0.0.1:${httpPort}`,
      publicUrl: context.publicOrigin,
      port,
      httpPort,
      dir,
      close: async () => {
        await closeBackground()
        context.hub.closeAll()
        presence.close()
        await Promise.all(apps.map((app) => app.close()))
        await context.queries.close()
        store.close()
      },
    }
    log(`HTTPS + HTTP/2 on ${lake.httpsUrl} (certificate: ${tls.certFile})`)
    log(`HTTP on ${lake.httpUrl} (server-side clients)`)
    log(`Asset URLs on ${context.publicOrigin}`)
    if (webhook) log(`Publish webhooks to ${webhook.url}`)
    log(`Data in ${dir}`)
    return lake
  } catch (error) {
    await closeBackground()
    context.hub.closeAll()
    presence.close()
    await Promise.all(apps.map((app) => app.close().catch(() => undefined)))
    await context.queries.close()
    store.close()
    throw error
  }
}
