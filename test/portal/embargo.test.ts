/**
 * The portal's own embargo filter: every public query, run by the real client against a real lake
 * that holds nothing back, shows nothing of a trip before its lift (the trip, its meetings, the
 * facts and quote only it uses), shows all of it after, and never lifts an unreadable embargo.
 *
 * The lake's editorial workflow would refuse to publish an embargoed trip, as hosted Sanity does
 * not. So this lake runs without it (`editorialWorkflow: false`: no review, embargo or schedules,
 * like hosted Sanity without Envoy's rules), and the content is imported when it starts, which
 * leaves an embargoed trip published, exactly what hosted Sanity allows.
 */
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { SanityClient } from '@sanity/client'
import { manualClock } from '../../lake/clock'
import { secondsUntilLift } from '../../lib/embargoLift'
import * as queries from '../../sanity/queries'
import { readSeedText } from '../content/helpers'
import { startTestLake, tempDir, type TestLake } from '../lake/helpers'

const OFFICIAL = { id: 'official-joseph-biden', slug: 'joseph-r-biden-jr' }
const COUNTRY = { id: 'country-arcadia', slug: 'arcadia' }
/** A fact already public (on the seed trip's sheet) that embargoed trips also use: it stays public. */
const SHARED_FACT = 'fact-alliance-cornerstone'

type Group = { name: string; embargoUntil: string; year: string }

/** Every text and id of a group carries its marker word, so a leak shows in any result's JSON. */
function groupDocs({ name, embargoUntil, year }: Group): Record<string, unknown>[] {
  const marker = `${name}mark`
  const block = (text: string) => [{ _type: 'block', _key: 'b1', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's1', text, marks: [] }] }]
  const ref = (id: string, key?: string) => ({ _type: 'reference', _ref: id, ...(key ? { _key: key } : {}) })
  return [
    {
      _id: `fact-${marker}`,
      _type: 'factBullet',
      text: block(`Embargotest fact ${marker}: exports rose 12 percent.`),
      statedAt: `${year}-01-01`,
      topics: [ref('topic-economy', 'economy')],
      countries: [ref(COUNTRY.id, 'arcadia')],
    },
    { _id: `quote-${marker}`, _type: 'quote', text: `Embargotest quote ${marker}.`, date: `${year}-01-02`, speaker: ref(OFFICIAL.id) },
    {
      _id: `trip-${marker}`,
      _type: 'trip',
      title: `Embargotest visit ${marker}`,
      slug: { _type: 'slug', current: `visit-${marker}` },
      startDate: `${year}-01-02`,
      endDate: `${year}-01-03`,
      embargoUntil,
      purpose: block(`Embargotest purpose ${marker}.`),
      destinations: [{ _type: 'destination', _key: 'd1', city: 'Arcadia City', timeZone: 'Europe/Athens', country: ref(COUNTRY.id) }],
      officials: [ref(OFFICIAL.id, 'biden')],
      leadQuote: ref(`quote-${marker}`),
      factSections: [{ _type: 'factSection', _key: 'f1', heading: 'Economy', topic: ref('topic-economy'), bullets: [ref(`fact-${marker}`, 'own'), ref(SHARED_FACT, 'shared')] }],
    },
    {
      _id: `meeting-${marker}`,
      _type: 'meeting',
      trip: ref(`trip-${marker}`),
      title: `Embargotest talks ${marker}`,
      kind: 'bilateral',
      date: `${year}-01-02`,
      // A timed engagement, so the daily public schedule would list it.
      startsAt: `${year}-01-02T08:00:00Z`,
      endsAt: `${year}-01-02T09:00:00Z`,
      city: 'Arcadia City',
      description: block(`Embargotest meeting ${marker}.`),
      hosts: [ref(OFFICIAL.id, 'biden')],
    },
  ]
}

/**
 * Lifts this far after the test starts. The lake runs on a manual clock (lake/clock.ts) that the
 * test moves past the lift once the first round of reads is done: no waiting for the wall clock.
 */
