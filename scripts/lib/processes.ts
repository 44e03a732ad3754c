/**
 * The commands Envoy's own scripts run, and a wait for the lake to answer.
 *
 * `npm run dev`, `npm run build` and `npm start` all need the same lake
 * invocation; keeping it here means the seed file and flags live in one place.
 */
import { randomBytes } from 'node:crypto'
import { readContentSource, readLakeEnv } from '../../lib/env'

export const SEED_FILE = 'sanity/seed/seed.ndjson'

/** The lake serves on the data folder from LAKE_DIR and seeds it on first start. */
export const lakeServeCommand = `tsx lake/cli.ts serve --seed ${SEED_FILE}`

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
 * Wires the lake's publish webhooks to the portal started beside it: unless the environment says
 * otherwise, the lake posts to this portal's /api/revalidate, signed with a secret made for this
 * run. Both processes inherit the result, so they always agree.
 */
export function wirePublishWebhooks(): void {
  const { PORT } = readLakeEnv()
  process.env.SANITY_REVALIDATE_SECRET ||= randomBytes(32).toString('base64url')
  process.env.LAKE_WEBHOOK_URL ||= `http://127.0.0.1:${PORT}/api/revalidate`
}
