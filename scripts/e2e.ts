/**
 * `npm run test:e2e`: builds the production portal against a lake in a fresh
 * temporary folder (seeded on first start), then runs Playwright against
 * `npm start` on the same folder. Free ports keep it clear of a running
 * `npm run dev`. Extra arguments go to `playwright test`.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './lib/ports'

function run(command: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: 'inherit', env })
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

async function main() {
  const lakeDir = mkdtempSync(join(tmpdir(), 'envoy-e2e-lake-'))
  const [port, lakePort, lakeHttpPort, studioPort] = [await freePort(), await freePort(), await freePort(), await freePort()]
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LAKE_DIR: lakeDir,
    PORT: String(port),
    LAKE_PORT: String(lakePort),
    LAKE_HTTP_PORT: String(lakeHttpPort),
    // The built Studio (npm start serves it) and the lake's CORS list and login redirect follow it.
    STUDIO_PORT: String(studioPort),
    NEXT_PUBLIC_SITE_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    SANITY_TELEMETRY_DISABLED: '1',
    // The specs publish straight through the API and the Studio's Publish button, as a lake
    // without review enforcement allows; e2e/workflow.spec.ts switches review on for its own
    // tests through the lake's settings endpoint and back off afterwards.
    LAKE_REVIEW_REQUIRED: 'false',
  }
  // The tests always run on the local lake, never on a hosted project configured in the shell.
  delete env.SANITY_PROJECT_ID
  delete env.SANITY_API_READ_TOKEN
  let code = await run('npm run build', env)
  if (code === 0) code = await run(`npx playwright test ${process.argv.slice(2).join(' ')}`, env)
  rmSync(lakeDir, { recursive: true, force: true })
  process.exit(code)
}

void main()