const LIFT_DELAY_MS = 600_000
const clock = manualClock()
const start = clock.now()
const groups = {
  held: { name: 'held', embargoUntil: new Date(start + 3_600_000).toISOString(), year: '2031' },
  lifting: { name: 'lifting', embargoUntil: new Date(start + LIFT_DELAY_MS).toISOString(), year: '2032' },
  lifted: { name: 'lifted', embargoUntil: '2021-01-01T00:00:00Z', year: '2033' },
  // Set but no date-time: it must never count as lifted (a typo, a bare date, an import's junk).
  garbled: { name: 'garbled', embargoUntil: 'next Tuesday', year: '2034' },
  dateonly: { name: 'dateonly', embargoUntil: '2020-01-01', year: '2035' },
} satisfies Record<string, Group>

type QueryName = keyof typeof queries
type Run = { label: string; result: unknown }

/** The params each public query runs with; a query missing here (or from INTERNAL) fails the coverage test. */
function publicReads(slugs: readonly string[]): Array<[QueryName, Record<string, unknown>]> {
  const bySlug = (name: QueryName) => slugs.map((slug): [QueryName, Record<string, unknown>] => [name, { slug }])
  return [
    ['HOME_QUERY', {}],
    ...bySlug('TRIP_QUERY'),
    ...bySlug('BRIEFING_QUERY'),
    ['BRIEFING_BOOK_CHOICES_QUERY', {}],
    ['OFFICIALS_QUERY', {}],
    ['OFFICIAL_QUERY', { slug: OFFICIAL.slug }],
    ['FACT_LIBRARY_QUERY', {}],
    ['TRIP_SLUGS_QUERY', {}],
    ['OFFICIAL_SLUGS_QUERY', {}],
    ['SITEMAP_QUERY', {}],
    ['SETTINGS_QUERY', {}],
    ['TRIPS_QUERY', { year: '', country: '', official: '', topic: '' }],
    ['TRIPS_QUERY', { year: '2031', country: COUNTRY.slug, official: OFFICIAL.slug, topic: 'economy' }],
    ['TRIP_FILTERS_QUERY', {}],
    ['SEARCH_QUERY', { terms: ['embargotest*'] }],
    ['FACTS_QUERY', { topic: '', country: '' }],
    ['FACTS_QUERY', { topic: 'economy', country: COUNTRY.slug }],
    ['COUNTRIES_QUERY', {}],
    ['COUNTRY_QUERY', { slug: COUNTRY.slug }],
    ['COUNTRY_SLUGS_QUERY', {}],
    ['FEED_QUERY', {}],
    ['OFFICIAL_FEED_QUERY', { slug: OFFICIAL.slug }],
    ...bySlug('TRIP_CALENDAR_QUERY'),
    ['OFFICIAL_CALENDAR_QUERY', { slug: OFFICIAL.slug }],
    ...bySlug('TRIP_OG_QUERY'),
    ['SCHEDULE_DATES_QUERY', {}],
    ...Object.values(groups).map(({ year }): [QueryName, Record<string, unknown>] => ['DAILY_SCHEDULE_QUERY', { date: `${year}-01-02` }]),
    ['SCHEDULE_FEED_QUERY', {}],
    // A fact's own page, and the ids its static params and public-id check read.
    ['FACT_IDS_QUERY', {}],
    ...Object.values(groups).map(({ name }): [QueryName, Record<string, unknown>] => ['FACT_QUERY', { id: `fact-${name}mark` }]),
    ['FACT_QUERY', { id: SHARED_FACT }],
  ]
}

/**
 * Not shown to readers: which pages a publish expires, when the next lift is (checked on its own),
 * and whether a previewed document is published (asked only in preview, of a document staff or a
 * share link already see, and answered with a yes or no).
 */
const INTERNAL: QueryName[] = ['REFERRERS_QUERY', 'PAGES_SHOWING_QUERY', 'NEXT_EMBARGO_LIFTS_QUERY', 'IS_PUBLISHED_QUERY']

