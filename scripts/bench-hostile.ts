/**
 * Benchmark of the lake under hostile readers: what ordinary callers notice while anonymous
 * clients send the queries, parameters, listeners and image URLs that used to freeze the lake.
 *
 *   npm run bench:hostile                # human-readable figures
 *   npm run bench:hostile -- --json      # ...and one JSON line at the end
 *   npm run bench:hostile -- --seconds 15
 *   npm run bench:hostile -- --only match,image   # only the hostile classes whose names contain these
 *
 * A lake is started as its own process (`lake serve`, as `npm start` runs it) on a temporary
 * folder seeded with synthetic copies of Envoy's seed content (scripts/lib/synthetic-content.ts).
 * Two phases of `--seconds` each (default 25) run the same ordinary load:
 * - three clients looping the portal's trip-page query (TRIP_QUERY, a different trip each time);
 * - a pinger asking /ping every 20 ms;
 * - an editor patching a meeting every 250 ms (writes must not stall behind a listener's filter).
 * The second phase adds four anonymous hostile clients, each from its own loopback address
 * (127.0.0.2–5, as attackers are not the portal's address), cycling through the hostile classes:
 * multi-wildcard `match` (constant and computed), a large parameter used quadratically, deep
 * nesting (query and parameters), a huge parameter, an expensive listener filter, and an
 * oversized image transform. Ordinary requests are counted as errors unless they answer 200.
 *
 * The attackers run as a second process (this script with `--attack`), so their own work does not
 * delay the measuring clients' event loop; on this 2-core machine they still share the cores.
 *
 * Figures: p50/p95/p99 of each ordinary kind in both phases, the ratio of the hostile phase's p99
 * to the calm one's (goal ≤ 3×), ordinary errors (goal 0) and what the hostile requests got.
 */
import { EDITORIAL_PLUGIN } from './lib/processes'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import sharp from 'sharp'
import { createToken } from '../lake/index'
import { TRIP_QUERY } from '../sanity/queries'
import { runMain } from './lib/main'
import { freePort } from './lib/ports'
import { percentile, round } from './lib/stats'
import { syntheticDataset, syntheticTripSlugs } from './lib/synthetic-content'

type Response = { status: number; body: string; ms: number }

type Target = { port: number }

/** One HTTP request from a chosen loopback address (fetch cannot pick its source address). */
function request(target: Target, options: { path: string; method?: string; body?: string | Buffer; headers?: Record<string, string>; from?: string; timeoutMs?: number }): Promise<Response> {
  const started = performance.now()
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: options.path,
        method: options.method ?? 'GET',
        localAddress: options.from ?? '127.0.0.1',
        headers: { ...(options.body ? { 'content-type': 'application/json' } : {}), ...options.headers },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }))
        res.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - started }))
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - started }))
    req.end(options.body)
  })
}

const queryPath = (query: string, params: Record<string, unknown> = {}) => {
  const search = new URLSearchParams({ query })
  for (const [name, value] of Object.entries(params)) search.set(`$${name}`, JSON.stringify(value))
  return `/v2025-02-19/data/query/production?${search}`
}

/** A listener whose filter costs far more than its budget on every change; held for a few seconds. */
function hostileListen(target: Target, from: string, until: number): Promise<Response> {
  const started = performance.now()
  const long = 'a'.repeat(6000)
  const filter = `_type == "meeting" && $s match ("*a" + "*a*a*a*a*b")`
  return new Promise((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port: target.port, localAddress: from, path: `/v2025-02-19/data/listen/production?${new URLSearchParams({ query: filter, $s: JSON.stringify(long) })}` },
      (res) => {
        const finish = () => resolve({ status: res.statusCode ?? 0, body: '', ms: performance.now() - started })
        res.on('data', () => undefined)
        res.on('end', finish)
        res.on('error', finish)
        setTimeout(() => req.destroy(), Math.max(0, Math.min(4_000, until - Date.now()))).unref()
        res.on('close', finish)
      },
    )
    req.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - started }))
  })
}

type HostileClass = { name: string; send: (target: Target, from: string, until: number) => Promise<Response> }

function hostileClasses(imagePath: string): HostileClass[] {
  const long = 'a'.repeat(20_000)
  const deep = (depth: number): unknown => (depth === 0 ? 1 : { a: deep(depth - 1) })
  // Built once: the attackers' own CPU should go to sending, not to serializing.
  const quadratic = JSON.stringify({ query: 'count(string::split($s, "")[@ in string::split($s, "")])', params: { s: long } })
  const deepBody = JSON.stringify({ query: '$p', params: { p: deep(500) } })
  const hugeBody = JSON.stringify({ query: 'string::split($s, "")', params: { s: 'x'.repeat(5_000_000) } })
  return [
    { name: 'match constant wildcards', send: (t, from) => request(t, { from, path: queryPath('*[_type == "trip" && title match "*a*e*i*o*u*y*b*"]') }) },
    { name: 'match computed wildcards', send: (t, from) => request(t, { from, path: queryPath('$s match ("*a" + "*a*a*a*a*b")', { s: long.slice(0, 8000) }) }) },
    {
      name: 'quadratic parameter',
      send: (t, from) => request(t, { from, method: 'POST', path: '/v2025-02-19/data/query/production', body: quadratic }),
    },
    { name: 'deep query nesting', send: (t, from) => request(t, { from, path: queryPath(`${'('.repeat(500)}1${')'.repeat(500)}`) }) },
    { name: 'deep parameter', send: (t, from) => request(t, { from, method: 'POST', path: '/v2025-02-19/data/query/production', body: deepBody }) },
    { name: 'huge parameter', send: (t, from) => request(t, { from, method: 'POST', path: '/v2025-02-19/data/query/production', body: hugeBody }) },
    { name: 'expensive listen filter', send: hostileListen },
    { name: 'image transform', send: (t, from) => request(t, { from, path: `${imagePath}?w=8192&h=8192&fm=avif&q=${1 + Math.floor(Math.random() * 99)}` }) },
  ]
}

