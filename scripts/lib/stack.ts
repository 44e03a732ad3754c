/**
 * Starts what the portal benchmarks need and stops it again: a lake on a fresh temporary folder
 * (seeded with Envoy's seed content), a production build of the portal against it, and
 * `next start`, all on free ports, with the portal's caches kept fresh exactly as
 * `npm start` wires them (scripts/lib/processes.ts). The Studio is not built or started: no
 * benchmark reads it.
 *
 * With `cache`, Varnish runs in front of the portal as `npm run start:cached` runs it
 * (scripts/lib/varnish.ts): the portal leaves compression to it and the revalidation route purges
 * it; `cacheUrl` is the address readers use. `compressingPortal` adds a second `next start` on the
 * same build as `npm start` runs it (compressing, no cache in front), to compare against.
 *
 * The build goes to NEXT_DIST_DIR (default `.next-bench`). `--reuse-build` (see `reuseBuild`)
 * skips `next build` when that folder already holds a build made by this helper: its ports are
 * kept in the folder, since prerendered pages and the Studio bundle carry them.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient, type SanityClient } from '@sanity/client'
import { createToken } from '../../lake/index'
import { lakeServeCommand } from './processes'
import { freePort } from './ports'
import { PORTAL_KEEP_ALIVE_MS, prepareVarnish, varnishWorkDir } from './varnish'

export type Stack = {
  /** The portal, e.g. http://127.0.0.1:41234 */
  portalUrl: string
  /** The shared cache in front of the portal, when asked for (`cache`). */
  cacheUrl?: string
  /** That cache's varnishd working folder (`-n` of varnishlog and varnishstat). */
  cacheWorkDir?: string
  /** A second `next start` on the same build, compressing, with nothing in front (`compressingPortal`). */
  compressingPortalUrl?: string
  /** The lake's plain-HTTP API, e.g. http://127.0.0.1:41235 */
  lakeUrl: string
  lakeDir: string
  distDir: string
  /** A token with the given role on this stack's lake. */
  token(role: 'viewer' | 'editor' | 'administrator'): string
  /** The real @sanity/client on this stack's lake, with a new token of the given role. */
  client(role: 'viewer' | 'editor' | 'administrator'): SanityClient
  stop(): Promise<void>
}

type Ports = { port: number; lakePort: number; lakeHttpPort: number; studioPort: number }

/** Whether the command line asks to reuse an earlier build (`--reuse-build`). */
export function reuseBuild(argv = process.argv.slice(2)): boolean {
  return argv.includes('--reuse-build')
}

/** Runs a command with its output in `logFile`; on failure the error carries the output's end. */
function run(command: string, env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(`${command} > ${JSON.stringify(logFile)} 2>&1`, { shell: true, stdio: 'ignore', env })
    child.on('exit', (code) => {
      if (code === 0) return resolve()
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n')
      reject(new Error(`"${command}" exited with ${code}:\n${tail}`))
    })
  })
}

/** A long-running child in its own process group, so stopping it stops the shell and tsx under it. */
function background(command: string, env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  return spawn(`exec ${command} > ${JSON.stringify(logFile)} 2>&1`, { shell: true, stdio: 'ignore', env, detached: true })
}

