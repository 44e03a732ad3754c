/**
 * `npm run build`: builds the production portal and the Studio (into sanity/dist, served by
 * `npm start`).
 *
 * Next.js prerenders public pages at build time, so it needs content. With the
 * local lake that means a lake must answer during the build: reuse one that is
 * already running on LAKE_HTTP_PORT, or start one on LAKE_DIR (seeded on first
 * start) for the length of the build.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { lakeIsUp, lakeServeCommand, usesLocalLake, waitForLake } from './lib/processes'
import { ensurePortalReadToken, revokePortalReadToken, STUDIO_OUT_DIR, studioEnv } from './lib/studio'
import { runMain } from './lib/main'

/** The build's own read token (prerendered briefing sheets carry a version read from history). */
const BUILD_TOKEN_LABEL = 'portal-build'

function run(command: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { shell: true, stdio: 'inherit', env })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`"${command}" exited with ${code}`))))
  })
}

async function main() {
  let lake: ChildProcess | undefined
  const local = usesLocalLake()
  const madeToken = local && !process.env.SANITY_API_READ_TOKEN?.trim()
  if (local && !(await lakeIsUp())) {
    lake = spawn(lakeServeCommand, { shell: true, stdio: 'inherit', detached: true })
    await waitForLake()
  }
  try {
    if (madeToken) ensurePortalReadToken(BUILD_TOKEN_LABEL)
    await run('next build')
  } finally {
    if (madeToken) {
      revokePortalReadToken(BUILD_TOKEN_LABEL)
      delete process.env.SANITY_API_READ_TOKEN
    }
    // The lake runs in its own process group (detached) so the shell and tsx both stop.
    if (lake?.pid) process.kill(-lake.pid, 'SIGTERM')
  }
  // The Studio needs no content to build; the lake's address (LAKE_PORT) is baked into the bundle.
  const env = usesLocalLake() ? studioEnv() : { ...process.env, SANITY_TELEMETRY_DISABLED: '1' }
  await run(`sanity build ${STUDIO_OUT_DIR} --yes`, env)
}

runMain(main)
