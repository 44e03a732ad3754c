/**
 * `npm start`: the production portal and the built Studio (after `npm run build`), plus the lake
 * unless hosted Sanity is configured. Ctrl-C or any process exiting stops all of them.
 *
 * The Studio is served by `sanity preview` on STUDIO_PORT, as in development: it keeps its own
 * origin (the one the lake's CORS list and login redirect already allow), and the lake stays an
 * API server. The Studio bundle has the lake's address baked in at build time, so build and start
 * with the same LAKE_PORT (or SANITY_STUDIO_API_HOST).
 */
import concurrently from 'concurrently'
import { readLakeEnv } from '../lib/env'
import { lakeServeCommand, usesLocalLake, wirePublishWebhooks } from './lib/processes'
import { STUDIO_OUT_DIR, ensureAdministrator, ensurePortalReadToken } from './lib/studio'

async function main() {
  const { PORT, STUDIO_PORT } = readLakeEnv()
  const local = usesLocalLake()
  const commands = [
    { name: 'portal', command: local ? `tsx scripts/wait-for-lake.ts && next start -p ${PORT}` : `next start -p ${PORT}`, prefixColor: 'blue' },
    { name: 'studio', command: `sanity preview ${STUDIO_OUT_DIR} --port ${STUDIO_PORT}`, prefixColor: 'green', env: { ...process.env, SANITY_TELEMETRY_DISABLED: '1' } },
  ]
  if (local) {
    for (const line of await ensureAdministrator()) console.log(line)
    wirePublishWebhooks()
    ensurePortalReadToken()
    commands.unshift({ name: 'lake', command: lakeServeCommand, prefixColor: 'magenta' })
  }
  console.log(`Portal http://localhost:${PORT}  Studio http://localhost:${STUDIO_PORT}`)
  const { result } = concurrently(commands, { killOthersOn: ['failure', 'success'], prefix: 'name' })
  await result
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof Error) console.error(error.message)
    process.exit(1)
  },
)