type Series = { ms: number[]; errors: number; statuses: Map<number, number> }

type Phase = { trip: Series; ping: Series; write: Series; hostile: Map<string, Map<number, number>> }

const series = (): Series => ({ ms: [], errors: 0, statuses: new Map() })

type AttackConfig = { port: number; imagePath: string; seconds: number; only: string[] }

/**
 * The attackers' side (`--attack <json>`): four clients, each from its own loopback address,
 * cycling through the hostile classes; prints `{class: {status: count}}` as one JSON line. Run as
 * a process of its own so the attackers' work does not share the measuring clients' event loop.
 */
async function attack(config: AttackConfig): Promise<void> {
  const target = { port: config.port }
  const until = Date.now() + config.seconds * 1000
  const classes = hostileClasses(config.imagePath).filter((hostile) => config.only.length === 0 || config.only.some((word) => hostile.name.includes(word)))
  const counts: Record<string, Record<string, number>> = {}
  const attacker = async (from: string, offset: number) => {
    for (let i = offset; Date.now() < until; i++) {
      const hostile = classes[i % classes.length] as HostileClass
      const response = await hostile.send(target, from, until)
      const byStatus = (counts[hostile.name] ??= {})
      byStatus[response.status] = (byStatus[response.status] ?? 0) + 1
    }
  }
  await Promise.all([2, 3, 4, 5].map((host, index) => attacker(`127.0.0.${host}`, index * 2)))
  console.log(JSON.stringify(counts))
}

function startAttackers(config: AttackConfig): Promise<Map<string, Map<number, number>>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1] as string, '--attack', JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`The attackers' process exited with ${code}`))
      const counts = JSON.parse(output.trim().split('\n').pop() ?? '{}') as Record<string, Record<string, number>>
      resolve(new Map(Object.entries(counts).map(([name, byStatus]) => [name, new Map(Object.entries(byStatus).map(([status, count]) => [Number(status), count]))])))
    })
  })
}

async function runPhase(options: { target: Target; seconds: number; slugs: string[]; meetingIds: string[]; token: string; attack?: AttackConfig }): Promise<Phase> {
  const { target } = options
  const until = Date.now() + options.seconds * 1000
  const phase: Phase = { trip: series(), ping: series(), write: series(), hostile: new Map() }
  const record = (series: Series, response: Response) => {
    series.ms.push(response.ms)
    if (response.status !== 200) {
      series.errors++
      series.statuses.set(response.status, (series.statuses.get(response.status) ?? 0) + 1)
    }
  }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  let tripIndex = 0
  const ordinary = async () => {
    while (Date.now() < until) {
      const slug = options.slugs[(tripIndex++ * 7919) % options.slugs.length] as string
      record(phase.trip, await request(target, { path: queryPath(TRIP_QUERY, { slug }) }))
    }
  }
  const pinger = async () => {
    while (Date.now() < until) {
      record(phase.ping, await request(target, { path: '/v2025-02-19/ping' }))
      await sleep(20)
    }
  }
  let writeIndex = 0
  const writer = async () => {
    while (Date.now() < until) {
      const id = options.meetingIds[writeIndex % options.meetingIds.length] as string
      const body = JSON.stringify({ mutations: [{ patch: { id, set: { benchNote: `edit ${writeIndex++}` } } }] })
      record(phase.write, await request(target, { method: 'POST', path: '/v2025-02-19/data/mutate/production', body, headers: { authorization: `Bearer ${options.token}` } }))
      await sleep(250)
    }
  }
  const attackers = options.attack ? startAttackers(options.attack) : undefined
  await Promise.all([ordinary(), ordinary(), ordinary(), pinger(), writer()])
  if (attackers) phase.hostile = await attackers
  return phase
}

function figures(series: Series) {
  const sorted = [...series.ms].sort((a, b) => a - b)
  const statuses = [...series.statuses].map(([status, count]) => `${status}×${count}`).join(' ')
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), runs: sorted.length, errors: series.errors, statuses }
}

