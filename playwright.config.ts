/**
 * Playwright drives the production portal (built by scripts/e2e.ts) in
 * Debian's chromium. scripts/e2e.ts picks free ports and a temporary lake
 * folder and passes them through the environment; `npm start` then serves the
 * lake and the portal on them.
 */
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium'
import { readBuildEnv } from './lib/env'
import { E2E, e2eLakeDir } from './e2e/support/env'

// No default ports or data folder: run through `npm run test:e2e`, which makes temporary ones.
e2eLakeDir()
export const baseURL = E2E.portal

export default defineConfig({
  testDir: 'e2e',
  // One results folder per build folder, so runs against different builds never clear each other's.
  outputDir: `test-results/${readBuildEnv().NEXT_DIST_DIR.replace(/^\.+/, '')}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      // The Studio specs reach the lake over HTTPS, whose certificate is self-signed (lake/tls.ts).
      args: [...CHROMIUM_ARGS, '--allow-insecure-localhost'],
    },
  },
  webServer: {
    // npm start with the shared cache in front (e2e/cache.spec.ts); baseURL is next start itself.
    command: 'npm run start:cached',
    url: `${baseURL}/`,
    // Never someone else's server: scripts/e2e.ts picked free ports, so anything already listening
    // there is a stray, and the run must stop rather than test it.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
