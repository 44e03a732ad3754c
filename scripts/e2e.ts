/**
 * `npm run test:e2e [-- <spec or playwright flags>]`: builds the production portal against a lake
 * in a fresh temporary folder (seeded on first start), then runs Playwright against
 * `npm run start:cached` (npm start with the shared cache in front) on the same folder and free
 * ports, so it stays clear of a running `npm run dev` and of the developer's own `.lake`.
 *
 * Every child runs in its own process group and the whole group is stopped when the run ends,
 * fails or is interrupted, so no lake, Studio or next-server outlives it.
 *
 * `npm run test:e2e -- --each [specs…]` builds once, then runs every spec (or the ones named) on
 * its own: a fresh, freshly seeded lake folder and a fresh `npm run start:cached` per spec, so a
 * spec that leans on another's data, or on the order of the run, fails.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findChromium, NO_BROWSER_MESSAGE } from '../lib/chromium'
import { readBuildEnv } from '../lib/env'
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
  const argv = process.argv.slice(2)
  const each = argv.includes('--each')
  const playwrightArgs = argv.filter((arg) => arg !== '--each')
  // Every temporary folder of the run (lakes, the build snapshot) goes when it ends.
  const tempDirs = new Set<string>()
  const newTempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    tempDirs.add(dir)
    return dir
  }
  const removeTempDirs = () => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  }
  const newLakeDir = () => newTempDir('envoy-e2e-lake-')
  const lakeDir = newLakeDir()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopAll()
      removeTempDirs()
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
  if (code === 0 && !each) code = await run('npx', ['playwright', 'test', ...playwrightArgs], env)
  if (code === 0 && each) code = await runEachAlone(playwrightArgs, env, newLakeDir, newTempDir('envoy-e2e-build-'))
  stopAll()
  removeTempDirs()
  process.exit(code)
}

/**
 * The parts of the build folder the running portal writes to (its ISR pages and fetch cache), so
 * each spec alone starts from the build as it was made, not from what the spec before it cached.
 */
const RUNTIME_CACHE_DIRS = ['server/app', 'cache/fetch-cache']

function snapshotRuntimeCache(snapshot: string): () => void {
  const distDir = readBuildEnv().NEXT_DIST_DIR
  for (const dir of RUNTIME_CACHE_DIRS) if (existsSync(join(distDir, dir))) cpSync(join(distDir, dir), join(snapshot, dir), { recursive: true })
  return () => {
    for (const dir of RUNTIME_CACHE_DIRS) {
      rmSync(join(distDir, dir), { recursive: true, force: true })
      if (existsSync(join(snapshot, dir))) cpSync(join(snapshot, dir), join(distDir, dir), { recursive: true })
    }
  }
}

/**
 * Each spec on its own lake, seeded afresh on its first start, and on the portal's cache as the
 * build left it, after the one build. The prerendered pages came from the seed, as every fresh
 * lake's content does.
 */
async function runEachAlone(args: string[], env: NodeJS.ProcessEnv, newLakeDir: () => string, snapshotDir: string): Promise<number> {
  const restoreRuntimeCache = snapshotRuntimeCache(snapshotDir)
  const named = args.filter((arg) => arg.endsWith('.spec.ts'))
  const flags = args.filter((arg) => !arg.endsWith('.spec.ts'))
  const specs = named.length
    ? named
    : readdirSync('e2e')
        .filter((name) => name.endsWith('.spec.ts'))
        .sort()
        .map((name) => `e2e/${name}`)
  const failed: string[] = []
  for (const spec of specs) {
    console.log(`\n=== ${spec}, alone on a fresh lake ===`)
    restoreRuntimeCache()
    // Each spec keeps its own results folder: a later spec's run would clear a shared one.
    const output = join('test-results', 'each', spec.replace(/^e2e\//, '').replace(/\.spec\.ts$/, ''))
    if ((await run('npx', ['playwright', 'test', spec, '--output', output, ...flags], { ...env, LAKE_DIR: newLakeDir() })) !== 0) failed.push(spec)
  }
  console.log(`\n${specs.length - failed.length} of ${specs.length} specs passed alone${failed.length ? `; failed: ${failed.join(', ')}` : ''}`)
  return failed.length ? 1 : 0
}

void main()
