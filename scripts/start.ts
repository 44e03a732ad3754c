/**
 * `npm start`: the production portal and the built Studio (after `npm run build`), plus the lake
 * unless hosted Sanity is configured. Ctrl-C or any process exiting stops all of them.
 *
 * The Studio is served by `sanity preview` on STUDIO_PORT, as in development: it keeps its own
 * origin (the one the lake's CORS list and login redirect already allow), and the lake stays an
 * API server. The Studio bundle has the lake's address baked in at build time, so build and start
 * with the same LAKE_PORT (or SANITY_STUDIO_API_HOST).
 */
import { readLakeEnv } from '../lake/env'
import { runMain } from './lib/main'
import { portalProcess, runStack, studioProcess, usesLocalLake } from './lib/processes'
import { ensureAdministrator } from './lib/studio'

async function main() {
  const { PORT, STUDIO_PORT } = readLakeEnv()
  const local = usesLocalLake()
  const signIn = local ? await ensureAdministrator() : []
  await runStack({
    local,
    processes: [portalProcess('start', local), studioProcess()],
    banner: [...signIn, `Portal http://localhost:${PORT}  Studio http://localhost:${STUDIO_PORT}`],
    killOthersOn: ['failure', 'success'],
  })
}

runMain(main)
