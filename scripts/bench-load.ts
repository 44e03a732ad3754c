/**
 * `npm run bench:load`: does the stack hold load? 200 concurrent readers on the shared cache in
 * front of the portal and 10 writers on the lake for 60 seconds; prints throughput, p99 latency
 * and error counts.
 *
 *   npm run bench:load                          # human-readable summary
 *   npm run bench:load -- --json                # ...and one JSON line at the end
 *   npm run bench:load -- --duration 20 --readers 50 --writers 5 --reuse-build
 *   npm run bench:load -- --direct              # readers on next start itself, no cache in front
 *
 * The stack is scripts/lib/stack.ts: a fresh seeded lake, a production build of the portal and
 * `next start` with Varnish in front (as `npm run start:cached` runs it), with publish webhooks
 * wired as `npm start` wires them; each publish purges the pages it touches from the cache. Readers are autocannon
 * connections cycling through the portal's page templates (home, trip, briefing, officials,
 * search, feeds, calendars). Writers are @sanity/client loops, each on its own documents:
 * a draft edit, then a publish of a live document of a type no page shows (each fires a webhook
 * the portal must answer). Besides them, once a second a corrector publishes a change to a fact
 * bullet on the seed trip, which expires the trip page, its briefing sheet, the country pages and
 * the lists, so readers also meet pages regenerating under load. An error is any reader
 * response that is not 2xx/3xx/404, any connection error or timeout, and any failed write.
 * Through the cache, the cache's own log says which requests they were (scripts/lib/cache-failures.ts):
 * every reader answer that was a 5xx or took over 20 s, and every failed fetch from the portal.
 * Goal: 0 errors. The figures are a benchmark, not an assertion: nothing here fails on speed.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import { percentile, round } from './lib/stats'
import { reuseBuild, startStack } from './lib/stack'
import { runMain } from './lib/main'
import { countLines, followCacheFailures } from './lib/cache-failures'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    duration: { type: 'string', default: '60' },
    readers: { type: 'string', default: '200' },
    writers: { type: 'string', default: '10' },
    'reuse-build': { type: 'boolean', default: false },
    direct: { type: 'boolean', default: false },
  },
  allowPositionals: true,
})
const duration = Number(values.duration)
const readers = Number(values.readers)
const writers = Number(values.writers)

const PAGES = [
  '/',
  '/trips',
  '/trips/2021-03-tokyo-2plus2',
  '/trips/2021-03-tokyo-2plus2/briefing',
  '/trips/2021-03-tokyo-2plus2/calendar.ics',
  '/officials',
  '/officials/antony-j-blinken',
  '/officials/antony-j-blinken/feed.xml',
  '/countries/japan',
  '/facts',
  '/search?q=japan',
  '/feed.xml',
  '/sitemap.xml',
]

/** A seed fact on the trip page, its briefing sheet and the pages of Japan and the United States. */
const CORRECTED_FACT = 'fact-security-advanced-assets'

