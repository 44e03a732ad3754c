/**
 * The commands Envoy's own scripts run, a wait for the lake to answer, and the process wiring of
 * `npm run dev` and `npm start`.
 *
 * `npm run dev`, `npm run build` and `npm start` all need the same lake
 * invocation; keeping it here means the seed file and flags live in one place.
 */
import { randomBytes } from 'node:crypto'
import concurrently from 'concurrently'
import { readContentSource, readLiveInvalidation } from '../../lib/env'
import { readLakeEnv } from '../../lake/env'
import { STUDIO_OUT_DIR, ensurePortalReadToken } from './studio'

export const SEED_FILE = 'sanity/seed/seed.ndjson'

/** Envoy's editorial rules on the lake (review, embargoes, schedules, share links). */
export const EDITORIAL_PLUGIN = 'editorial/lake/plugin.ts'

/** The lake serves on the data folder from LAKE_DIR, with Envoy's editorial plugin, and seeds it on first start. */
export const lakeServeCommand = `tsx lake/cli.ts serve --plugin ${EDITORIAL_PLUGIN} --seed ${SEED_FILE}`

/** Whether the portal reads from the local lake (true) or hosted Sanity (false). */
export function usesLocalLake(): boolean {
  return readContentSource().kind === 'lake'
}

export function lakePingUrl(): string {
  return `http://127.0.0.1:${readLakeEnv().LAKE_HTTP_PORT}/v1/ping`
}

export async function lakeIsUp(): Promise<boolean> {
  try {
    const response = await fetch(lakePingUrl(), { signal: AbortSignal.timeout(1000) })
    return response.ok
  } catch {
    return false
  }
}

/** Polls the lake's ping endpoint until it answers or the deadline passes. */
export async function waitForLake(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await lakeIsUp()) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The lake did not answer at ${lakePingUrl()} within ${timeoutMs / 1000} s.`)
}

/**
 * Wires the lake's publish webhooks to the portal started beside it, when the portal does not
 * listen to live events itself (PORTAL_LIVE_INVALIDATION=off, lib/live/cacheListener.ts): unless
 * the environment says otherwise, the lake then posts to this portal's /api/revalidate, signed
 * with a secret made for this run. Both processes inherit the result, so they always agree. With
 * the listener on (the default) no webhook is wired: it would expire the same pages twice.
 */
export function wirePublishWebhooks(): void {
  if (readLiveInvalidation()) return
  const { PORT } = readLakeEnv()
  process.env.SANITY_REVALIDATE_SECRET ||= randomBytes(32).toString('base64url')
  process.env.LAKE_WEBHOOK_URL ||= `http://127.0.0.1:${PORT}/api/revalidate`
}

/** One long-running process of `npm run dev` or `npm start`; its output is prefixed with `name`. */
export type StackProcess = { name: string; command: string; prefixColor: string; env?: NodeJS.ProcessEnv }

/**
 * The portal (`next dev` or `next start` on PORT). With the local lake it starts only once the
 * lake answers, so it never serves a request while its content source is still starting.
 */
export function portalProcess(mode: 'dev' | 'start', local: boolean, extraArgs = ''): StackProcess {
  const next = `next ${mode} -p ${readLakeEnv().PORT}${extraArgs ? ` ${extraArgs}` : ''}`
  return { name: 'portal', command: local ? `tsx scripts/wait-for-lake.ts && ${next}` : next, prefixColor: 'blue' }
}

/** The built Studio, served by `sanity preview` on STUDIO_PORT (npm start, npm run start:cached). */
export function studioProcess(): StackProcess {
  return { name: 'studio', command: `sanity preview ${STUDIO_OUT_DIR} --port ${readLakeEnv().STUDIO_PORT}`, prefixColor: 'green', env: { ...process.env, SANITY_TELEMETRY_DISABLED: '1' } }
}

/**
 * Runs `processes` side by side until they stop, after printing `banner`. With the local lake the
 * lake runs first among them, its publish webhooks point at the portal if it needs them, and the
 * portal gets a read token; both are set in this process's environment, which every process inherits beneath its own
 * `env`. Ctrl-C stops them all (concurrently passes the signal on); `killOthersOn` says which
 * exits of one process stop the others.
 */
export async function runStack(options: { local: boolean; processes: StackProcess[]; banner: string[]; killOthersOn: ('failure' | 'success')[] }): Promise<void> {
  const { local, processes, banner, killOthersOn } = options
  if (local) {
    wirePublishWebhooks()
    ensurePortalReadToken()
  }
  console.log(banner.join('\n'))
  const commands = local ? [{ name: 'lake', command: lakeServeCommand, prefixColor: 'magenta' }, ...processes] : processes
  const { result } = concurrently(commands, { killOthersOn, prefix: 'name' })
  await result
}
