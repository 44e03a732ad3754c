/**
 * Benchmark of the local lake: the portal's trip-page query at 1k, 10k and 100k documents,
 * through the indexes and query plan (lake/query-plan.ts) and through plain groq-js side by side,
 * and sequential mutations per second.
 *
 *   npm run bench:lake                 # human-readable table
 *   npm run bench:lake -- --json       # ...and one JSON line at the end
 *   npm run bench:lake -- --sizes 1000,10000
 *
 * Each size gets a fresh lake in a temporary folder, seeded with copies of Envoy's seed content
 * (scripts/lib/synthetic-content.ts: per copy one trip, 5 meetings, 5 officials, a quote and 21
 * fact bullets with their references; countries and topics shared), every one marked
 * `synthetic: true`. The query is TRIP_QUERY from sanity/queries.ts, for a different trip each run.
 *
 * Figures per size:
 * - `http`: through the real @sanity/client over the lake's plain-HTTP port (published
 *   perspective, editor token): HTTP, JSON, perspective view, indexes and groq-js;
 * - `indexed` / `plain`: in-process over the same published view, the lake's `runQuery` against
 *   groq-js's `evaluate` scanning the whole view (what the lake did before indexing);
 * - `after_write`: an HTTP query right after a patch, which pays for rebuilding the published
 *   view and the indexes it needs (they are rebuilt lazily per dataset state, see index-view.ts);
 * - mutations/s: sequential single-document patches, each its own transaction and fsync;
 * - `tagged`: `indexed` plus computing the result's sync tags (lake/sync-tags.ts: the filter's
 *   types and ids, the ids `->` followed), what every query response now pays;
 * - spurious share: 20 trip pages (TRIP_QUERY) fetched with their `syncTags`, then 20 patches
 *   (half to a meeting one of those pages shows, half to a random meeting, each setting its title
 *   or a field no page shows) heard through `client.live.events()`; per patch every page is fetched
 *   again. A page whose tags a patch named but whose result stayed the same is a spurious refetch;
 *   one whose result changed without its tags named would be a miss (always 0).
 */
import { editorialPlugin } from '../editorial/lake/plugin'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createClient } from '@sanity/client'
import type { SanityClient } from '@sanity/client'
import { evaluate, parse } from 'groq-js'
import { runQuery } from '../lake/groq'
import { createToken, startLake } from '../lake/index'
import { documentsFor } from '../lake/perspective'
import { Store } from '../lake/store'
import { queryDependencies, queryTags } from '../lake/sync-tags'
import { TRIP_QUERY } from '../sanity/queries'
import { percentile, round } from './lib/stats'
import { syntheticDataset, syntheticTripSlugs } from './lib/synthetic-content'
import { runMain } from './lib/main'

type Stats = { p50: number; p95: number; mean: number; runs: number }

type SizeResult = {
  docs: number
  http: Stats
  indexed: Stats
  tagged: Stats
  plain: Stats
  afterWrite: Stats
  mutations: number
  mutationsPerSecond: number
  live: LiveFigures
}

type LiveFigures = { pages: number; patches: number; changed: number; notified: number; spurious: number; missed: number }

function parseArgs(argv: string[]): { json: boolean; sizes: number[] } {
  const json = argv.includes('--json')
  const sizesIndex = argv.indexOf('--sizes')
  const sizes =
    sizesIndex >= 0 && argv[sizesIndex + 1]
      ? (argv[sizesIndex + 1] as string).split(',').map((value) => Number(value))
      : [1_000, 10_000, 100_000]
  if (sizes.some((size) => !Number.isInteger(size) || size < 50)) throw new Error('--sizes takes whole numbers ≥ 50, e.g. 1000,10000')
  return { json, sizes }
}

/** Synthetic documents in the NDJSON seed format. */
function seedFile(dir: string, count: number): { file: string; docs: number; slugs: string[]; meetingIds: string[] } {
  const docs = syntheticDataset(count)
  const file = path.join(dir, 'seed.ndjson')
  writeFileSync(file, `${docs.map((doc) => JSON.stringify(doc)).join('\n')}\n`)
  return {
    file,
    docs: docs.length,
    slugs: syntheticTripSlugs(docs),
    meetingIds: docs.filter((doc) => doc._type === 'meeting').map((doc) => doc._id),
  }
}

async function timed(runs: number, run: (i: number) => Promise<void>): Promise<Stats> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await run(i)
    times.push(performance.now() - started)
  }
  return stats(times)
}

