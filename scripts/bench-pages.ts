/**
 * `npm run bench:pages`: requests per second of the trip page and the briefing sheet against the
 * floor page (app/bench-floor: a prerendered page of the same build, same layout) under the same
 * `next start`, with autocannon.
 *
 *   npm run bench:pages                          # builds, starts, measures, stops
 *   npm run bench:pages -- --json                # ...and one JSON line at the end
 *   npm run bench:pages -- --seconds 5 --rounds 2 --reuse-build
 *
 * The pages are measured in alternating rounds (floor, trip, briefing, floor, …) so that load from
 * elsewhere on the machine falls on all of them alike; each figure is the mean over its rounds.
 * Goal: each page ≥ 0.9× the floor's rate (a page served from the full-route cache costs what a
 * prerendered page costs). Responses other than 200 are counted and reported: a fast 500 is no win.
 */
import autocannon from 'autocannon'
import { round } from './lib/stats'
import { reuseBuild, startStack } from './lib/stack'
import { runMain } from './lib/main'

const PAGES = {
  floor: '/bench-floor',
  trip: '/trips/2021-03-tokyo-2plus2',
  briefing: '/trips/2021-03-tokyo-2plus2/briefing',
} as const
type PageName = keyof typeof PAGES

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

async function main(): Promise<void> {
  const { json, seconds, rounds, connections } = parseArgs(process.argv.slice(2))
  const stack = await startStack({ reuseBuild: reuseBuild() })
  try {
    const names = Object.keys(PAGES) as PageName[]
    for (const name of names) {
      const response = await fetch(`${stack.portalUrl}${PAGES[name]}`)
      if (!response.ok) throw new Error(`${PAGES[name]} answered ${response.status}`)
      // A short warm-up: the first requests after start load the route's code.
      await measure(`${stack.portalUrl}${PAGES[name]}`, 2, connections)
    }
    const results = Object.fromEntries(names.map((name) => [name, [] as Round[]])) as Record<PageName, Round[]>
    for (let r = 0; r < rounds; r++) {
      for (const name of names) {
        const result = await measure(`${stack.portalUrl}${PAGES[name]}`, seconds, connections)
        results[name].push(result)
        console.log(`  round ${r + 1} ${name.padEnd(8)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}`)
      }
    }
    const mean = (name: PageName, key: keyof Round) => results[name].reduce((sum, item) => sum + item[key], 0) / results[name].length
    const floor = mean('floor', 'rps')
    const out: Record<string, number> = { connections, seconds_per_round: seconds, rounds }
    for (const name of names) {
      out[`${name}_rps`] = round(mean(name, 'rps'), 1)
      out[`${name}_p50_ms`] = round(mean(name, 'p50'))
      out[`${name}_errors`] = results[name].reduce((sum, item) => sum + item.errors, 0)
      if (name !== 'floor') out[`${name}_vs_floor_ratio`] = round(mean(name, 'rps') / floor, 3)
    }
    console.log(
      `Floor ${floor.toFixed(0)} req/s; trip ${out.trip_rps} req/s (${out.trip_vs_floor_ratio}×); briefing ${out.briefing_rps} req/s (${out.briefing_vs_floor_ratio}×). Goal ≥ 0.9×.`,
    )
    if (json) console.log(JSON.stringify(out))
  } finally {
    await stack.stop()
  }
}

runMain(main)
