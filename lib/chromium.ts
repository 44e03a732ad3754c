/**
 * How Envoy starts Debian's Chromium headless: the binary and the flags. The briefing PDF printer,
 * the e2e suite and the page-weight benchmark all launch it this way, so a flag that keeps the
 * browser working on a server (no sandbox as root in a container, no GPU) or quiet (no traffic of
 * its own) is added once for all of them.
 *
 * No 'server-only' import: playwright.config.ts and the benchmark scripts load this outside Next.js.
 */

import { readBriefingEnv } from './env'

/** The binary: CHROMIUM_PATH, Debian's chromium package by default (lib/env.ts). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return readBriefingEnv(env).CHROMIUM_PATH
}

/** Launch flags; spread into a new array, since launchers take a mutable one. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
