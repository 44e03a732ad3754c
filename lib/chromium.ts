/**
 * How Envoy starts Chromium headless: which binary, and the flags. The briefing PDF printer, the
 * e2e suite and the page-weight and Lighthouse benchmarks all launch it this way, so a flag that
 * keeps the browser working on a server (no sandbox as root in a container, no GPU) or quiet (no
 * traffic of its own) is added once for all of them.
 *
 * No 'server-only' import: playwright.config.ts and the benchmark scripts load this outside Next.js.
 */
import { accessSync, constants, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, join } from 'node:path'
import { readBriefingEnv } from './env'

/** Names a Chromium-family browser goes by on the PATH, most specific first. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Browsers Playwright has already downloaded on this machine (never downloaded by Envoy). */
function playwrightBrowsers(env: NodeJS.ProcessEnv): string[] {
  const root = env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright')
  let entries: string[] = []
  try {
    entries = readdirSync(root).filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name))
  } catch {
    return []
  }
  return entries
    .sort()
    .reverse()
    .flatMap((name) => [join(root, name, 'chrome-linux', 'chrome'), join(root, name, 'chrome-linux64', 'chrome'), join(root, name, 'chrome-linux', 'headless_shell')])
}

/**
 * Where to look, in order: CHROMIUM_PATH, Debian's chromium, a Chromium or Chrome on the PATH, a
 * browser Playwright downloaded before.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean)
  return ['/usr/bin/chromium', ...PATH_NAMES.flatMap((name) => dirs.map((dir) => join(dir, name))), ...playwrightBrowsers(env)]
}

/** How to get a browser, in one line, for when there is none. */
export const NO_BROWSER_MESSAGE = 'No Chromium found: install one (Debian/Ubuntu as root: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.'

/** The binary, or undefined when this machine has none. A CHROMIUM_PATH that is not executable is an error. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = readBriefingEnv(env).CHROMIUM_PATH
  if (configured) {
    if (!isExecutable(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, which is not an executable file.`)
    return configured
  }
  return chromiumCandidates(env).find(isExecutable)
}

/** The binary; throws NO_BROWSER_MESSAGE when there is none. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env)
  if (!found) throw new Error(NO_BROWSER_MESSAGE)
  return found
}

/** Launch flags; spread into a new array, since launchers take a mutable one. */
export const CHROMIUM_ARGS: readonly string[] = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
