/**
 * `npm run dev`: the lake (seeded on first start) and the portal in development
 * mode. Ctrl-C stops everything.
 */
import concurrently from 'concurrently'
import { readLakeEnv } from '../lib/env'
import { lakeServeCommand, usesLocalLake } from './lib/processes'

const { PORT, LAKE_PORT, LAKE_HTTP_PORT } = readLakeEnv()
const commands = [{ name: 'portal', command: `next dev -p ${PORT}`, prefixColor: 'blue' }]
if (usesLocalLake()) commands.unshift({ name: 'lake', command: lakeServeCommand, prefixColor: 'magenta' })

console.log(`\nEnvoy is starting:\n  Portal  http://localhost:${PORT}\n  Lake    https://localhost:${LAKE_PORT} (server-side: http://127.0.0.1:${LAKE_HTTP_PORT})\n`)
const { result } = concurrently(commands, { killOthersOn: ['failure'], prefix: 'name' })
result.then(
  () => process.exit(0),
  () => process.exit(1),
)