async function benchSize(count: number, log: (message: string) => void): Promise<SizeResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lake-bench-'))
  try {
    const seed = seedFile(dir, count)
    const seeding = performance.now()
    // Benchmark patches write published documents directly, as an import would: no review step.
    const lake = await startLake({ dir, port: 0, httpPort: 0, seedFile: seed.file, quiet: true, plugins: [editorialPlugin({ reviewRequired: false })] })
    log(`  ${seed.docs} documents (${seed.slugs.length} trips) seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`)
    try {
      const { token } = createToken({ dir, role: 'editor', label: 'bench' })
      const client = clientFor(lake.httpUrl, token)
      const slug = (i: number) => seed.slugs[(i * 7919) % seed.slugs.length] as string
      const check = (trip: unknown) => {
        const meetings = (trip as { meetings?: unknown[] } | null)?.meetings
        if (!meetings || meetings.length === 0) throw new Error('The benchmark query returned no trip or no meetings')
      }
      const fetchTrip = async (i: number) => check(await client.fetch(TRIP_QUERY, { slug: slug(i) }))
      // Warm-up: loads the dataset into memory, builds the published view and its indexes.
      for (let i = 0; i < 3; i++) await fetchTrip(i)
      const http = await timed(200, (i) => fetchTrip(i + 3))

      // A read right after a write: the view and the indexes the query needs are rebuilt.
      const readsAfterWrite: number[] = []
      for (let i = 0; i < (count <= 10_000 ? 20 : 8); i++) {
        await client.patch(seed.meetingIds[i % seed.meetingIds.length] as string).set({ note: `read-after-write ${i}` }).commit()
        const started = performance.now()
        await fetchTrip(i)
        readsAfterWrite.push(performance.now() - started)
      }
      const afterWrite = stats(readsAfterWrite)

      // Sequential single-document patches: each is its own transaction (one fsync each).
      const mutations = 200
      const started = performance.now()
      for (let i = 0; i < mutations; i++) {
        await client.patch(seed.meetingIds[i % seed.meetingIds.length] as string).set({ note: `edit ${i}` }).commit()
      }
      const seconds = (performance.now() - started) / 1000
      const live = await liveFigures(client, clientFor(lake.httpUrl), Array.from({ length: 20 }, (_, i) => slug(i * 13 + 1)), seed.meetingIds)
      // In-process, same published view: the lake's planned evaluation against a full groq-js scan.
      // Loaded last, so that this second copy of the dataset does not weigh on the HTTP figures.
      const store = new Store(dir)
      const view = documentsFor(store, 'production', { role: 'editor', id: 'bench' }, { kind: 'published' })
      const context = { dataset: 'production', identity: 'bench' }
      const tree = (i: number) => {
        const params = { slug: slug(i) }
        return { params, tree: parse(TRIP_QUERY, { params }) }
      }
      await runQuery(tree(0).tree, view, tree(0).params, context)
      const indexed = await timed(200, async (i) => {
        const q = tree(i + 5)
        check(await runQuery(q.tree, view, q.params, context))
      })
      // The same evaluation, plus the sync tags every query response carries.
      const tagged = await timed(200, async (i) => {
        const q = tree(i + 5)
        const followed = new Set<string>()
        check(await runQuery(q.tree, view, q.params, { ...context, followed }))
        if (queryTags('production', queryDependencies(q.tree, q.params), followed).length === 0) throw new Error('A query without sync tags')
      })
      const plainRuns = count <= 1_000 ? 100 : count <= 10_000 ? 20 : 5
      const plain = await timed(plainRuns, async (i) => {
        const q = tree(i + 5)
        check(await (await evaluate(q.tree, { dataset: view, params: q.params })).get())
      })
      store.close()

      return { docs: seed.docs, http, indexed, tagged, plain, afterWrite, mutations, mutationsPerSecond: mutations / seconds, live }
    } finally {
      await lake.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function clientFor(apiHost: string, token?: string): SanityClient {
  return createClient({ projectId: 'local', dataset: 'production', apiHost, useProjectHostname: false, apiVersion: '2025-02-19', useCdn: false, token })
}

/** Spurious and missed refetches of trip pages over a series of patches (see the header). */
async function liveFigures(editor: SanityClient, anonymous: SanityClient, slugs: string[], meetingIds: string[]): Promise<LiveFigures> {
  const named = new Map<string, Set<string>>()
  let welcomed: () => void = () => undefined
  const welcome = new Promise<void>((resolve) => (welcomed = resolve))
  let pending: string[] = []
  const subscription = anonymous.live.events().subscribe((event) => {
    if (event.type === 'welcome') welcomed()
    if (event.type !== 'message') return
    // A transaction's tags may come in several messages; only the last carries its id.
    pending.push(...event.tags)
    named.set(event.id, new Set(pending))
    pending = []
  })
  try {
    await welcome
    const fetchPages = () => Promise.all(slugs.map((slug) => anonymous.fetch(TRIP_QUERY, { slug }, { filterResponse: false })))
    let pages = await fetchPages()
    const figures: LiveFigures = { pages: slugs.length, patches: 20, changed: 0, notified: 0, spurious: 0, missed: 0 }
    for (let i = 0; i < figures.patches; i++) {
      const shown = (pages[i % pages.length]?.result as { meetings?: { _id: string }[] } | null)?.meetings?.[0]?._id
      const target = i % 2 === 0 && shown ? shown : (meetingIds[(i * 104_729) % meetingIds.length] as string)
      const patch = i % 4 < 2 ? { title: `Retitled ${i}` } : { note: `unseen ${i}` }
      const { transactionId } = await editor.transaction().patch(target, (p) => p.set(patch)).commit()
      const deadline = performance.now() + 5000
      while (!named.has(transactionId) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2))
      const tags = named.get(transactionId) ?? new Set<string>()
      const next = await fetchPages()
      next.forEach((page, index) => {
        const before = pages[index]
        const changed = JSON.stringify(before?.result) !== JSON.stringify(page.result)
        const notified = (before?.syncTags ?? []).some((tag) => tags.has(tag))
        if (changed) figures.changed++
        if (notified) figures.notified++
        if (notified && !changed) figures.spurious++
        if (changed && !notified) figures.missed++
      })
      pages = next
    }
    return figures
  } finally {
    subscription.unsubscribe()
  }
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length, runs: sorted.length }
}

