/**
 * `npm run bench:pages`: requests per second of the trip page and the briefing sheet, served from
 * the shared cache (Varnish, cache/envoy.vcl, as `npm run start:cached` runs it), against
 * - the same bytes served by the same Varnish as a static object: the page's exact response
 *   (headers and body, as the portal sent it to the cache) kept under /__static-copy/<name>,
 *   fetched once from a plain file server and cached like any page (goal: ≥ 0.9×);
 * - Next alone, as `npm start` serves it (a second `next start` on the same build, compressing
 *   every response itself), with the floor page (app/bench-floor) of the same build for scale.
 *
 *   npm run bench:pages                          # builds, starts, measures, stops
 *   npm run bench:pages -- --json                # ...and one JSON line at the end
 *   npm run bench:pages -- --seconds 5 --rounds 2 --reuse-build
 *
 * Every target is measured in alternating rounds so that load from elsewhere on the machine falls
 * on all of them alike; each figure is the mean over its rounds. Responses other than 200 are
 * counted and reported: a fast 500 is no win. Cached targets are checked to be cache hits first.
 */
import { createServer, type Server } from 'node:http'
import autocannon from 'autocannon'
import { freePort } from './lib/ports'
import { round } from './lib/stats'
import { reuseBuild, startStack } from './lib/stack'
import { runMain } from './lib/main'

const PAGES = {
  floor: '/bench-floor',
  trip: '/trips/2021-03-tokyo-2plus2',
  briefing: '/trips/2021-03-tokyo-2plus2/briefing',
} as const
type PageName = keyof typeof PAGES
const COPIED: PageName[] = ['trip', 'briefing']
const STATIC_PREFIX = '/__static-copy/'

/** Headers that belong to one connection or one moment, not to the object. */
const NOT_COPIED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date'])