async function waitFor(url: string, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) })
      if (response.ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`)
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Stops a child's whole process group: SIGTERM, then SIGKILL after 5 s. It waits for the group,
 * not the child: `next start` exits before the next-server under it, which finishes its open
 * requests first and would otherwise keep running (and loading the CPU) after a benchmark.
 */
async function stopGroup(child: ChildProcess | undefined): Promise<void> {
  const pid = child?.pid
  if (!pid || !groupAlive(pid)) return
  try {
    process.kill(-pid, 'SIGTERM')
  } catch {
    return
  }
  const deadline = Date.now() + 5_000
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // gone meanwhile
    }
  }
}

export type StackOptions = {
  reuseBuild?: boolean
  log?: (message: string) => void
  /** Varnish in front of the portal; `extraVcl` is added after cache/envoy.vcl. */
  cache?: { extraVcl?: string }
  compressingPortal?: boolean
  /**
   * How published changes reach the portal's caches: `live`, the portal's own listener to the
   * lake's live events, as `npm start` runs it (default); `webhook`, the lake's signed publish
   * webhooks to /api/revalidate with the listener off.
   */
  invalidation?: 'live' | 'webhook'
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? ((message: string) => console.error(message))
  const distDir = process.env.NEXT_DIST_DIR?.trim() || '.next-bench'
  const portsFile = path.join(distDir, 'bench-stack.json')
  const reuse = options.reuseBuild === true && existsSync(portsFile) && existsSync(path.join(distDir, 'BUILD_ID'))
  const ports: Ports = reuse
    ? (JSON.parse(readFileSync(portsFile, 'utf8')) as Ports)
    : { port: await freePort(), lakePort: await freePort(), lakeHttpPort: await freePort(), studioPort: await freePort() }
  const lakeDir = mkdtempSync(path.join(tmpdir(), 'envoy-bench-lake-'))
  const portalUrl = `http://127.0.0.1:${ports.port}`
  const lakeUrl = `http://127.0.0.1:${ports.lakeHttpPort}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    LAKE_DIR: lakeDir,
    PORT: String(ports.port),
    LAKE_PORT: String(ports.lakePort),
    LAKE_HTTP_PORT: String(ports.lakeHttpPort),
    STUDIO_PORT: String(ports.studioPort),
    NEXT_PUBLIC_SITE_URL: portalUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    SANITY_TELEMETRY_DISABLED: '1',
    // Benchmarks publish straight through the API, as a lake without review enforcement allows.
    LAKE_REVIEW_REQUIRED: 'false',
    ...(options.invalidation === 'webhook'
      ? { PORTAL_LIVE_INVALIDATION: 'off', SANITY_REVALIDATE_SECRET: randomBytes(32).toString('base64url'), LAKE_WEBHOOK_URL: `${portalUrl}/api/revalidate` }
      : { PORTAL_LIVE_INVALIDATION: 'on', LAKE_WEBHOOK_URL: '' }),
  }
  // Always the local lake, never a hosted project configured in the shell.
  delete env.SANITY_PROJECT_ID
  delete env.SANITY_API_READ_TOKEN
  // Behind no cache unless asked, whatever the shell says.
  delete env.CACHE_PURGE_URL
  delete env.CACHE_PURGE_SECRET
  const cachePort = options.cache ? await freePort() : undefined
  const cacheUrl = cachePort ? `http://127.0.0.1:${cachePort}` : undefined
  const compressingPort = options.compressingPortal ? await freePort() : undefined

  let lake: ChildProcess | undefined
  let portal: ChildProcess | undefined
  let compressingPortal: ChildProcess | undefined
  let cache: ChildProcess | undefined
  let cacheDir: string | undefined
  const stop = async () => {
    // The portal first: it may still purge the cache after its last publish webhooks.
    await stopGroup(compressingPortal)
    await stopGroup(portal)
    await stopGroup(cache)
    await stopGroup(lake)
    rmSync(lakeDir, { recursive: true, force: true })
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true })
  }
  try {
    lake = background(lakeServeCommand, env, path.join(lakeDir, 'lake.log'))
    await waitFor(`${lakeUrl}/v1/ping`, 60_000, 'The lake')
    // The portal reads history (the briefing sheet's version) with a viewer token, as npm start gives it.
    env.SANITY_API_READ_TOKEN = createToken({ dir: lakeDir, role: 'viewer', label: 'portal' }).token
    if (reuse) {
      log(`Reusing the build in ${distDir}`)
    } else {
      log(`Building the portal into ${distDir} (next build)…`)
      const started = Date.now()
      // next build adds its folder's generated types to tsconfig.json; put the file back as it was.
      const tsconfig = readFileSync('tsconfig.json', 'utf8')
      try {
        await run('npx next build', env, path.join(lakeDir, 'build.log'))
      } finally {
        if (readFileSync('tsconfig.json', 'utf8') !== tsconfig) writeFileSync('tsconfig.json', tsconfig)
      }
      writeFileSync(portsFile, JSON.stringify(ports))
      log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    }
    // The build does not depend on the cache (next.config reads CACHE_PURGE_URL at start only).
    const portalEnv: NodeJS.ProcessEnv = { ...env }
    const purgeSecret = randomBytes(24).toString('base64url')
    if (cacheUrl) Object.assign(portalEnv, { CACHE_PURGE_URL: `${cacheUrl}/`, CACHE_PURGE_SECRET: purgeSecret })
    const keepAlive = cacheUrl ? ` --keepAliveTimeout ${PORTAL_KEEP_ALIVE_MS}` : ''
    portal = background(`npx next start -p ${ports.port} -H 127.0.0.1${keepAlive}`, portalEnv, path.join(lakeDir, 'portal.log'))
    if (compressingPort) {
      // Same build, as `npm start` serves it; it gets no webhooks (benchmarks that use it do not publish).
      compressingPortal = background(`npx next start -p ${compressingPort} -H 127.0.0.1`, env, path.join(lakeDir, 'portal-compressing.log'))
    }
    if (cachePort && options.cache) {
      const run = prepareVarnish({ port: cachePort, host: '127.0.0.1', backendPort: ports.port, purgeSecret, memory: '256m', extraVcl: options.cache.extraVcl })
      cacheDir = run.workDir
      cache = background(run.command, env, path.join(lakeDir, 'varnish.log'))
    }
    await waitFor(`${portalUrl}/`, 120_000, 'The portal')
    if (compressingPort) await waitFor(`http://127.0.0.1:${compressingPort}/`, 120_000, 'The second portal')
    if (cacheUrl) await waitFor(`${cacheUrl}/`, 60_000, 'The shared cache')
  } catch (error) {
    await stop()
    throw error
  }
  return {
    portalUrl,
    cacheUrl,
    cacheWorkDir: cacheDir ? varnishWorkDir(cacheDir) : undefined,
    compressingPortalUrl: compressingPort ? `http://127.0.0.1:${compressingPort}` : undefined,
    lakeUrl,
    lakeDir,
    distDir,
    token: (role) => createToken({ dir: lakeDir, role, label: `bench-${role}` }).token,
    client: (role) =>
      createClient({
        projectId: 'local',
        dataset: 'production',
        apiHost: lakeUrl,
        useProjectHostname: false,
        apiVersion: '2025-02-19',
        useCdn: false,
        token: createToken({ dir: lakeDir, role, label: `bench-${role}` }).token,
      }),
    stop,
  }
}
