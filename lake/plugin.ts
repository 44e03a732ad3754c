/**
 * The lake's seam for behaviour that is not Sanity's: a plugin adds HTTP routes, a guard every
 * API write passes through, a check on imports, and background work that falls due with the
 * lake's clock. The lake itself knows no plugin; whoever starts it names them (`startLake({
 * plugins })`, or `--plugin MODULE` / LAKE_PLUGINS for `npm run lake`), so a lake started
 * without any behaves as plain hosted Sanity.
 */
import type { App } from './routes/common'
import type { LakeContext } from './context'
import type { Principal } from './types'
import type { WriteTransaction } from './write'

/** Runs inside the writer queue after a write is built, before commit: throws to refuse it, or adds writes. */
export type WriteGuard = (tx: WriteTransaction) => void

/** Work a plugin does on its own, on the lake's clock (for example publishing what is due). */
export type BackgroundWork = {
  /** Does what is due now; the lake's manual clock (POST /v1/clock) waits for it. */
  tick(): Promise<void>
  close(): Promise<void>
}

/** A plugin once the lake it runs in exists. */
export type RunningPlugin = {
  name: string
  /** Routes beside Sanity's, on both servers. */
  routes?(app: App): void
  /** The guard for one caller's write to one dataset; undefined when it has nothing to check. */
  writeGuard?(principal: Principal, dataset: string): WriteGuard | undefined
  /** Started once the lake serves (and after the seed import). */
  startBackground?(log: (message: string) => void): BackgroundWork
  /** The plugin's LakePlugin.studioName. */
  studioName?: string
}

export type LakePlugin = {
  name: string
  /**
   * The product whose Studio this lake serves, as its sign-in names it: the login provider
   * ("<name> account"), the lake's login page ("Sign in to <name> Studio") and the project's
   * display name. The first plugin that gives one wins; without, the sign-in names no product.
   */
  studioName?: string
  /** Refuses an import (seed, CLI or API) by throwing; runs inside its transaction. */
  checkImport?(tx: WriteTransaction, ids: string[]): void
  /** Called once per lake, before anything is served or imported. */
  setup?(context: LakeContext): Omit<RunningPlugin, 'name' | 'studioName'>
}

/** The product the Studio's sign-in names (LakePlugin.studioName); undefined for a plain lake. */
export function studioNameOf(context: LakeContext): string | undefined {
  return context.plugins.find((plugin) => plugin.studioName)?.studioName
}

/** Every guard of the lake's plugins for this write, in plugin order; undefined when none. */
export function writeGuardOf(context: LakeContext, principal: Principal, dataset: string): WriteGuard | undefined {
  const guards = context.plugins.flatMap((plugin) => {
    const guard = plugin.writeGuard?.(principal, dataset)
    return guard ? [guard] : []
  })
  if (guards.length === 0) return undefined
  return (tx) => {
    for (const guard of guards) guard(tx)
  }
}

/** The import checks of a set of plugins, in order. */
export function importCheckOf(plugins: LakePlugin[]): ((tx: WriteTransaction, ids: string[]) => void) | undefined {
  const checks = plugins.flatMap((plugin) => (plugin.checkImport ? [plugin.checkImport] : []))
  if (checks.length === 0) return undefined
  return (tx, ids) => {
    for (const check of checks) check(tx, ids)
  }
}

function isLakePlugin(value: unknown): value is LakePlugin {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.name === 'string' &&
    (candidate.studioName === undefined || typeof candidate.studioName === 'string') &&
    (candidate.setup === undefined || typeof candidate.setup === 'function') &&
    (candidate.checkImport === undefined || typeof candidate.checkImport === 'function')
  )
}

/** Loads plugin modules by path (each default-exports a LakePlugin), refusing anything else by name. */
export async function loadPlugins(modules: string[]): Promise<LakePlugin[]> {
  const { pathToFileURL } = await import('node:url')
  const { resolve } = await import('node:path')
  const plugins: LakePlugin[] = []
  for (const specifier of modules) {
    const loaded: unknown = await import(pathToFileURL(resolve(specifier)).href)
    const plugin = typeof loaded === 'object' && loaded !== null && 'default' in loaded ? loaded.default : undefined
    if (!isLakePlugin(plugin)) throw new Error(`${specifier} is not a lake plugin: its default export needs a name and optional setup/checkImport functions`)
    plugins.push(plugin)
  }
  return plugins
}