function parseArgs(argv: string[]): { json: boolean; seconds: number; rounds: number; connections: number } {
  const number = (flag: string, fallback: number) => {
    const index = argv.indexOf(flag)
    const value = index >= 0 ? Number(argv[index + 1]) : fallback
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} takes a whole number ≥ 1`)
    return value
  }
  return { json: argv.includes('--json'), seconds: number('--seconds', 10), rounds: number('--rounds', 3), connections: number('--connections', 10) }
}

type Round = { rps: number; p50: number; p99: number; errors: number }

async function measure(url: string, seconds: number, connections: number): Promise<Round> {
  const result = await autocannon({ url, connections, duration: seconds, headers: { 'accept-encoding': 'gzip, br' } })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  }
}

type Copy = { headers: [string, string][]; body: Buffer }

/** A plain file server for the static copies: Varnish fetches each once, then serves it from memory. */
async function serveCopies(copies: Map<string, Copy>): Promise<{ port: number; server: Server }> {
  const port = await freePort()
  const server = createServer((request, response) => {
    const copy = copies.get(request.url ?? '')
    if (!copy) return void response.writeHead(404).end()
    response.writeHead(200, Object.fromEntries(copy.headers))
    response.end(copy.body)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { port, server }
}

/** Sent to Varnish after Envoy's VCL: the static copies come from the file server above. */
function staticCopyVcl(port: number): string {
  return `backend static_copy { .host = "127.0.0.1"; .port = "${port}"; }
sub vcl_backend_fetch {
    if (bereq.url ~ "^${STATIC_PREFIX}") {
        set bereq.backend = static_copy;
    }
}`
}

async function expectHit(url: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } })
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`${url} answered ${response.status}`)
    if (response.headers.get('x-cache') === 'HIT') return
  }
  throw new Error(`${url} is not served from the cache (X-Cache is not HIT): the comparison would be meaningless`)
}

async function main(): Promise<void> {
  const { json, seconds, rounds, connections } = parseArgs(process.argv.slice(2))
  const copies = new Map<string, Copy>()
  const files = await serveCopies(copies)
  const stack = await startStack({ reuseBuild: reuseBuild(), cache: { extraVcl: staticCopyVcl(files.port) }, compressingPortal: true })
  try {
    const cacheUrl = stack.cacheUrl
    const nextUrl = stack.compressingPortalUrl
    if (!cacheUrl || !nextUrl) throw new Error('The stack started without its cache or second portal')
    // The exact response the portal gives the cache (uncompressed: behind the cache it leaves that to Varnish).
    for (const name of COPIED) {
      const response = await fetch(`${stack.portalUrl}${PAGES[name]}`, { headers: { 'accept-encoding': 'identity' } })
      if (!response.ok) throw new Error(`${PAGES[name]} answered ${response.status}`)
      const headers = [...response.headers].filter(([key]) => !NOT_COPIED.has(key))
      copies.set(`${STATIC_PREFIX}${name}`, { headers, body: Buffer.from(await response.arrayBuffer()) })
    }

    const targets: Record<string, string> = {
      next_floor: `${nextUrl}${PAGES.floor}`,
      next_trip: `${nextUrl}${PAGES.trip}`,
      next_briefing: `${nextUrl}${PAGES.briefing}`,
      cached_floor: `${cacheUrl}${PAGES.floor}`,
      cached_trip: `${cacheUrl}${PAGES.trip}`,
      cached_briefing: `${cacheUrl}${PAGES.briefing}`,
      static_trip: `${cacheUrl}${STATIC_PREFIX}trip`,
      static_briefing: `${cacheUrl}${STATIC_PREFIX}briefing`,
    }
    const names = Object.keys(targets)
    for (const name of names) {
      const url = targets[name] as string
      if (name.startsWith('next_')) await fetch(url).then((response) => response.arrayBuffer())
      else await expectHit(url)
      // A short warm-up: the first requests after start load the route's code.
      await measure(url, 2, connections)
    }
    const sizes: Record<string, number> = {}
    for (const name of COPIED) {
      const gzipped = await fetch(targets[`cached_${name}`] as string, { headers: { 'accept-encoding': 'gzip' } }).then((response) => response.headers.get('content-length'))
      sizes[`${name}_html_bytes`] = copies.get(`${STATIC_PREFIX}${name}`)?.body.length ?? 0
      sizes[`${name}_gzip_bytes`] = Number(gzipped ?? 0)
    }

    const results = Object.fromEntries(names.map((name) => [name, [] as Round[]]))
    for (let r = 0; r < rounds; r++) {
      for (const name of names) {
        const result = await measure(targets[name] as string, seconds, connections)
        results[name]?.push(result)
        console.log(`  round ${r + 1} ${name.padEnd(16)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}`)
      }
    }
    const mean = (name: string, key: keyof Round) => {
      const list = results[name] ?? []
      return list.reduce((sum, item) => sum + item[key], 0) / list.length
    }
    const out: Record<string, number> = { connections, seconds_per_round: seconds, rounds, ...sizes }
    for (const name of names) {
      out[`${name}_rps`] = round(mean(name, 'rps'), 1)
      out[`${name}_p50_ms`] = round(mean(name, 'p50'))
      out[`${name}_p99_ms`] = round(mean(name, 'p99'))
      out[`${name}_errors`] = (results[name] ?? []).reduce((sum, item) => sum + item.errors, 0)
    }
    const ratio = (a: string, b: string) => round(mean(a, 'rps') / mean(b, 'rps'), 3)
    for (const name of COPIED) {
      out[`${name}_cached_vs_static_ratio`] = ratio(`cached_${name}`, `static_${name}`)
      out[`${name}_cached_vs_next_ratio`] = ratio(`cached_${name}`, `next_${name}`)
      out[`${name}_next_vs_floor_ratio`] = ratio(`next_${name}`, 'next_floor')
    }
    console.log(
      `Through the cache: trip ${out.cached_trip_rps} req/s (${out.trip_cached_vs_static_ratio}× the static copy, ${out.trip_cached_vs_next_ratio}× Next alone); ` +
        `briefing ${out.cached_briefing_rps} req/s (${out.briefing_cached_vs_static_ratio}× static, ${out.briefing_cached_vs_next_ratio}× Next). Goal ≥ 0.9× static.`,
    )
    console.log(`Next alone: floor ${out.next_floor_rps} req/s; trip ${out.trip_next_vs_floor_ratio}×, briefing ${out.briefing_next_vs_floor_ratio}× the floor.`)
    if (json) console.log(JSON.stringify(out))
  } finally {
    await stack.stop()
    files.server.close()
  }
}

runMain(main)
