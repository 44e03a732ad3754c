/**
 * Benchmark of the local lake: latency of a trip-page-shaped GROQ query at 1k, 10k and 100k
 * documents, and sequential mutations per second.
 *
 *   npm run bench:lake                 # human-readable table
 *   npm run bench:lake -- --json       # ...and one JSON line at the end
 *   npm run bench:lake -- --sizes 1000,10000
 *
 * Each size gets a fresh lake in a temporary folder, seeded with synthetic documents (every one
 * marked `synthetic: true`): 10% trips, 60% meetings referencing a trip, 30% officials. Queries
 * go through the real @sanity/client over the lake's plain-HTTP port, so the figures include
 * HTTP, JSON and perspective filtering, not just groq-js. Fewer iterations run at larger sizes to
 * keep the whole run to a few minutes; groq-js scans every document, so the query grows linearly
 * with the dataset (see docs/performance.md).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createClient } from '@sanity/client'
import { createToken, startLake } from '../lake/index'

const TRIP_QUERY = '*[_type == "trip" && slug.current == $slug][0]{..., "meetings": *[_type == "meeting" && references(^._id)]}'

type SizeResult = {
  docs: number
  iterations: number
  p50: number
  p95: number
  mean: number
  mutations: number
  mutationsPerSecond: number
}

function parseArgs(argv: string[]): { json: boolean; sizes: number[] } {
  const json = argv.includes('--json')
  const sizesIndex = argv.indexOf('--sizes')
  const sizes =
    sizesIndex >= 0 && argv[sizesIndex + 1]
      ? (argv[sizesIndex + 1] as string).split(',').map((value) => Number(value))
      : [1_000, 10_000, 100_000]
  if (sizes.some((size) => !Number.isInteger(size) || size < 10)) throw new Error('--sizes takes whole numbers ≥ 10, e.g. 1000,10000')
  return { json, sizes }
}

/** Synthetic documents in the NDJSON seed format. */
function seedFile(dir: string, count: number): { file: string; trips: number; meetingIds: string[] } {
  const trips = Math.max(1, Math.round(count * 0.1))
  const meetings = Math.round(count * 0.6)
  const officials = count - trips - meetings
  const lines: string[] = []
  const meetingIds: string[] = []
  for (let i = 0; i < trips; i++) {
    lines.push(
      JSON.stringify({
        _id: `trip-${i}`,
        _type: 'trip',
        synthetic: true,
        title: `Synthetic trip ${i}`,
        slug: { _type: 'slug', current: `trip-${i}` },
        startDate: '2026-03-01',
        endDate: '2026-03-05',
        summary: 'Synthetic briefing summary '.repeat(8),
      }),
    )
  }
  for (let i = 0; i < meetings; i++) {
    meetingIds.push(`meeting-${i}`)
    lines.push(
      JSON.stringify({
        _id: `meeting-${i}`,
        _type: 'meeting',
        synthetic: true,
        title: `Synthetic meeting ${i}`,
        trip: { _type: 'reference', _ref: `trip-${i % trips}` },
        official: { _type: 'reference', _ref: `official-${i % Math.max(1, officials)}` },
        start: '2026-03-02T09:00:00Z',
      }),
    )
  }
  for (let i = 0; i < officials; i++) {
    lines.push(JSON.stringify({ _id: `official-${i}`, _type: 'official', synthetic: true, name: `Official ${i}`, role: 'Minister' }))
  }
  const file = path.join(dir, 'seed.ndjson')
  writeFileSync(file, `${lines.join('\n')}\n`)
  return { file, trips, meetingIds }
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] as number
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits))

async function benchSize(count: number, log: (message: string) => void): Promise<SizeResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lake-bench-'))
  try {
    const { file, trips, meetingIds } = seedFile(dir, count)
    const seeding = performance.now()
    const lake = await startLake({ dir, port: 0, httpPort: 0, seedFile: file, quiet: true })
    log(`  ${count} documents seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`)
    try {
      const { token } = createToken({ dir, role: 'editor', label: 'bench' })
      const client = createClient({
        projectId: 'local',
        dataset: 'production',
        apiHost: lake.httpUrl,
        useProjectHostname: false,
        apiVersion: '2025-02-19',
        useCdn: false,
        token,
      })
      const iterations = count <= 1_000 ? 200 : count <= 10_000 ? 60 : 15
      const slug = (i: number) => `trip-${(i * 7919) % trips}`
      // Warm-up: loads the dataset into memory and builds the published view once.
      for (let i = 0; i < 3; i++) await client.fetch(TRIP_QUERY, { slug: slug(i) })
      const times: number[] = []
      for (let i = 0; i < iterations; i++) {
        const started = performance.now()
        const trip = await client.fetch<{ meetings: unknown[] } | null>(TRIP_QUERY, { slug: slug(i + 3) })
        times.push(performance.now() - started)
        if (!trip || trip.meetings.length === 0) throw new Error('The benchmark query returned no trip or no meetings')
      }
      times.sort((a, b) => a - b)

      // Sequential single-document patches: each is its own transaction (one fsync each).
      const mutations = 200
      const started = performance.now()
      for (let i = 0; i < mutations; i++) {
        await client.patch(meetingIds[i % meetingIds.length] as string).set({ note: `edit ${i}` }).commit()
      }
      const seconds = (performance.now() - started) / 1000
      return {
        docs: count,
        iterations,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        mean: times.reduce((sum, value) => sum + value, 0) / times.length,
        mutations,
        mutationsPerSecond: mutations / seconds,
      }
    } finally {
      await lake.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const { json, sizes } = parseArgs(process.argv.slice(2))
  const log = (message: string) => console.log(message)
  log(`Lake benchmark — Node ${process.version}, ${new Date().toISOString()}`)
  log(`Query: ${TRIP_QUERY}`)
  const results: SizeResult[] = []
  for (const size of sizes) {
    log(`Size ${size}:`)
    const result = await benchSize(size, log)
    results.push(result)
    log(
      `  query p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms (mean ${result.mean.toFixed(1)} ms, ${result.iterations} runs); ` +
        `${result.mutationsPerSecond.toFixed(0)} mutations/s (${result.mutations} sequential patches)`,
    )
  }
  if (json) {
    const out: Record<string, number> = {}
    for (const result of results) {
      out[`docs_${result.docs}_p50_ms`] = round(result.p50)
      out[`docs_${result.docs}_p95_ms`] = round(result.p95)
      out[`docs_${result.docs}_mutations_per_s`] = round(result.mutationsPerSecond, 1)
    }
    const first = results[0]
    const last = results[results.length - 1]
    if (first && last && first !== last) {
      out[`p50_${last.docs}_vs_${first.docs}_ratio`] = round(last.p50 / first.p50)
      out[`p95_${last.docs}_vs_${first.docs}_ratio`] = round(last.p95 / first.p95)
      out[`mutations_per_s_${last.docs}_vs_${first.docs}_ratio`] = round(last.mutationsPerSecond / first.mutationsPerSecond)
    }
    console.log(JSON.stringify(out))
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