async function main() {
  const log = (message: string) => console.error(message)
  const stack = await startStack({ reuseBuild: values['reuse-build'] || reuseBuild(), log, cache: values.direct ? undefined : {} })
  const readerUrl = stack.cacheUrl ?? stack.portalUrl
  try {
    // Warm every page once, as a deployed site would be before the crowd arrives.
    for (const page of PAGES) await fetch(`${readerUrl}${page}`).then((response) => response.arrayBuffer())

    const client = stack.client('editor')
    const writeLatencies: number[] = []
    let writeErrors = 0
    let stopped = false
    const writer = async (index: number) => {
      let n = 0
      while (!stopped) {
        const started = performance.now()
        try {
          if (n % 2 === 0) await client.createOrReplace({ _id: `drafts.bench-load-${index}`, _type: 'benchLoad', n, text: `draft ${n}` })
          else await client.createOrReplace({ _id: `bench-load-${index}`, _type: 'benchLoad', n, text: `published ${n}` })
          writeLatencies.push(performance.now() - started)
        } catch (error) {
          writeErrors++
          if (writeErrors <= 5) log(`write failed: ${error instanceof Error ? error.message : String(error)}`)
        }
        n++
      }
    }

    const corrector = async () => {
      for (let n = 0; !stopped; n++) {
        const started = performance.now()
        try {
          await client
            .patch(CORRECTED_FACT)
            .set({ statedAt: n % 2 === 0 ? '2021-03-16' : '2021-03-15' })
            .commit()
          writeLatencies.push(performance.now() - started)
        } catch (error) {
          writeErrors++
          if (writeErrors <= 5) log(`correction failed: ${error instanceof Error ? error.message : String(error)}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 1_000))
      }
    }

    log(`Load: ${readers} readers on ${readerUrl}${stack.cacheUrl ? ' (the shared cache)' : ''}, ${writers} writers and a corrector on ${stack.lakeUrl}, ${duration} s…`)
    const cacheLog = stack.cacheWorkDir ? followCacheFailures(stack.cacheWorkDir) : undefined
    const writing = [...Array.from({ length: writers }, (_, index) => writer(index)), corrector()]
    const result = await autocannon({
      url: readerUrl,
      connections: readers,
      duration,
      timeout: 30,
      requests: PAGES.map((path) => ({ method: 'GET' as const, path })),
    })
    stopped = true
    await Promise.all(writing)
    const cacheFailures = await cacheLog?.stop()

    const sorted = [...writeLatencies].sort((a, b) => a - b)
    // autocannon counts 404s as non-2xx; the page list has none, so every non-2xx is an error.
    // Its `errors` already include its `timeouts` (each timeout counts once in both).
    const readErrors = result.errors + result.non2xx
    const figures = {
      duration_s: duration,
      through_cache: stack.cacheUrl ? 1 : 0,
      readers,
      writers,
      read_requests: result.requests.total,
      read_rps: round(result.requests.average, 1),
      read_p50_ms: result.latency.p50,
      read_p99_ms: result.latency.p99,
      read_errors: readErrors,
      read_non2xx: result.non2xx,
      read_timeouts: result.timeouts,
      read_resets: result.resets,
      cache_slow_or_5xx: cacheFailures?.readers.length ?? 0,
      cache_failed_fetches: cacheFailures?.fetches.length ?? 0,
      writes: writeLatencies.length,
      writes_per_s: round(writeLatencies.length / duration, 1),
      write_p50_ms: round(percentile(sorted, 50), 1),
      write_p99_ms: round(percentile(sorted, 99), 1),
      write_errors: writeErrors,
      errors: readErrors + writeErrors,
    }
    console.log(
      `Readers: ${figures.read_requests} requests, ${figures.read_rps} req/s, p50 ${figures.read_p50_ms} ms, p99 ${figures.read_p99_ms} ms, errors ${figures.read_errors} (non-2xx ${figures.read_non2xx}, timeouts ${figures.read_timeouts})`,
    )
    const statuses = Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => `${status}: ${count ?? 0}`)
    console.log(`Reader answers by status: ${statuses.join(', ')}`)
    if (cacheFailures) {
      // Status, handling (hit = waited for another request's fetch, miss/pass = its own) and page.
      const byKind = countLines(cacheFailures.readers, (line) => line.replace(/^(\S+) \S+ /, '$1 '))
      console.log(`Cache: ${cacheFailures.readers.length} reader answers 5xx or slower than 20 s${byKind.length ? ':' : ''}`)
      for (const [kind, count] of byKind.slice(0, 15)) console.log(`    ${count} × ${kind}`)
      console.log(`Cache: ${cacheFailures.fetches.length} failed fetches from the portal${cacheFailures.fetches.length ? ':' : ''}`)
      for (const line of cacheFailures.fetches.slice(0, 10)) console.log(`    ${line}`)
    }
    // The portal's own account of its failures (the stack removes its folder when it stops).
    const portalLog = path.join(stack.lakeDir, 'portal.log')
    const portalErrors = countLines(
      (existsSync(portalLog) ? readFileSync(portalLog, 'utf8') : '').split('\n').filter((line) => /error/i.test(line)),
      (line) => line.slice(0, 160),
    )
    console.log(`Portal: ${portalErrors.reduce((sum, [, count]) => sum + count, 0)} log lines naming an error${portalErrors.length ? ':' : ''}`)
    for (const [line, count] of portalErrors.slice(0, 8)) console.log(`    ${count} × ${line}`)
    console.log(`Writers: ${figures.writes} writes, ${figures.writes_per_s}/s, p50 ${figures.write_p50_ms} ms, p99 ${figures.write_p99_ms} ms, errors ${figures.write_errors}`)
    console.log(`Errors: ${figures.errors} (goal: 0)`)
    if (values.json) console.log(JSON.stringify(figures))
  } finally {
    await stack.stop()
  }
}

runMain(main)