async function main(): Promise<void> {
  const { json, sizes } = parseArgs(process.argv.slice(2))
  const log = (message: string) => console.log(message)
  log(`Lake benchmark — Node ${process.version}, ${new Date().toISOString()}`)
  log('Query: TRIP_QUERY (sanity/queries.ts), a different trip each run')
  const results: SizeResult[] = []
  const line = (name: string, s: Stats) => `    ${name.padEnd(11)} p50 ${s.p50.toFixed(2).padStart(9)} ms  p95 ${s.p95.toFixed(2).padStart(9)} ms  (${s.runs} runs)`
  for (const size of sizes) {
    log(`Size ${size}:`)
    const result = await benchSize(size, log)
    results.push(result)
    log(line('http', result.http))
    log(line('indexed', result.indexed))
    log(line('tagged', result.tagged))
    log(line('plain', result.plain))
    log(line('after write', result.afterWrite))
    log(`    plain/indexed p50 ${(result.plain.p50 / result.indexed.p50).toFixed(1)}×; ${result.mutationsPerSecond.toFixed(0)} mutations/s (${result.mutations} sequential patches)`)
    const { live } = result
    log(`    sync tags: tagged/indexed p50 ${(result.tagged.p50 / result.indexed.p50).toFixed(2)}×; ${live.patches} patches × ${live.pages} pages: ${live.changed} changed, ${live.notified} notified, ${live.spurious} spurious (${(100 * spuriousShare(live)).toFixed(0)}% of notifications), ${live.missed} missed`)
  }
  if (json) {
    const out: Record<string, number> = {}
    for (const result of results) {
      const size = sizes[results.indexOf(result)] as number
      out[`docs_${size}_p50_ms`] = round(result.http.p50)
      out[`docs_${size}_p95_ms`] = round(result.http.p95)
      out[`docs_${size}_indexed_p50_ms`] = round(result.indexed.p50, 3)
      out[`docs_${size}_indexed_p95_ms`] = round(result.indexed.p95, 3)
      out[`docs_${size}_plain_p50_ms`] = round(result.plain.p50)
      out[`docs_${size}_plain_p95_ms`] = round(result.plain.p95)
      out[`docs_${size}_after_write_p50_ms`] = round(result.afterWrite.p50)
      out[`docs_${size}_after_write_p95_ms`] = round(result.afterWrite.p95)
      out[`docs_${size}_plain_vs_indexed_ratio`] = round(result.plain.p50 / result.indexed.p50, 1)
      out[`docs_${size}_mutations_per_s`] = round(result.mutationsPerSecond, 1)
      out[`docs_${size}_tagged_p50_ms`] = round(result.tagged.p50, 3)
      out[`docs_${size}_sync_tags_vs_untagged_p50_ratio`] = round(result.tagged.p50 / result.indexed.p50)
      out[`docs_${size}_live_spurious_share_ratio`] = round(spuriousShare(result.live))
      out[`docs_${size}_live_spurious_per_patch`] = round(result.live.spurious / result.live.patches, 1)
      out[`docs_${size}_live_missed`] = result.live.missed
    }
    const first = results[0]
    const last = results[results.length - 1]
    if (first && last && first !== last) {
      const a = sizes[0] as number
      const b = sizes[sizes.length - 1] as number
      out[`p50_${b}_vs_${a}_ratio`] = round(last.http.p50 / first.http.p50)
      out[`p95_${b}_vs_${a}_ratio`] = round(last.http.p95 / first.http.p95)
      out[`indexed_p50_${b}_vs_${a}_ratio`] = round(last.indexed.p50 / first.indexed.p50)
      out[`mutations_per_s_${b}_vs_${a}_ratio`] = round(last.mutationsPerSecond / first.mutationsPerSecond)
    }
    console.log(JSON.stringify(out))
  }
}

/** Of the pages a patch's tags named, the share whose result had not changed. */
function spuriousShare(live: LiveFigures): number {
  return live.notified === 0 ? 0 : live.spurious / live.notified
}

runMain(main)
