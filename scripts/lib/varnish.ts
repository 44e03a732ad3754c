/**
 * The shared cache's command line: cache/envoy.vcl filled in for one run (the portal's port and
 * the purge secret) and varnishd in the foreground on it, with a working folder of its own (in
 * the system's temporary folder, never inside LAKE_DIR or the checkout) so that several stacks
 * on one machine never share a cache. Used by `npm run start:cached` and the benchmark stack.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const VCL_TEMPLATE = 'cache/envoy.vcl'

/**
 * `next start --keepAliveTimeout` behind the cache: longer than varnishd's backend_idle_timeout
 * (60 s), so the cache keeps reusing its connections to the portal. With Node's default of 5 s
 * the portal closed them between bursts, and under load the cache's new connections waited in
 * a full accept queue until they timed out (503s in bench:load).
 */
export const PORTAL_KEEP_ALIVE_MS = 75_000

/** Where Debian and most distributions put varnishd (it is not on a normal user's PATH). */
const VARNISHD_CANDIDATES = ['/usr/sbin/varnishd', '/usr/local/sbin/varnishd']

export type VarnishOptions = {
  /** Port readers reach the cache on. */
  port: number
  /** Address to listen on; empty means every interface, as `next start` does. */
  host?: string
  /** The portal behind it. */
  backendPort: number
  backendHost?: string
  purgeSecret: string
  /** varnishd `-s malloc,<size>`, e.g. 256m. */
  memory: string
  /** VCL added after Envoy's (a benchmark's extra backend); subroutines of the same name run after Envoy's. */
  extraVcl?: string
}

export type VarnishRun = {
  /** The shell command that runs varnishd in the foreground until it is stopped. */
  command: string
  /** varnishd's working folder (-n), for varnishadm/varnishlog. */
  workDir: string
}

/** The varnishd binary, or an error that says how to install it. */
export function varnishd(): string {
  const found = VARNISHD_CANDIDATES.find((candidate) => existsSync(candidate))
  if (found) return found
  try {
    return execFileSync('sh', ['-c', 'command -v varnishd'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error('varnishd was not found. Install Varnish with its modules: apt-get install varnish varnish-modules (Debian/Ubuntu).')
  }
}

/** cache/envoy.vcl with its placeholders filled in. */
export function renderVcl(options: Pick<VarnishOptions, 'backendHost' | 'backendPort' | 'purgeSecret' | 'extraVcl'>): string {
  if (!/^[\w.~-]{16,}$/.test(options.purgeSecret)) throw new Error('The purge secret must be at least 16 characters of letters, digits and - _ . ~')
  const values: Record<string, string> = {
    BACKEND_HOST: options.backendHost ?? '127.0.0.1',
    BACKEND_PORT: String(options.backendPort),
    PURGE_SECRET: options.purgeSecret,
  }
  const vcl = readFileSync(VCL_TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (match, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`${VCL_TEMPLATE} names an unknown value ${match}`)
    return value
  })
  return options.extraVcl ? `${vcl}\n${options.extraVcl}\n` : vcl
}

/** The id of the `varnish` group that Debian's package creates, if there is one. */
function varnishGroupId(): number | undefined {
  try {
    const id = Number(execFileSync('getent', ['group', 'varnish'], { encoding: 'utf8' }).split(':')[2])
    return Number.isInteger(id) ? id : undefined
  } catch {
    return undefined
  }
}

/** varnishd's own folder (-n) inside a run's working folder, for varnishlog and varnishstat. */
export function varnishWorkDir(runDir: string): string {
  return path.join(runDir, 'varnish')
}

/** Writes this run's VCL into a new working folder and returns the varnishd command for it. */
export function prepareVarnish(options: VarnishOptions): VarnishRun {
  const workDir = mkdtempSync(path.join(tmpdir(), 'envoy-varnish-'))
  const vclFile = path.join(workDir, 'envoy.vcl')
  // It holds the purge secret: readable by its owner only, and by Varnish's own group when run as
  // root (varnishd then reads the file after dropping to its `varnish` user).
  writeFileSync(vclFile, renderVcl(options), { mode: 0o600 })
  const group = process.getuid?.() === 0 ? varnishGroupId() : undefined
  if (group !== undefined) {
    for (const [file, mode] of [
      [workDir, 0o750],
      [vclFile, 0o640],
    ] as const) {
      chownSync(file, 0, group)
      chmodSync(file, mode)
    }
  }
  const args = [
    varnishd(),
    '-F',
    '-n',
    varnishWorkDir(workDir),
    '-f',
    vclFile,
    '-a',
    `${options.host ?? ''}:${options.port}`,
    '-s',
    `malloc,${options.memory}`,
    // No management port: the foreground process is stopped by signal, never over the network.
    '-T',
    'none',
  ]
  return { command: args.map((arg) => (/^[\w./:,=-]+$/.test(arg) ? arg : JSON.stringify(arg))).join(' '), workDir }
}
