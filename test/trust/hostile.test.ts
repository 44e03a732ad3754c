/**
 * The hostile corpus: requests an anonymous attacker can send that used to freeze, bloat or crash
 * the lake. Each case asserts its status, that the lake answered pings (each under 1 s) while the
 * hostile request ran, and that nothing stored changed (fingerprint of the database and assets).
 *
 * Grow it: every new class of attack gets a case here.
 */
import assert from 'node:assert/strict'
import { statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import sharp from 'sharp'
import { startTestLake } from '../lake/helpers'
import type { TestLake } from '../lake/helpers'
import { fingerprint, isClearJsonError, send } from './helpers'

type HostileCase = {
  name: string
  path: string
  method?: string
  body?: string
  headers?: Record<string, string>
  /** Statuses that count as the right answer. */
  status: number[]
}

const json = { 'content-type': 'application/json' }
const query = (groq: string, params: Record<string, unknown> = {}) => {
  const search = new URLSearchParams({ query: groq })
  for (const [name, value] of Object.entries(params)) search.set(`$${name}`, JSON.stringify(value))
  return `/v2025-02-19/data/query/production?${search}`
}
const post = (groq: string, params: unknown): Pick<HostileCase, 'path' | 'method' | 'body' | 'headers'> => ({
  path: '/v2025-02-19/data/query/production',
  method: 'POST',
  body: JSON.stringify({ query: groq, params }),
  headers: json,
})
const deep = (depth: number): unknown => (depth === 0 ? 1 : [deep(depth - 1)])

function cases(imagePath: string): HostileCase[] {
  const long = 'a'.repeat(8000)
  return [
    { name: 'match with many wildcards (constant)', path: query('*[title match "*a*e*i*o*u*b"]'), status: [400] },
    { name: 'match with many wildcards (parameter)', path: query('*[title match $p]', { p: 'a*b*c*d*e' }), status: [400] },
    { name: 'match with too many terms', path: query('*[title match $p]', { p: Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ') }), status: [400] },
    // Computed at run time, so no check before evaluation sees it: the hard deadline stops it.
    { name: 'match with wildcards computed at run time (backtracking)', path: query('$s match ("*a" + "*a*a*a*a*b")', { s: long }), status: [400, 429] },
    { name: 'large parameter used quadratically', ...post('count(string::split($s, "")[@ in string::split($s, "")])', { s: 'ab'.repeat(15_000) }), status: [400, 429] },
    { name: 'huge string parameter', ...post('string::split($s, "")', { s: 'x'.repeat(2_000_000) }), status: [413] },
    { name: 'string parameter over the parameter limit', ...post('string::split($s, "")', { s: 'x'.repeat(200_000) }), status: [400] },
    { name: 'deeply nested parameter', ...post('$p', { p: deep(500) }), status: [400] },
    { name: 'many parameters', ...post('1', Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`p${i}`, i]))), status: [400] },
    { name: 'deeply nested query', path: query(`${'('.repeat(500)}1${')'.repeat(500)}`), status: [400] },
    { name: 'nested joins over the dataset', path: query('*{"a": *{"b": *{"c": *}}}'), status: [400, 429] },
    { name: 'image enlarged 128× as AVIF', path: `${imagePath}?w=8192&h=8192&fm=avif&q=37`, status: [200] },
    { name: 'image with an unknown format', path: `${imagePath}?fm=exr`, status: [400] },
    { name: 'image with an unknown fit', path: `${imagePath}?w=10&fit=explode`, status: [400] },
  ]
}

/**
 * Waits until the anonymous test client may query again: a stopped query makes a client wait
 * (lake/query-pool.ts), and each case must meet the lake as a fresh client would.
 */
async function waitOutCooldown(url: string, from?: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = from ? await sendFrom(from, url, query('1')) : await send(`${url}${query('1')}`)
    if (response.status !== 429) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('the lake kept refusing the client')
}

/** A GET from a chosen loopback address (fetch cannot pick its source address): the lake tells anonymous clients apart by it. */
function sendFrom(address: string, base: string, target: string): Promise<{ status: number; text: string }> {
  const url = new URL(target, base)
  return new Promise((resolve, reject) => {
    const req = http.get({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, localAddress: address, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
  })
}

/** Pings the lake every 50 ms until `done` settles; resolves with the slowest ping's time. */
async function pingWhile(url: string, done: Promise<unknown>): Promise<{ slowest: number; count: number }> {
  let finished = false
  void done.finally(() => {
    finished = true
  })
  let slowest = 0
  let count = 0
  while (!finished) {
    const started = performance.now()
    const response = await fetch(`${url}/v2025-02-19/ping`, { signal: AbortSignal.timeout(5_000) })
    await response.text()
    assert.equal(response.status, 200)
    slowest = Math.max(slowest, performance.now() - started)
    count++
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { slowest, count }
}

describe('hostile readers: quick 4xx answers, a lake that keeps answering, nothing changed', () => {
  let t: TestLake
  let imagePath = ''
  before(async () => {
    // A 2 s budget keeps the runaway cases short; the defaults are the same code path.
    t = await startTestLake({ queryLimits: { timeoutMs: 2_000 }, reviewRequired: false })
    const tx = t.editor.transaction()
    for (let index = 0; index < 200; index++) tx.create({ _id: `doc-${index}`, _type: 'meeting', title: `Meeting ${index}` })
    await tx.commit()
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
    const asset = await t.editor.assets.upload('image', png, { filename: 'portrait.png' })
    imagePath = new URL(asset.url).pathname
  })
  after(() => t.stop())

  test('every hostile request gets its answer while pings stay under 1 s', async () => {
    const list = cases(imagePath)
    const unchanged = fingerprint(t.dir)
    for (const item of list) {
      await waitOutCooldown(t.lake.httpUrl)
      const request = send(`${t.lake.httpUrl}${item.path}`, { method: item.method, headers: item.headers, body: item.body, signal: AbortSignal.timeout(30_000) })
      const [response, pings] = await Promise.all([request, pingWhile(t.lake.httpUrl, request)])
      assert.ok(item.status.includes(response.status), `${item.name}: status ${response.status} ${response.text.slice(0, 200)}`)
      if (response.status >= 400) assert.ok(isClearJsonError(response.json), `${item.name}: ${response.text.slice(0, 200)}`)
      assert.ok(pings.slowest < 1_000, `${item.name}: a ping took ${Math.round(pings.slowest)} ms`)
      assert.equal(fingerprint(t.dir), unchanged, `${item.name} changed what the lake stores`)
    }
  })

  test('a client whose query was stopped is made to wait, with a clear 429', async () => {
    await waitOutCooldown(t.lake.httpUrl)
    const stopped = await send(`${t.lake.httpUrl}${query('$s match ("*a" + "*a*a*a*a*b")', { s: 'a'.repeat(8000) })}`, { signal: AbortSignal.timeout(30_000) })
    assert.equal(stopped.status, 400)
    const next = await send(`${t.lake.httpUrl}${query('1')}`)
    assert.equal(next.status, 429)
    assert.match(next.text, /wait \d+ s/)
    // Staff with a token are not made to wait for an anonymous caller's query.
    assert.equal(await t.viewer.fetch<number>('1'), 1)
  })

  test('clients with a stopped query share one worker: a second one is refused at once, others go on', async () => {
    // Three addresses of their own (loopback), so no earlier case has marked them.
    const [x, y, z] = ['127.0.0.6', '127.0.0.7', '127.0.0.8']
    const runaway = query('$s match ("*a" + "*a*a*a*a*b")', { s: 'a'.repeat(8000) })
    // X and Y each have a query stopped: both are marked for 30 s.
    const first = await Promise.all([sendFrom(x, t.lake.httpUrl, runaway), sendFrom(y, t.lake.httpUrl, runaway)])
    for (const response of first) assert.ok([400, 429].includes(response.status), `a runaway query got ${response.status}`)
    for (const address of [x, y]) await waitOutCooldown(t.lake.httpUrl, address)
    // X's next runaway query takes the marked clients' one worker (2 kept workers, 1 for them)…
    const running = sendFrom(x, t.lake.httpUrl, runaway)
    await new Promise((resolve) => setTimeout(resolve, 300))
    // …so Y, marked too, is answered 429 at once instead of taking another worker,
    const refused = await sendFrom(y, t.lake.httpUrl, query('count(*[_type == "meeting"])'))
    assert.equal(refused.status, 429, refused.text)
    assert.match(refused.text, /queryConcurrencyError/)
    // while an address with no stopped query, and staff, are answered as usual.
    const other = await sendFrom(z, t.lake.httpUrl, query('count(*[_type == "meeting"])'))
    assert.equal(other.status, 200, other.text)
    assert.equal(await t.viewer.fetch<number>('count(*[_type == "meeting"])'), 200)
    // X stopped a second time is a repeat offender: made to wait.
    assert.ok([400, 429].includes((await running).status))
    const again = await sendFrom(x, t.lake.httpUrl, query('1'))
    assert.equal(again.status, 429)
    assert.match(again.text, /queryCooldownError/)
  })

  test('an oversized transform is the original size, never enlarged', async () => {
    const response = await fetch(`${t.lake.httpUrl}${imagePath}?w=8192&h=8192&fm=png`)
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
    assert.deepEqual([meta.width, meta.height], [64, 64])
  })

  test('a listener whose filter blows its budget is closed, and writes go on meanwhile', async () => {
    await waitOutCooldown(t.lake.httpUrl)
    const filter = `_type == "meeting" && $s match ("*a" + "*a*a*a*a*b")`
    const url = `${t.lake.httpUrl}/v2025-02-19/data/listen/production?${new URLSearchParams({ query: filter, $s: JSON.stringify('a'.repeat(4000)) })}`
    const response = await fetch(url, { signal: AbortSignal.timeout(20_000) })
    assert.equal(response.status, 200)
    const text = response.text()
    // Writes answer quickly while the listener's filter runs in a worker.
    for (let i = 0; i < 3; i++) {
      const started = performance.now()
      await t.editor
        .patch('doc-1')
        .set({ note: `edit ${i}` })
        .commit()
      assert.ok(performance.now() - started < 1_000, 'a write waited behind the listener')
    }
    const body = await text
    assert.match(body, /event: channelError/)
    assert.match(body, /longer than the lake's limit/)
  })

  test('queries still answer after workers were stopped', async () => {
    await waitOutCooldown(t.lake.httpUrl)
    const count = await t.anonymous.fetch<number>('count(*[_type == "meeting"])')
    assert.equal(count, 200)
  })

  test('data files are owner-only', () => {
    for (const file of ['lake.db', 'lake.db-wal', 'tls-key.pem']) {
      const full = path.join(t.dir, file)
      let mode: number
      try {
        mode = statSync(full).mode & 0o777
      } catch {
        continue
      }
      assert.equal(mode, 0o600, `${file} is ${mode.toString(8)}`)
    }
    assert.equal(statSync(t.dir).mode & 0o777, 0o700)
    assert.equal(statSync(path.join(t.dir, 'assets')).mode & 0o777, 0o700)
  })
})
