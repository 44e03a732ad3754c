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
 * until the new title is in its HTML. Two ways in, measured one after the other on the same build:
 * - *live events* (what `npm start` runs): the portal's listener hears the change's sync tags on
 *   the lake's Live Content API and posts them to its /api/revalidate/live, which expires them in
 *   Next and purges them from Varnish (lib/live/cacheListener.ts);
 * - *the publish webhook*, with the listener off: the lake posts the change to /api/revalidate,
 *   which works out the pages' tags (lib/revalidation/pageTags.ts), expires and purges them.
 * Either way the next reader's request reaches the portal, which renders the page again. Timed:
 * from sending the publish to the first response that shows it (the lake's commit, the event or
 * webhook, revalidation, the purge and one render are all inside). Between
 * publishes the page is read until it is a cache hit again, so every run starts from a cached
 * page. Goal: p95 ≤ 1 s. `p50_ms` / `p95_ms` are the live path's; `webhook_*` the webhook's.
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

type Invalidation = 'live' | 'webhook'

/** Publish → visible times (ms, sorted) of `runs` publishes on a stack kept fresh by `invalidation`. */
async function measure(invalidation: Invalidation, runs: number, direct: boolean, reuse: boolean, json: boolean): Promise<{ times: number[]; throughCache: boolean }> {
  const stack = await startStack({ reuseBuild: reuse, cache: direct ? undefined : {}, invalidation })
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
        if (performance.now() - started > GIVE_UP_MS) throw new Error(`Run ${run} (${invalidation}): the page did not show the publish within ${GIVE_UP_MS / 1000} s`)
        await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS))
      }
      times.push(performance.now() - started)
      if (!json) process.stdout.write(`  ${invalidation} run ${run + 1}/${runs}: ${(times[times.length - 1] as number).toFixed(0)} ms\n`)
    }
    return { times: times.sort((a, b) => a - b), throughCache: stack.cacheUrl !== undefined }
  } finally {
    await stack.stop()
  }
}

async function main(): Promise<void> {
  const { json, runs, direct } = parseArgs(process.argv.slice(2))
  // Live events first (what `npm start` runs), then the publish webhook on the same build.
  const live = await measure('live', runs, direct, reuseBuild(), json)
  const webhook = await measure('webhook', runs, direct, true, json)
  const via = live.throughCache ? 'through the cache (each run starting from a cache hit)' : 'from next start'
  const summary = ({ times }: { times: number[] }) => ({ p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] as number })
  const [liveFigures, webhookFigures] = [summary(live), summary(webhook)]
  for (const [name, figures] of [
    ['live events (the default)', liveFigures],
    ['publish webhook', webhookFigures],
  ] as const)
    console.log(
      `Publish → visible on ${TRIP_PATH} ${via}, by ${name}: p50 ${figures.p50.toFixed(0)} ms, p95 ${figures.p95.toFixed(0)} ms, max ${figures.max.toFixed(0)} ms over ${runs} publishes (goal p95 ≤ 1000 ms)`,
    )
  if (json)
    console.log(
      JSON.stringify({
        runs,
        through_cache: live.throughCache ? 1 : 0,
        p50_ms: round(liveFigures.p50),
        p95_ms: round(liveFigures.p95),
        max_ms: round(liveFigures.max),
        p95_vs_goal_ratio: round(liveFigures.p95 / 1000),
        webhook_p50_ms: round(webhookFigures.p50),
        webhook_p95_ms: round(webhookFigures.p95),
        live_vs_webhook_p95_ratio: round(liveFigures.p95 / webhookFigures.p95),
      }),
    )
}

runMain(main)
