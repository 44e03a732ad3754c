/**
 * `npm run bench:weight`: what a reader downloads for the trip page, against the floor page of the
 * same build (app/bench-floor: the shared layout around one paragraph).
 *
 *   npm run bench:weight                     # builds, starts, measures, stops
 *   npm run bench:weight -- --json           # ...and one JSON line at the end
 *   npm run bench:weight -- --reuse-build
 *
 * Each page is loaded in Debian's chromium (Playwright, a fresh context: empty cache) until the
 * network is idle; every response's body is counted, text (HTML, JS, CSS, JSON, SVG, XML) gzipped
 * at level 6 as a CDN would serve it, whatever `next start` itself sent; fonts and images as they
 * are, since they are compressed formats. Goals: trip page ≤ 1.05× the floor's JS and whole-page
 * bytes, and ≤ 250 kB in all.
 */
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium'
import { round } from './lib/stats'
import { reuseBuild, startStack } from './lib/stack'
import { runMain } from './lib/main'

const PAGES = { floor: '/bench-floor', trip: '/trips/2021-03-tokyo-2plus2' } as const
const KINDS = ['html', 'js', 'css', 'font', 'image', 'other'] as const
type Kind = (typeof KINDS)[number]
type Weight = Record<Kind, number> & { total: number; requests: number }

function kindOf(resourceType: string, contentType: string): Kind {
  if (resourceType === 'document') return 'html'
  if (resourceType === 'script' || contentType.includes('javascript')) return 'js'
  if (resourceType === 'stylesheet' || contentType.includes('text/css')) return 'css'
  if (resourceType === 'font' || contentType.startsWith('font/')) return 'font'
  if (resourceType === 'image' || contentType.startsWith('image/')) return 'image'
  return 'other'
}

function compressible(contentType: string): boolean {
  return /^(text\/|application\/(javascript|json|xml|manifest\+json|x-component)|image\/svg)/.test(contentType)
}

async function weigh(url: string): Promise<{ weight: Weight; files: string[] }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  })
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const pending: Promise<void>[] = []
    const weight: Weight = { html: 0, js: 0, css: 0, font: 0, image: 0, other: 0, total: 0, requests: 0 }
    const files: string[] = []
    page.on('response', (response) => {
      pending.push(
        (async () => {
          const body = await response.body().catch(() => null)
          if (!body) return
          const contentType = (response.headers()['content-type'] ?? '').toLowerCase()
          const bytes = compressible(contentType) ? gzipSync(body, { level: 6 }).length : body.length
          const kind = kindOf(response.request().resourceType(), contentType)
          weight[kind] += bytes
          weight.total += bytes
          weight.requests += 1
          files.push(`${kind.padEnd(5)} ${String(bytes).padStart(8)}  ${new URL(response.url()).pathname}`)
        })(),
      )
    })
    const response = await page.goto(url, { waitUntil: 'networkidle' })
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`)
    // Scroll to the end so lazily loaded images count, then let the network settle again.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await page.waitForLoadState('networkidle')
    await Promise.all(pending)
    return { weight, files }
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json')
  const verbose = process.argv.includes('--files')
  const stack = await startStack({ reuseBuild: reuseBuild() })
  try {
    const floor = await weigh(`${stack.portalUrl}${PAGES.floor}`)
    const trip = await weigh(`${stack.portalUrl}${PAGES.trip}`)
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
    for (const [name, result] of [
      ['floor', floor],
      ['trip', trip],
    ] as const) {
      console.log(`${PAGES[name]}: ${kb(result.weight.total)} in ${result.weight.requests} responses — ${KINDS.map((kind) => `${kind} ${kb(result.weight[kind])}`).join(', ')}`)
      if (verbose) for (const file of result.files.sort()) console.log(`    ${file}`)
    }
    const out: Record<string, number> = {}
    for (const [name, result] of [
      ['floor', floor],
      ['trip', trip],
    ] as const) {
      out[`${name}_total_bytes`] = result.weight.total
      out[`${name}_requests`] = result.weight.requests
      for (const kind of KINDS) out[`${name}_${kind}_bytes`] = result.weight[kind]
    }
    out.trip_js_vs_floor_ratio = round(trip.weight.js / floor.weight.js, 3)
    out.trip_total_vs_floor_ratio = round(trip.weight.total / floor.weight.total, 3)
    out.trip_total_vs_250kb_ratio = round(trip.weight.total / (250 * 1024), 3)
    console.log(`Trip page JS ${out.trip_js_vs_floor_ratio}× the floor's, whole page ${out.trip_total_vs_floor_ratio}× (goal ≤ 1.05×); ${kb(trip.weight.total)} of 250 kB.`)
    if (json) console.log(JSON.stringify(out))
  } finally {
    await stack.stop()
  }
}

runMain(main)
