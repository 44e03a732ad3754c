/**
 * `npm run bench:freshness`: how long after a publish the public trip page shows it, read through
 * the shared cache (Varnish in front of `next start`, as `npm run start:cached` runs it).
 *
 *   npm run bench:freshness                     # builds, starts, measures, stops
 *   npm run bench:freshness -- --json           # ...and one JSON line at the end
 *   npm run bench:freshness -- --runs 20 --reuse-build
 *   npm run bench:freshness -- --direct         # read from next start itself, no cache in front
 *
 * Each run edits the trip's draft title (as the Studio does), then publishes it through the
 * Actions API (`sanity.action.document.publish`) and polls the public page, as a reader would,
 * until the new title is in its HTML. The lake's publish webhook (lake/webhooks.ts) reaches the
 * portal's /api/revalidate, which expires the content cache tag; the next request renders the page
 * again, and the route purges the trip's surrogate key in Varnish, so the next reader's request
 * reaches the portal. Timed: from sending the publish to the first response that shows it (the
 * lake's commit, the webhook, revalidation, the purge and one render are all inside). Between
 * publishes the page is read until it is a cache hit again, so every run starts from a cached
 * page. Goal: p95 ≤ 1 s.
 */
import { performance } from 'node:perf_hooks'
import { percentile, round } from './lib/stats'
import { reuseBuild, startStack } from './lib/stack'
import { runMain } from './lib/main'

const TRIP_ID = 'trip-2021-03-tokyo-2plus2'
const TRIP_PATH = '/trips/2021-03-tokyo-2plus2'
const POLL_EVERY_MS = 10
const GIVE_UP_MS = 30_000

function parseArgs(argv: string[]): { json: boolean; runs: number; direct: boolean } {
  const index = argv.indexOf('--runs')
  const runs = index >= 0 ? Number(argv[index + 1]) : 50
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1')
  return { json: argv.includes('--json'), runs, direct: argv.includes('--direct') }
}

async function main(): Promise<void> {
  const { json, runs, direct } = parseArgs(process.argv.slice(2))
  const stack = await startStack({ reuseBuild: reuseBuild(), cache: direct ? undefined : {} })
  try {
    const readerUrl = stack.cacheUrl ?? stack.portalUrl
    const client = stack.client('editor')
    const original = await client.getDocument(TRIP_ID)
    if (!original) throw new Error(`${TRIP_ID} is not in the seeded lake`)
    const read = async () => {
      const response = await fetch(`${readerUrl}${TRIP_PATH}`, { cache: 'no-store' })
      if (!response.ok) throw new Error(`${TRIP_PATH} answered ${response.status}`)
      return { html: await response.text(), hit: response.headers.get('x-cache') === 'HIT' }
    }
    const page = async () => (await read()).html
    /** Reads until the cache serves the page itself, as it does for readers between publishes. */
    const untilCached = async () => {
      if (!stack.cacheUrl) return
      for (let attempt = 0; attempt < 100; attempt++) {
        if ((await read()).hit) return
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      throw new Error(`${TRIP_PATH} is never served from the cache (X-Cache HIT)`)
    }
    // Warm the page (the first render after start can include compiling the route).
    await page()

    const times: number[] = []
    for (let run = 0; run < runs; run++) {
      const marker = `Freshness run ${run} ${Date.now().toString(36)}`
      await untilCached()
      const { _id, _rev, _createdAt, _updatedAt, ...fields } = original
      void _id
      void _rev
      void _createdAt
      void _updatedAt
      await client.createOrReplace({ ...fields, _id: `drafts.${TRIP_ID}`, _type: original._type, title: marker })
      const started = performance.now()
      await client.action({ actionType: 'sanity.action.document.publish', draftId: `drafts.${TRIP_ID}`, publishedId: TRIP_ID })
      for (;;) {
        if ((await page()).includes(marker)) break
        if (performance.now() - started > GIVE_UP_MS) throw new Error(`Run ${run}: the page did not show the publish within ${GIVE_UP_MS / 1000} s`)
        await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS))
      }
      times.push(performance.now() - started)
      if (!json) process.stdout.write(`  run ${run + 1}/${runs}: ${(times[times.length - 1] as number).toFixed(0)} ms\n`)
    }
    times.sort((a, b) => a - b)
    const p50 = percentile(times, 50)
    const p95 = percentile(times, 95)
    const via = stack.cacheUrl ? 'through the cache (each run starting from a cache hit)' : 'from next start'
    console.log(
      `Publish → visible on ${TRIP_PATH} ${via}: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${(times[times.length - 1] as number).toFixed(0)} ms over ${runs} publishes (goal p95 ≤ 1000 ms)`,
    )
    if (json)
      console.log(
        JSON.stringify({ runs, through_cache: stack.cacheUrl ? 1 : 0, p50_ms: round(p50), p95_ms: round(p95), max_ms: round(times[times.length - 1] as number), p95_vs_goal_ratio: round(p95 / 1000) }),
      )
  } finally {
    await stack.stop()
  }
}

runMain(main)