const SLUGS = Object.values(groups).map((group) => `visit-${group.name}mark`)

describe('the portal hides embargoed trips on its own', () => {
  let lake: TestLake
  let reader: SanityClient

  async function readAll(): Promise<Run[]> {
    const runs: Run[] = []
    for (const [name, params] of publicReads(SLUGS)) {
      const query = queries[name]
      const result: unknown = await reader.fetch(query, params)
      runs.push({ label: `${name} ${JSON.stringify(params)}`, result })
    }
    return runs
  }

  function assertHidden(runs: Run[], name: string) {
    for (const run of runs) assert.ok(!JSON.stringify(run.result).includes(`${name}mark`), `${run.label} shows the embargoed "${name}" group: ${JSON.stringify(run.result).slice(0, 400)}`)
  }

  /** The group shows where a reader would look for it: its page, lists, search, feeds, calendars, official and country pages. */
  async function assertShown(runs: Run[], name: string) {
    const marker = `${name}mark`
    const shows = (label: string) => {
      const matching = runs.filter((run) => run.label.startsWith(`${label} `))
      assert.ok(matching.length > 0, `no read named ${label}`)
      return matching.some((run) => JSON.stringify(run.result).includes(marker))
    }
    for (const label of [
      'HOME_QUERY',
      'TRIP_QUERY',
      'BRIEFING_QUERY',
      'BRIEFING_BOOK_CHOICES_QUERY',
      'TRIP_SLUGS_QUERY',
      'SITEMAP_QUERY',
      'TRIPS_QUERY',
      'FEED_QUERY',
      'TRIP_CALENDAR_QUERY',
      'TRIP_OG_QUERY',
      'COUNTRY_QUERY',
      'OFFICIAL_FEED_QUERY',
    ]) {
      assert.ok(shows(label), `${label} does not show the lifted "${name}" trip`)
    }
    const official = await reader.fetch(queries.OFFICIAL_QUERY, { slug: OFFICIAL.slug })
    assert.ok(
      official?.trips.some((trip) => trip.slug === `visit-${marker}`),
      'the official page lists the trip',
    )
    assert.ok(
      official?.meetings.some((meeting) => meeting._id === `meeting-${marker}`),
      'the official page lists the meeting',
    )
    assert.ok(
      official?.quotes.some((quote) => quote._id === `quote-${marker}`),
      'the official page shows the quote',
    )
    const calendar = await reader.fetch(queries.OFFICIAL_CALENDAR_QUERY, { slug: OFFICIAL.slug })
    assert.ok(
      calendar?.meetings.some((meeting) => meeting._id === `meeting-${marker}`),
      'the official calendar has the meeting',
    )
    assert.ok(
      calendar?.trips.some((trip) => trip._id === `trip-${marker}`),
      'the official calendar has the trip',
    )
    const hits = await reader.fetch(queries.SEARCH_QUERY, { terms: ['embargotest*'] })
    for (const id of [`trip-${marker}`, `meeting-${marker}`, `fact-${marker}`])
      assert.ok(
        hits.some((hit) => hit._id === id),
        `search finds ${id}`,
      )
    for (const label of ['FACTS_QUERY', 'FACT_LIBRARY_QUERY']) assert.ok(shows(label), `${label} shows the trip's fact`)
  }

  before(async () => {
    const dir = tempDir()
    const seedFile = path.join(dir, 'embargo-seed.ndjson')
    const country = { _id: COUNTRY.id, _type: 'country', name: 'Arcadia', code: 'AC', slug: { _type: 'slug', current: COUNTRY.slug } }
    const extra = [country, ...Object.values(groups).flatMap(groupDocs)].map((doc) => JSON.stringify(doc)).join('\n')
    writeFileSync(seedFile, `${readSeedText().trimEnd()}\n${extra}\n`)
    lake = await startTestLake({ dir: path.join(dir, 'lake'), seedFile, editorialWorkflow: false, clock })
    // What the portal's client reads (lib/sanity/client.ts): published documents only.
    reader = lake.viewer.withConfig({ perspective: 'published' })
  })

  after(async () => {
    await lake?.stop()
  })

  it('classifies every query in sanity/queries.ts as public (and read here) or internal', () => {
    const read = new Set<string>(publicReads(SLUGS).map(([name]) => name))
    for (const name of Object.keys(queries)) assert.ok(read.has(name) || (INTERNAL as string[]).includes(name), `${name} is neither read by this test nor internal`)
  })

  it('shows nothing of an embargoed trip before its lift, everything at it, and never lifts an unreadable embargo', async () => {
    const lifts = await reader.fetch(queries.NEXT_EMBARGO_LIFTS_QUERY)
    assert.deepEqual(lifts, [groups.lifting.embargoUntil, groups.held.embargoUntil], 'the lifts ahead, soonest first, without the unreadable ones')

    // Every read of the first round happens before the lift; only then are they checked.
    const early = await readAll()
    const library = await reader.fetch(queries.FACTS_QUERY, { topic: '', country: '' })
    const home = await reader.fetch(queries.HOME_QUERY)
    const filters = await reader.fetch(queries.TRIP_FILTERS_QUERY)
    const countries = await reader.fetch(queries.COUNTRIES_QUERY)
    assert.ok(clock.now() < Date.parse(groups.lifting.embargoUntil), 'the first reads finished before the lift')
    for (const name of ['held', 'lifting', 'garbled', 'dateonly']) assertHidden(early, name)
    // The seed trip and a fact it already made public stay public when an embargoed trip uses it too.
    assert.ok(
      library.facts.some((fact) => fact._id === SHARED_FACT),
      'a public fact on an embargoed sheet stays public',
    )
    assert.ok(
      home.some((trip) => trip._id === 'trip-2021-03-tokyo-2plus2'),
      'the seed trip stays public',
    )
    // Filters offer no choice that only embargoed trips have: their years, or Arcadia, where only they and the lifted trip go.
    assert.ok(!filters.years.some((year) => year?.startsWith('2031') || year?.startsWith('2032')), `no year of an embargoed trip is offered: ${JSON.stringify(filters.years)}`)
    assert.deepEqual(
      countries.filter((country) => country._id === COUNTRY.id).map((country) => [country.tripCount, country.factCount]),
      [[1, 1]],
      'Arcadia counts only the lifted trip and its fact',
    )
    await assertShown(early, 'lifted')

    clock.advance?.(Date.parse(groups.lifting.embargoUntil) - clock.now() + 1_000)
    const late = await readAll()
    await assertShown(late, 'lifting')
    await assertShown(late, 'lifted')
    for (const name of ['held', 'garbled', 'dateonly']) assertHidden(late, name)
    assert.deepEqual(await reader.fetch(queries.NEXT_EMBARGO_LIFTS_QUERY), [groups.held.embargoUntil])
    const counted = await reader.fetch(queries.COUNTRIES_QUERY)
    assert.deepEqual(
      counted.filter((country) => country._id === COUNTRY.id).map((country) => [country.tripCount, country.factCount]),
      [[2, 2]],
      'Arcadia counts the lifted trips and their facts',
    )
  })
})

describe('how long a public read is cached while an embargo is ahead', () => {
  const now = Date.parse('2026-12-01T12:00:00Z')
  it('is the usual lifetime with no lift ahead, or only past and unreadable ones', () => {
    assert.equal(secondsUntilLift([], now, 60), 60)
    assert.equal(secondsUntilLift(['2026-12-01T11:59:59Z', 'soon', null], now, 60), 60)
  })
  it('ends at the soonest lift ahead, never below a second', () => {
    assert.equal(secondsUntilLift(['2026-12-01T11:00:00Z', '2026-12-01T12:00:12.5Z', '2026-12-01T12:00:30Z'], now, 60), 13)
    assert.equal(secondsUntilLift(['2026-12-01T12:00:00.2Z'], now, 60), 1)
    assert.equal(secondsUntilLift(['2026-12-01T13:00:00Z'], now, 60), 60)
  })
})
