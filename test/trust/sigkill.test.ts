/**
 * Trust, promise 2: no lost writes.
 *
 * A real lake process (`lake/cli.ts serve` on free ports over a temporary LAKE_DIR) takes a
 * stream of writes from four concurrent writers and is killed with SIGKILL 20 times in the middle
 * of it, then restarted. Each write is one transaction that creates a document carrying a
 * checksum of its own payload and increments a counter document. Afterwards every acknowledged
 * write must be there with its exact content, the counter must equal the number of written
 * documents (a transaction is all or nothing, even when killed halfway), SQLite's integrity check
 * must pass and every stored document must parse.
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, test } from 'node:test'
import Database from 'better-sqlite3'
import { createToken } from '../../lake/auth'
import { freePort } from '../../scripts/lib/ports'

const KILLS = 20
const WRITERS = 4

const checksum = (payload: string) => createHash('sha256').update(payload).digest('hex')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const dir = mkdtempSync(path.join(tmpdir(), 'trust-sigkill-'))
after(() => rmSync(dir, { recursive: true, force: true }))

test(`every acknowledged write survives ${KILLS} SIGKILLs of the lake`, { timeout: 300_000 }, async (t) => {
  const [port, httpPort] = [await freePort(), await freePort()]
  const base = `http://127.0.0.1:${httpPort}/v2025-02-19/data`
  const token = createToken({ dir, role: 'editor', label: 'sigkill-writer' }).token
  const env = { ...process.env, LAKE_DIR: dir, LAKE_PORT: String(port), LAKE_HTTP_PORT: String(httpPort), LAKE_REVIEW_REQUIRED: 'false' }

  let child: ChildProcess | undefined
  async function start(): Promise<void> {
    // `node --import tsx` rather than the tsx binary: one process, so SIGKILL hits the server itself.
    child = spawn(process.execPath, ['--import', 'tsx', 'lake/cli.ts', 'serve', '--plugin', 'editorial/lake/plugin.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        if ((await fetch(`${base.replace('/v2025-02-19/data', '')}/ping`)).ok) return
      } catch {
        // not listening yet
      }
      await sleep(50)
    }
    throw new Error('the lake did not start')
  }
  async function kill(): Promise<void> {
    const running = child
    // Exited already (an exit code, or the signal that killed it): nothing to wait for.
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
  }

  // Whatever fails below, the lake this test started does not outlive it.
  t.after(() => kill())
  await start()
  const seeded = await fetch(`${base}/mutate/production`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ mutations: [{ createOrReplace: { _id: 'counter', _type: 'counter', count: 0 } }] }),
  })
  assert.equal(seeded.status, 200)

  const acknowledged = new Map<string, string>()
  let attempted = 0
  let failed = 0
  let next = 0
  let stopped = false
  const writer = async () => {
    while (!stopped) {
      const n = next++
      const id = `w-${n}`
      const payload = `${n}:${'x'.repeat(200 + (n % 800))}`
      attempted++
      try {
        const response = await fetch(`${base}/mutate/production`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            mutations: [{ create: { _id: id, _type: 'write', n, payload, sum: checksum(payload) } }, { patch: { id: 'counter', inc: { count: 1 } } }],
          }),
        })
        if (response.status === 200) acknowledged.set(id, payload)
        else failed++
      } catch {
        // The lake died mid-request: not acknowledged, so either outcome is allowed.
        failed++
        await sleep(20)
      }
    }
  }

  const writers = Array.from({ length: WRITERS }, () => writer())
  for (let kill_ = 0; kill_ < KILLS; kill_++) {
    await sleep(150 + Math.floor(Math.random() * 250))
    await kill()
    await start()
  }
  await sleep(200)
  stopped = true
  await Promise.all(writers)
  await kill()
  await start()

  // Read back over the API after the last restart...
  const query = async (groq: string) => {
    const response = await fetch(`${base}/query/production?query=${encodeURIComponent(groq)}`, { headers: { authorization: `Bearer ${token}` } })
    return ((await response.json()) as { result: unknown }).result
  }
  const stored = (await query('*[_type == "write"]{_id, payload, sum}')) as { _id: string; payload: string; sum: string }[]
  const counter = (await query('*[_id == "counter"][0].count')) as number
  await kill()

  const byId = new Map(stored.map((doc) => [doc._id, doc]))
  const lost = [...acknowledged.keys()].filter((id) => byId.get(id)?.payload !== acknowledged.get(id))
  const corrupt = stored.filter((doc) => checksum(doc.payload) !== doc.sum).map((doc) => doc._id)
  console.log(`# ${KILLS} kills, ${attempted} writes attempted, ${acknowledged.size} acknowledged, ${failed} failed in flight, ${stored.length} stored, counter ${counter}`)
  assert.ok(acknowledged.size >= KILLS * 5, `too few writes got through to mean anything (${acknowledged.size})`)
  assert.deepEqual(lost, [], 'acknowledged writes are missing or changed')
  assert.deepEqual(corrupt, [], 'documents do not match their checksum')
  assert.equal(counter, stored.length, 'a transaction was applied in part (counter and documents disagree)')

  // ...and straight from the file: SQLite's own check, every row parses, every revision is logged.
  const db = new Database(path.join(dir, 'lake.db'), { readonly: true })
  try {
    assert.equal((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok')
    const rows = db.prepare('SELECT id, rev, json FROM documents').all() as { id: string; rev: string; json: string }[]
    for (const row of rows) assert.equal((JSON.parse(row.json) as { _id: string })._id, row.id)
    const unlogged = db.prepare('SELECT COUNT(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.dataset = d.dataset AND t.id = d.rev)').get() as { n: number }
    assert.equal(unlogged.n, 0, 'documents whose revision is not in the transaction log')
  } finally {
    db.close()
  }
})
