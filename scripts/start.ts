/**
 * `npm start`: the production portal (after `npm run build`), plus the lake
 * unless hosted Sanity is configured. Ctrl-C or either process exiting stops both.
 */
import concurrently from 'concurrently'
import { readLakeEnv } from '../lib/env'
import { lakeServeCommand, usesLocalLake } from './lib/processes'

const { PORT } = readLakeEnv()
const commands = [{ name: 'portal', command: `next start -p ${PORT}`, prefixColor: 'blue' }]
if (usesLocalLake()) commands.unshift({ name: 'lake', command: lakeServeCommand, prefixColor: 'magenta' })

const { result } = concurrently(commands, { killOthersOn: ['failure', 'success'], prefix: 'name' })
result.then(
  () => process.exit(0),
  () => process.exit(1),
)
