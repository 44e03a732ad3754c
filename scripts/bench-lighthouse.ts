/**
 * `npm run bench:lighthouse`: Lighthouse 12 (mobile, its default throttling) with Debian's chromium
 * on the trip page and the briefing sheet, and the floor page of the same build for reference.
 *
 *   npm run bench:lighthouse                     # builds, starts, measures, stops
 *   npm run bench:lighthouse -- --json           # ...and one JSON line at the end
 *   npm run bench:lighthouse -- --runs 3 --reuse-build
 *
 * Lighthouse 12.2.3 is pinned: 13 needs Node 22. It runs as its own CLI process per page, so its
 * Chrome and ours never share state. Performance is the median of `--runs` runs (default 3: the
 * score moves with the machine's load); the other categories do not depend on timing.
 * Goals: performance ≥ 98, accessibility, best practices and SEO 100, and the trip page's and the
 * briefing sheet's performance at least the floor page's in the same run (`*_vs_floor_performance_ratio`).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromiumPath } from '../lib/chromium'
import { percentile } from './lib/stats'
import { reuseBuild, startStack } from './lib/stack'
import { runMain } from './lib/main'

const PAGES = {
  floor: '/bench-floor',
  trip: '/trips/2021-03-tokyo-2plus2',
  briefing: '/trips/2021-03-tokyo-2plus2/briefing',
} as const
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

type Report = {
  categories: Record<string, { score: number | null }>
  audits: Record<string, { score: number | null; title: string; displayValue?: string; numericValue?: number }>
}

function lighthouse(url: string, outFile: string): Promise<Report> {
  const args = [
    'lighthouse',
    url,
    '--quiet',
    '--output=json',
    `--output-path=${outFile}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run',
  ]
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CHROME_PATH: chromiumPath() } })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code}: ${stderr.slice(-2000)}`))
      resolve(JSON.parse(readFileSync(outFile, 'utf8')) as Report)
    })
  })
}

const score = (report: Report, category: string) => Math.round((report.categories[category]?.score ?? 0) * 100)

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const json = argv.includes('--json')
  const runsIndex = argv.indexOf('--runs')
  const runs = runsIndex >= 0 ? Number(argv[runsIndex + 1]) : 3
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1')
  const stack = await startStack({ reuseBuild: reuseBuild() })
  const dir = mkdtempSync(path.join(tmpdir(), 'envoy-lighthouse-'))
  try {
    const out: Record<string, number> = { runs }
    // Round by round (floor, trip, briefing, floor, …) rather than page by page: the machine's
    // load drifts over minutes, and measuring one page's runs together hands that drift to the
    // comparison between pages.
    const reportsOf = new Map<string, Report[]>(Object.keys(PAGES).map((name) => [name, []]))
    for (let run = 0; run < runs; run++) {
      for (const [name, pagePath] of Object.entries(PAGES)) {
        reportsOf.get(name)?.push(await lighthouse(`${stack.portalUrl}${pagePath}`, path.join(dir, `${name}-${run}.json`)))
      }
    }
    for (const [name, pagePath] of Object.entries(PAGES)) {
      const reports = reportsOf.get(name) ?? []
      const performance = reports.map((report) => score(report, 'performance')).sort((a, b) => a - b)
      const last = reports[reports.length - 1] as Report
      out[`${name}_performance`] = percentile(performance, 50)
      out[`${name}_performance_min`] = performance[0] as number
      out[`${name}_accessibility`] = score(last, 'accessibility')
      out[`${name}_best_practices`] = score(last, 'best-practices')
      out[`${name}_seo`] = score(last, 'seo')
      // The metrics the score is made of, so a gap between pages can be traced to one of them.
      const median = (audit: string) =>
        percentile(
          reports.map((report) => report.audits[audit]?.numericValue ?? Number.NaN).sort((a, b) => a - b),
          50,
        )
      out[`${name}_fcp_p50_ms`] = Math.round(median('first-contentful-paint'))
      out[`${name}_lcp_p50_ms`] = Math.round(median('largest-contentful-paint'))
      out[`${name}_tbt_p50_ms`] = Math.round(median('total-blocking-time'))
      out[`${name}_si_p50_ms`] = Math.round(median('speed-index'))
      out[`${name}_cls_p50`] = Math.round(median('cumulative-layout-shift') * 1000) / 1000
      console.log(
        `${pagePath}: performance ${performance.join('/')} (median ${out[`${name}_performance`]}), accessibility ${out[`${name}_accessibility`]}, ` +
          `best practices ${out[`${name}_best_practices`]}, SEO ${out[`${name}_seo`]}; medians: FCP ${out[`${name}_fcp_p50_ms`]} ms, LCP ${out[`${name}_lcp_p50_ms`]} ms, ` +
          `TBT ${out[`${name}_tbt_p50_ms`]} ms, SI ${out[`${name}_si_p50_ms`]} ms, CLS ${out[`${name}_cls_p50`]}`,
      )
      // Say what cost points, so a miss can be acted on.
      for (const [id, audit] of Object.entries(last.audits)) {
        if (audit.score !== null && audit.score < 0.9 && !id.startsWith('metrics')) console.log(`    ${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`)
      }
    }
    for (const name of ['trip', 'briefing'] as const) {
      out[`${name}_vs_floor_performance_ratio`] = Math.round(((out[`${name}_performance`] ?? 0) / (out.floor_performance || 1)) * 100) / 100
    }
    console.log(`Performance against the floor page in this run: trip ${out.trip_vs_floor_performance_ratio}×, briefing ${out.briefing_vs_floor_performance_ratio}× (goal ≥ 1)`)
    console.log('Goals: performance ≥ 98, accessibility 100, best practices 100, SEO 100 (trip page and briefing sheet).')
    if (json) console.log(JSON.stringify(out))
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await stack.stop()
  }
}

runMain(main)
