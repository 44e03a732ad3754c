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
 *   types and ids, the ids `->` followed), what every query response now pays; measured
 *   interleaved with `indexed`, run by run in alternating order;
 * - spurious share: 30 of the portal's pages fetched with their `syncTags` (20 trip pages,
 *   TRIP_QUERY; 5 trip calendars, TRIP_CALENDAR_QUERY; 5 fact pages, FACT_QUERY), then 24
 *   generated patches heard through `client.live.events()`: in turn to a meeting a trip page
 *   shows, a random meeting, a random official and a random fact bullet, each setting an
 *   attribute the pages show (title, name, text) or one no page shows; per patch every page is
 *   fetched again. A page whose tags a patch named but whose result stayed the same is a spurious
 *   refetch; one whose result changed without its tags named would be a miss (always 0).
 * - `mapped` / `mapped_http`: the same trip pages with a content source map
 *   (`resultSourceMap=withKeyArraySelector`, what `@sanity/client` asks for with stega on), in
 *   process (`answerQuery` with a map against `indexed`, on this script's own thread), as the
 *   lake's query job in one of its query workers without HTTP (`worker`), and over HTTP (against
 *   `http`); each measured interleaved with a plain run of the same page so both see the same
 *   machine; the JSON line's `source_map_*_ratio` keys are mapped ÷ plain p50 (goal ≤ 1.5× at 100k).
 *
 *   npm run bench:lake -- --sizes 100000 --only-source-map   # just the source-map figures
 */
import { editorialPlugin } from '../editorial/lake/plugin'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createClient } from '@sanity/client'
import type { SanityClient } from '@sanity/client'
import { resolveMapping } from '@sanity/client/csm'
import { evaluate, parse } from 'groq-js'
import { answerQuery, runQuery } from '../lake/groq'
import { createToken, startLake } from '../lake/index'
import { documentsFor } from '../lake/perspective'
import { DEFAULT_QUERY_LIMITS, queryTimeout } from '../lake/limits'
import { QueryPool } from '../lake/query-pool'
import type { QueryJob } from '../lake/query-job'
import { Store } from '../lake/store'
import { queryDependencies, queryTags } from '../lake/sync-tags'
import { FACT_QUERY, TRIP_CALENDAR_QUERY, TRIP_QUERY } from '../sanity/queries'
import { percentile, round } from './lib/stats'
import { syntheticDataset, syntheticTripSlugs } from './lib/synthetic-content'
import { runMain } from './lib/main'

type Stats = { p50: number; p95: number; mean: number; runs: number }

type SizeResult = {
  docs: number
  sourceMap: SourceMapFigures
  /** Absent with --only-source-map. */
  full?: FullFigures
}

type FullFigures = {
  http: Stats
  indexed: Stats
  tagged: Stats
  plain: Stats
  afterWrite: Stats
  mutations: number
  mutationsPerSecond: number
  live: LiveFigures
}

/** `mapped`: values of the result a client finds a document for (by the closest mapped prefix); `mappings`: entries in the map. */
type SourceMapFigures = {
  plainHttp: Stats
  mappedHttp: Stats
  indexed: Stats
  mapped: Stats
  plainWorker: Stats
  mappedWorker: Stats
  mappedLeaves: number
  mappings: number
  leaves: number
  mapBytes: number
  resultBytes: number
}

type LiveFigures = { pages: number; patches: number; changed: number; notified: number; spurious: number; missed: number; byKind: Record<string, { notified: number; spurious: number }> }

function parseArgs(argv: string[]): { json: boolean; sizes: number[]; onlySourceMap: boolean } {
  const json = argv.includes('--json')
  const onlySourceMap = argv.includes('--only-source-map')
  const sizesIndex = argv.indexOf('--sizes')
  const sizes = sizesIndex >= 0 && argv[sizesIndex + 1] ? (argv[sizesIndex + 1] as string).split(',').map((value) => Number(value)) : [1_000, 10_000, 100_000]
  if (sizes.some((size) => !Number.isInteger(size) || size < 50)) throw new Error('--sizes takes whole numbers ≥ 50, e.g. 1000,10000')
  return { json, sizes, onlySourceMap }
}

