/**
 * `npm run test:e2e [-- <spec or playwright flags>]`: builds the production portal against a lake
 * in a fresh temporary folder (seeded on first start), then runs Playwright against
 * `npm run start:cached` (npm start with the shared cache in front) on the same folder and free
 * ports, so it stays clear of a running `npm run dev` and of the developer's own `.lake`.
 *
 * Every child runs in its own process group and the whole group is stopped when the run ends,
 * fails or is interrupted, so no lake, Studio or next-server outlives it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findChromium, NO_BROWSER_MESSAGE } from '../lib/chromium'
import { freePort } from './lib/ports'
import { varnishd } from './lib/varnish'

const children = new Set<ChildProcess>()

function stopAll(signal: NodeJS.Signals = 'SIGTERM') {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, signal)
    } catch {
      // already gone
    }
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, detached: true })
    children.add(child)
    child.on('exit', (code, signal) => {
      children.delete(child)
      // Whatever the command left behind in its group goes with it.
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM')
      } catch {
        // the group is empty
      }
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

async function main() {
  const browser = findChromium()
  if (!browser) {
    console.error(NO_BROWSER_MESSAGE)
    process.exit(1)
  }
  // The portal runs behind the shared cache, as in production (npm run start:cached).
  try {
    varnishd()
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
  const lakeDir = mkdtempSync(join(tmpdir(), 'envoy-e2e-lake-'))
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopAll()
      rmSync(lakeDir, { recursive: true, force: true })
      process.exit(130)
    })
  }
  // Chosen here, just before the build binds the lake to them; the build bakes LAKE_PORT and the
  // site URL into the Studio and the portal, so the same ports serve the tests. Playwright's
  // webServer refuses to start if one was taken meanwhile (reuseExistingServer: false).
  const [port, lakePort, lakeHttpPort, studioPort, cachePort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()]
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHROMIUM_PATH: browser,
    LAKE_DIR: lakeDir,
    PORT: String(port),
    LAKE_PORT: String(lakePort),
    LAKE_HTTP_PORT: String(lakeHttpPort),
    // The built Studio (npm start serves it) and the lake's CORS list and login redirect follow it.
    STUDIO_PORT: String(studioPort),
    // Varnish in front of the same portal (e2e/cache.spec.ts reads through it; the other specs
    // talk to next start on PORT directly).
    CACHE_PORT: String(cachePort),
    NEXT_PUBLIC_SITE_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    SANITY_TELEMETRY_DISABLED: '1',
    // The specs publish straight through the API and the Studio's Publish button, as a lake
    // without review enforcement allows; e2e/workflow.spec.ts switches review on for its own
    // tests through the lake's settings endpoint and back off afterwards.
    LAKE_REVIEW_REQUIRED: 'false',
    // Schedules and embargo lifts fall due when a spec moves the lake's clock (e2e/support/lake.ts).
    LAKE_CLOCK: 'manual',
  }
  // The tests always run on the local lake, never on a hosted project configured in the shell.
  delete env.SANITY_PROJECT_ID
  delete env.SANITY_API_READ_TOKEN
  let code = await run('npm', ['run', 'build'], env)
  if (code === 0) code = await run('npx', ['playwright', 'test', ...process.argv.slice(2)], env)
  stopAll()
  rmSync(lakeDir, { recursive: true, force: true })
  process.exit(code)
}

void main()
