/**
 * `npm run dev`: the lake (seeded on first start), Sanity Studio and the portal in development
 * mode. Prints the three URLs and how to sign in; Ctrl-C stops all three.
 */
import { readLakeEnv } from '../lake/env'
import { runMain } from './lib/main'
import { portalProcess, runStack, usesLocalLake } from './lib/processes'
import { ensureAdministrator, studioEnv } from './lib/studio'

async function main() {
  const { PORT, LAKE_PORT, LAKE_HTTP_PORT, STUDIO_PORT } = readLakeEnv()
  const local = usesLocalLake()
  const signIn = local ? await ensureAdministrator() : ['The Studio signs in with your sanity.io account.']
  const env = local ? studioEnv() : { ...process.env, SANITY_TELEMETRY_DISABLED: '1' }
  await runStack({
    local,
    processes: [{ name: 'studio', command: `sanity dev --port ${STUDIO_PORT}`, prefixColor: 'green', env }, portalProcess('dev', local)],
    banner: [
      '',
      'Envoy is starting:',
      `  Portal  http://localhost:${PORT}`,
      `  Studio  http://localhost:${STUDIO_PORT}`,
      ...(local ? [`  Lake    https://localhost:${LAKE_PORT} (server-side: http://127.0.0.1:${LAKE_HTTP_PORT})`] : []),
      '',
      ...signIn,
      ...(local ? ['If the Studio says it cannot connect, trust the lake certificate once: npm run lake -- trust'] : []),
      '',
    ],
    killOthersOn: ['failure'],
  })
}

runMain(main)