async function waitForPing(target: Target, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if ((await request(target, { path: '/v2025-02-19/ping', timeoutMs: 2_000 })).status === 200) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The lake did not answer /ping within ${timeoutMs / 1000} s`)
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const attackIndex = argv.indexOf('--attack')
  if (attackIndex >= 0) return attack(JSON.parse(argv[attackIndex + 1] ?? '{}') as AttackConfig)
  const json = argv.includes('--json')
  const secondsIndex = argv.indexOf('--seconds')
  const seconds = secondsIndex >= 0 ? Number(argv[secondsIndex + 1]) : 25
  if (!Number.isFinite(seconds) || seconds < 3 || seconds > 300) throw new Error('--seconds takes a number from 3 to 300')
  const onlyIndex = argv.indexOf('--only')
  const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : []
  const log = (message: string) => console.log(message)
  log(`Hostile-reader benchmark — Node ${process.version}, ${new Date().toISOString()}`)

  const dir = mkdtempSync(path.join(tmpdir(), 'lake-hostile-'))
  const docs = syntheticDataset(3_000)
  const seedFile = path.join(dir, 'seed.ndjson')
  writeFileSync(seedFile, `${docs.map((doc) => JSON.stringify(doc)).join('\n')}\n`)
  const [port, httpPort] = [await freePort(), await freePort()]
  const target = { port: httpPort }
  const lake = spawn(
    `exec node_modules/.bin/tsx lake/cli.ts serve --plugin ${EDITORIAL_PLUGIN} --dir ${JSON.stringify(dir)} --seed ${JSON.stringify(seedFile)} > ${JSON.stringify(path.join(dir, 'lake.log'))} 2>&1`,
    {
      shell: true,
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, LAKE_PORT: String(port), LAKE_HTTP_PORT: String(httpPort), LAKE_HOST: '127.0.0.1', LAKE_REVIEW_REQUIRED: 'false', LAKE_WEBHOOK_URL: '' },
    },
  )
  try {
    await waitForPing(target, 120_000)
    const { token } = createToken({ dir, role: 'editor', label: 'bench-hostile' })
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
    const upload = await request(target, {
      method: 'POST',
      path: '/v2025-02-19/assets/images/production?filename=portrait.png',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: png,
    })
    if (upload.status !== 200) throw new Error(`Uploading the benchmark image failed with ${upload.status}: ${upload.body}`)
    const imageUrl = (JSON.parse(upload.body) as { document: { url: string } }).document.url
    const imagePath = new URL(imageUrl).pathname
    const slugs = syntheticTripSlugs(docs)
    const meetingIds = docs.filter((doc) => doc._type === 'meeting').map((doc) => doc._id)
    log(`${docs.length} documents, ${slugs.length} trips; two phases of ${seconds} s (calm, then with 4 hostile clients)`)
    // Warm-up: the workers' copies of the dataset, views and indexes.
    for (let i = 0; i < 20; i++) await request(target, { path: queryPath(TRIP_QUERY, { slug: slugs[i % slugs.length] as string }) })
    const calm = await runPhase({ target, seconds, slugs, meetingIds, token })
    const hostile = await runPhase({ target, seconds, slugs, meetingIds, token, attack: { port: httpPort, imagePath, seconds, only } })

    const out: Record<string, number> = {}
    let ordinaryErrors = 0
    for (const kind of ['trip', 'ping', 'write'] as const) {
      const a = figures(calm[kind])
      const b = figures(hostile[kind])
      ordinaryErrors += b.errors + a.errors
      const line = (name: string, f: ReturnType<typeof figures>) =>
        `    ${name.padEnd(8)} p50 ${f.p50.toFixed(1).padStart(7)} ms  p95 ${f.p95.toFixed(1).padStart(7)} ms  p99 ${f.p99.toFixed(1).padStart(7)} ms  (${f.runs} requests, ${f.errors} errors${f.statuses ? `: ${f.statuses}` : ''})`
      log(`  ${kind}:`)
      log(line('calm', a))
      log(line('hostile', b))
      log(`    p99 hostile/calm ${(b.p99 / a.p99).toFixed(2)}×`)
      out[`${kind}_p50_ms`] = round(b.p50)
      out[`${kind}_p95_ms`] = round(b.p95)
      out[`${kind}_p99_ms`] = round(b.p99)
      out[`${kind}_calm_p99_ms`] = round(a.p99)
      out[`${kind}_p99_ratio`] = round(b.p99 / a.p99)
    }
    log('  hostile requests (status: count):')
    let hostileRequests = 0
    for (const [name, counts] of hostile.hostile) {
      log(`    ${name.padEnd(26)} ${[...counts].map(([status, count]) => `${status}: ${count}`).join(', ')}`)
      for (const count of counts.values()) hostileRequests += count
    }
    log(`  ordinary errors: ${ordinaryErrors} (goal 0); ratios goal ≤ 3×`)
    // The trip page's figures are the headline ones.
    out.p50_ms = out.trip_p50_ms as number
    out.p95_ms = out.trip_p95_ms as number
    out.p99_ms = out.trip_p99_ms as number
    out.ordinary_errors = ordinaryErrors
    out.hostile_requests = hostileRequests
    if (json) console.log(JSON.stringify(out))
  } finally {
    try {
      process.kill(-(lake.pid as number), 'SIGTERM')
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    rmSync(dir, { recursive: true, force: true })
  }
}

runMain(main)