/** Synthetic documents in the NDJSON seed format. */
function seedFile(dir: string, count: number): { file: string; docs: number; slugs: string[]; meetingIds: string[]; officialIds: string[]; factIds: string[] } {
  const docs = syntheticDataset(count)
  const file = path.join(dir, 'seed.ndjson')
  writeFileSync(file, `${docs.map((doc) => JSON.stringify(doc)).join('\n')}\n`)
  return {
    file,
    docs: docs.length,
    slugs: syntheticTripSlugs(docs),
    meetingIds: docs.filter((doc) => doc._type === 'meeting').map((doc) => doc._id),
    officialIds: docs.filter((doc) => doc._type === 'official').map((doc) => doc._id),
    factIds: docs.filter((doc) => doc._type === 'factBullet').map((doc) => doc._id),
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

async function benchSize(count: number, log: (message: string) => void, onlySourceMap: boolean): Promise<SizeResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lake-bench-'))
  try {
    const seed = seedFile(dir, count)
    const seeding = performance.now()
    // Seeded by a lake without plugins: the editorial plugin's import check (embargoes) grows with
    // the square of the import (about 19 minutes at 100k), and what is measured here are queries.
    const seeder = await startLake({ dir, port: 0, httpPort: 0, seedFile: seed.file, quiet: true })
    await seeder.close()
    log(`  ${seed.docs} documents (${seed.slugs.length} trips) seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`)
    // Then served as `npm run lake` serves Envoy; benchmark patches write published documents
    // directly, as an import would: no review step.
    // A longer query budget than the default 5 s: on a loaded machine the first read after a
    // write at 100k (a new view and its indexes) can take longer, and a stopped query ends the run.
    const lake = await startLake({ dir, port: 0, httpPort: 0, quiet: true, plugins: [editorialPlugin({ reviewRequired: false })], queryLimits: { timeoutMs: 60_000 } })
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
      const sourceMap = await sourceMapFigures(client, dir, slug, check)
      if (onlySourceMap) return { docs: seed.docs, sourceMap }
      const http = await timed(200, (i) => fetchTrip(i + 3))

      // A read right after a write: the view and the indexes the query needs are rebuilt.
      const readsAfterWrite: number[] = []
      for (let i = 0; i < (count <= 10_000 ? 20 : 8); i++) {
        await client
          .patch(seed.meetingIds[i % seed.meetingIds.length] as string)
          .set({ note: `read-after-write ${i}` })
          .commit()
        const started = performance.now()
        await fetchTrip(i)
        readsAfterWrite.push(performance.now() - started)
      }
      const afterWrite = stats(readsAfterWrite)

      // Sequential single-document patches: each is its own transaction (one fsync each).
      const mutations = 200
      const started = performance.now()
      for (let i = 0; i < mutations; i++) {
        await client
          .patch(seed.meetingIds[i % seed.meetingIds.length] as string)
          .set({ note: `edit ${i}` })
          .commit()
      }
      const seconds = (performance.now() - started) / 1000
      const pageList: Page[] = [
        ...Array.from({ length: 20 }, (_, i) => ({ kind: 'trip', query: TRIP_QUERY, params: { slug: slug(i * 13 + 1) } })),
        ...Array.from({ length: 5 }, (_, i) => ({ kind: 'calendar', query: TRIP_CALENDAR_QUERY, params: { slug: slug(i * 13 + 1) } })),
        ...Array.from({ length: 5 }, (_, i) => ({ kind: 'fact', query: FACT_QUERY, params: { id: seed.factIds[(i * 7919) % seed.factIds.length] as string } })),
      ]
      const live = await liveFigures(client, clientFor(lake.httpUrl), pageList, { meetings: seed.meetingIds, officials: seed.officialIds, facts: seed.factIds })
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
      // The same evaluation without and with the sync tags every query response carries (the
      // route always asks for them; `followed` is the switch), interleaved in alternating order
      // so both see the same machine.
      const indexedTimes: number[] = []
      const taggedTimes: number[] = []
      for (let i = 0; i < 200; i++) {
        const q = tree(i + 5)
        for (const withTags of i % 2 === 0 ? [false, true] : [true, false]) {
          const started = performance.now()
          if (withTags) {
            const followed = new Set<string>()
            check(await runQuery(q.tree, view, q.params, { ...context, followed }))
            if (queryTags('production', queryDependencies(q.tree, q.params), followed).length === 0) throw new Error('A query without sync tags')
          } else check(await runQuery(q.tree, view, q.params, context))
          ;(withTags ? taggedTimes : indexedTimes).push(performance.now() - started)
        }
      }
      const indexed = stats(indexedTimes)
      const tagged = stats(taggedTimes)
      const plainRuns = count <= 1_000 ? 100 : count <= 10_000 ? 20 : 5
      const plain = await timed(plainRuns, async (i) => {
        const q = tree(i + 5)
        check(await (await evaluate(q.tree, { dataset: view, params: q.params })).get())
      })
      store.close()

      return { docs: seed.docs, sourceMap, full: { http, indexed, tagged, plain, afterWrite, mutations, mutationsPerSecond: mutations / seconds, live } }
    } finally {
      await lake.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Trip pages with and without a content source map: over HTTP interleaved (each run fetches the
 * same page both ways, in alternating order), and in process over the published view.
 */
async function sourceMapFigures(client: SanityClient, dir: string, slug: (i: number) => string, check: (trip: unknown) => void): Promise<SourceMapFigures> {
  const plainTimes: number[] = []
  const mappedTimes: number[] = []
  const fetchPlain = async (i: number) => check(await client.fetch(TRIP_QUERY, { slug: slug(i) }))
  const fetchMapped = async (i: number) => {
    const response = await client.fetch(TRIP_QUERY, { slug: slug(i) }, { filterResponse: false, resultSourceMap: 'withKeyArraySelector' })
    check(response.result)
    if (!response.resultSourceMap || Object.keys(response.resultSourceMap.mappings).length === 0) throw new Error('The benchmark query came back without a source map')
    return response
  }
  for (let i = 0; i < 5; i++) await fetchMapped(i)
  for (let i = 0; i < 200; i++) {
    const first = i % 2 === 0
    for (const mapped of first ? [false, true] : [true, false]) {
      const started = performance.now()
      if (mapped) await fetchMapped(i + 5)
      else await fetchPlain(i + 5)
      ;(mapped ? mappedTimes : plainTimes).push(performance.now() - started)
    }
  }
  const sample = await fetchMapped(1)
  const leaves = leafPaths(sample.result)
  const map = sample.resultSourceMap
  const mappedLeaves = leaves.filter((leafPath) => map && resolveMapping(leafPath, map)?.mapping.source.type === 'documentValue').length
  const store = new Store(dir)
  try {
    const view = documentsFor(store, 'production', { role: 'editor', id: 'bench' }, { kind: 'published' })
    const context = { dataset: 'production', identity: 'bench' }
    const request = { mode: 'keyed' as const, merged: false, maxBytes: 32 * 1024 * 1024 }
    const tree = (i: number) => {
      const params = { slug: slug(i) }
      return { params, tree: parse(TRIP_QUERY, { params }) }
    }
    await answerQuery(tree(0).tree, view, tree(0).params, context, request)
    const indexedTimes: number[] = []
    const mappedInProcess: number[] = []
    for (let i = 0; i < 200; i++) {
      const q = tree(i + 5)
      for (const mapped of i % 2 === 0 ? [false, true] : [true, false]) {
        const started = performance.now()
        const answer = await answerQuery(q.tree, view, q.params, context, mapped ? request : undefined)
        ;(mapped ? mappedInProcess : indexedTimes).push(performance.now() - started)
        check(answer.result)
      }
    }
    const worker = await workerFigures(store, dir, slug)
    return {
      plainHttp: stats(plainTimes),
      mappedHttp: stats(mappedTimes),
      indexed: stats(indexedTimes),
      mapped: stats(mappedInProcess),
      plainWorker: worker.plain,
      mappedWorker: worker.mapped,
      mappedLeaves,
      mappings: Object.keys(map?.mappings ?? {}).length,
      leaves: leaves.length,
      mapBytes: JSON.stringify(sample.resultSourceMap).length,
      resultBytes: JSON.stringify(sample.result).length,
    }
  } finally {
    store.close()
  }
}

/**
 * The same trip pages as the lake answers them, without HTTP: the query job (parse, evaluation,
 * serialization, sync tags) in a query worker of the lake's own pool, with its resource limits,
 * plain and mapped interleaved.
 */
async function workerFigures(store: Store, dir: string, slug: (i: number) => string): Promise<{ plain: Stats; mapped: Stats }> {
  const pool = new QueryPool(store, { dir, size: 1, maxWorkers: 1 })
  const client = { key: 'bench', maxSlow: 1, cooldown: false }
  const job = (i: number, mapped: boolean): QueryJob => ({
    kind: 'query',
    dataset: 'production',
    principal: { role: 'editor', id: 'bench' },
    perspective: { kind: 'published' },
    query: TRIP_QUERY,
    params: { slug: slug(i) },
    projectId: 'local',
    limits: DEFAULT_QUERY_LIMITS,
    now: Date.now(),
    syncTags: true,
    sourceMap: mapped ? 'keyed' : undefined,
  })
  const run = async (i: number, mapped: boolean) => {
    const outcome = await pool.run(job(i, mapped), client, 60_000, () => queryTimeout(60_000))
    if (!outcome.ok || outcome.kind !== 'query' || !outcome.resultJson) throw new Error('The benchmark query job failed in the worker')
    if (mapped && !outcome.sourceMapJson) throw new Error('The benchmark query job came back without a source map')
  }
  try {
    for (let i = 0; i < 5; i++) await run(i, true)
    const plain: number[] = []
    const mapped: number[] = []
    for (let i = 0; i < 200; i++) {
      for (const withMap of i % 2 === 0 ? [false, true] : [true, false]) {
        const started = performance.now()
        await run(i + 5, withMap)
        ;(withMap ? mapped : plain).push(performance.now() - started)
      }
    }
    return { plain: stats(plain), mapped: stats(mapped) }
  } finally {
    await pool.close()
  }
}

/** The paths of the strings, numbers and booleans in a result: what a source map can map. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item: unknown, index) => leafPaths(item, [...path, index]))
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([name, item]) => leafPaths(item, [...path, name]))
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [path] : []
}

function clientFor(apiHost: string, token?: string): SanityClient {
  return createClient({ projectId: 'local', dataset: 'production', apiHost, useProjectHostname: false, apiVersion: '2025-02-19', useCdn: false, token })
}

/** A page as the portal fetches it: one of its real queries with its params. */
type Page = { kind: string; query: string; params: Record<string, string> }

/** Documents the patches edit, by type, and the attribute each type's pages show. */
type PatchTargets = { meetings: string[]; officials: string[]; facts: string[] }

/**
 * Spurious and missed refetches of the portal's pages over a series of generated patches (see
 * the header): per patch, the target is (in turn) a meeting the next trip page shows, a random
 * meeting, a random official and a random fact bullet, and the patch sets either an attribute
 * those pages show (title, name, text) or one no page shows.
 */
async function liveFigures(editor: SanityClient, anonymous: SanityClient, pageList: Page[], targets: PatchTargets): Promise<LiveFigures> {
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
    // One after the other: 30 pages at once after each write would each rebuild the view in every worker.
    const fetchPages = async () => {
      const fetched = []
      for (const page of pageList) fetched.push(await anonymous.fetch(page.query, page.params, { filterResponse: false }))
      return fetched
    }
    let pages = await fetchPages()
    const tripPages = pageList.flatMap((page, index) => (page.kind === 'trip' ? [index] : []))
    const figures: LiveFigures = { pages: pageList.length, patches: 24, changed: 0, notified: 0, spurious: 0, missed: 0, byKind: {} }
    const pick = (ids: string[], i: number) => ids[(i * 104_729) % ids.length] as string
    for (let i = 0; i < figures.patches; i++) {
      const shownOn = pages[tripPages[i % tripPages.length] as number]
      const shown = (shownOn?.result as { meetings?: { _id: string }[] } | null)?.meetings?.[0]?._id
      const kind = i % 4
      const target = kind === 0 && shown ? shown : kind <= 1 ? pick(targets.meetings, i) : kind === 2 ? pick(targets.officials, i) : pick(targets.facts, i)
      const seen = kind <= 1 ? 'title' : kind === 2 ? 'name' : 'text'
      const patch = Math.floor(i / 4) % 2 === 0 ? { [seen]: `Edited ${i}` } : { note: `unseen ${i}` }
      const { transactionId } = await editor
        .transaction()
        .patch(target, (p) => p.set(patch))
        .commit()
      const deadline = performance.now() + 5000
      while (!named.has(transactionId) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2))
      const tags = named.get(transactionId) ?? new Set<string>()
      const next = await fetchPages()
      next.forEach((page, index) => {
        const before = pages[index]
        const changed = JSON.stringify(before?.result) !== JSON.stringify(page.result)
        const notified = (before?.syncTags ?? []).some((tag) => tags.has(tag))
        const pageKind = pageList[index]?.kind ?? '?'
        const byKind = (figures.byKind[pageKind] ??= { notified: 0, spurious: 0 })
        if (changed) figures.changed++
        if (notified) {
          figures.notified++
          byKind.notified++
        }
        if (notified && !changed) {
          figures.spurious++
          byKind.spurious++
        }
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
  const { json, sizes, onlySourceMap } = parseArgs(process.argv.slice(2))
  const log = (message: string) => console.log(message)
  log(`Lake benchmark — Node ${process.version}, ${new Date().toISOString()}`)
  log('Query: TRIP_QUERY (sanity/queries.ts), a different trip each run')
  const results: SizeResult[] = []
  const line = (name: string, s: Stats) => `    ${name.padEnd(11)} p50 ${s.p50.toFixed(2).padStart(9)} ms  p95 ${s.p95.toFixed(2).padStart(9)} ms  (${s.runs} runs)`
  for (const size of sizes) {
    log(`Size ${size}:`)
    const result = await benchSize(size, log, onlySourceMap)
    results.push(result)
    const full = result.full
    if (full) {
      log(line('http', full.http))
      log(line('indexed', full.indexed))
      log(line('tagged', full.tagged))
      log(line('plain', full.plain))
      log(line('after write', full.afterWrite))
      log(`    plain/indexed p50 ${(full.plain.p50 / full.indexed.p50).toFixed(1)}×; ${full.mutationsPerSecond.toFixed(0)} mutations/s (${full.mutations} sequential patches)`)
      const { live } = full
      log(
        `    sync tags: tagged/indexed p50 ${(full.tagged.p50 / full.indexed.p50).toFixed(2)}×; ${live.patches} patches × ${live.pages} pages: ${live.changed} changed, ${live.notified} notified, ${live.spurious} spurious (${(100 * spuriousShare(live)).toFixed(0)}% of notifications), ${live.missed} missed`,
      )
      for (const [kind, counts] of Object.entries(live.byKind)) log(`      ${kind} pages: ${counts.notified} notified, ${counts.spurious} spurious`)
    }
    const map = result.sourceMap
    log(line('http, no map', map.plainHttp))
    log(line('http, mapped', map.mappedHttp))
    log(line('in process', map.indexed))
    log(line('… mapped', map.mapped))
    log(line('in a worker', map.plainWorker))
    log(line('… mapped', map.mappedWorker))
    log(
      `    source map: ${(map.mappedHttp.p50 / map.plainHttp.p50).toFixed(2)}× over HTTP, ${(map.mapped.p50 / map.indexed.p50).toFixed(2)}× in process, ${(map.mappedWorker.p50 / map.plainWorker.p50).toFixed(2)}× in a query worker (p50); ${map.mappedLeaves} of ${map.leaves} values mapped (${map.mappings} mappings); map ${map.mapBytes} B for a ${map.resultBytes} B result`,
    )
  }
  if (json) {
    const out: Record<string, number> = {}
    for (const result of results) {
      const size = sizes[results.indexOf(result)] as number
      const map = result.sourceMap
      out[`docs_${size}_source_map_http_p50_ms`] = round(map.mappedHttp.p50)
      out[`docs_${size}_source_map_http_p95_ms`] = round(map.mappedHttp.p95)
      out[`docs_${size}_no_source_map_http_p50_ms`] = round(map.plainHttp.p50)
      out[`docs_${size}_no_source_map_http_p95_ms`] = round(map.plainHttp.p95)
      out[`docs_${size}_source_map_http_vs_plain_p50_ratio`] = round(map.mappedHttp.p50 / map.plainHttp.p50)
      out[`docs_${size}_source_map_in_process_p50_ms`] = round(map.mapped.p50, 3)
      out[`docs_${size}_source_map_in_process_vs_plain_p50_ratio`] = round(map.mapped.p50 / map.indexed.p50)
      out[`docs_${size}_source_map_worker_p50_ms`] = round(map.mappedWorker.p50, 3)
      out[`docs_${size}_source_map_worker_vs_plain_p50_ratio`] = round(map.mappedWorker.p50 / map.plainWorker.p50)
      out[`docs_${size}_source_map_mapped_share_ratio`] = round(map.mappedLeaves / map.leaves)
      const full = result.full
      if (!full) continue
      out[`docs_${size}_p50_ms`] = round(full.http.p50)
      out[`docs_${size}_p95_ms`] = round(full.http.p95)
      out[`docs_${size}_indexed_p50_ms`] = round(full.indexed.p50, 3)
      out[`docs_${size}_indexed_p95_ms`] = round(full.indexed.p95, 3)
      out[`docs_${size}_plain_p50_ms`] = round(full.plain.p50)
      out[`docs_${size}_plain_p95_ms`] = round(full.plain.p95)
      out[`docs_${size}_after_write_p50_ms`] = round(full.afterWrite.p50)
      out[`docs_${size}_after_write_p95_ms`] = round(full.afterWrite.p95)
      out[`docs_${size}_plain_vs_indexed_ratio`] = round(full.plain.p50 / full.indexed.p50, 1)
      out[`docs_${size}_mutations_per_s`] = round(full.mutationsPerSecond, 1)
      out[`docs_${size}_tagged_p50_ms`] = round(full.tagged.p50, 3)
      out[`docs_${size}_sync_tags_vs_untagged_p50_ratio`] = round(full.tagged.p50 / full.indexed.p50)
      out[`docs_${size}_live_spurious_share_ratio`] = round(spuriousShare(full.live))
      out[`docs_${size}_live_spurious_per_patch`] = round(full.live.spurious / full.live.patches, 1)
      out[`docs_${size}_live_missed`] = full.live.missed
    }
    const first = results[0]?.full
    const last = results[results.length - 1]?.full
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
