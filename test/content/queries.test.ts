/** Runs every query in sanity/queries.ts with groq-js (the engine the local lake uses) over the seed. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { evaluate, parse } from 'groq-js'
import * as queries from '../../sanity/queries'
import type {
  BRIEFING_QUERY_RESULT,
  FACT_LIBRARY_QUERY_RESULT,
  HOME_QUERY_RESULT,
  OFFICIAL_QUERY_RESULT,
  OFFICIAL_SLUGS_QUERY_RESULT,
  OFFICIALS_QUERY_RESULT,
  COUNTRY_QUERY_RESULT,
  FACT_IDS_QUERY_RESULT,
  FACT_QUERY_RESULT,
  SEARCH_QUERY_RESULT,
  SETTINGS_QUERY_RESULT,
  SITEMAP_QUERY_RESULT,
  TRIP_QUERY_RESULT,
  TRIP_SLUGS_QUERY_RESULT,
} from '../../sanity.types'
import { loadSeed, publishedDocs, type Doc } from './helpers'

const TRIP_SLUG = '2021-03-tokyo-2plus2'
const seed = publishedDocs(loadSeed())

async function run<T>(query: string, params: Record<string, unknown> = {}, dataset: Doc[] = seed): Promise<T> {
  const tree = parse(query, { params })
  return (await (await evaluate(tree, { dataset, params })).get()) as T
}

function plain(blocks: { children?: { text?: string }[] }[] | null | undefined): string {
  return (blocks ?? []).map((block) => (block.children ?? []).map((child) => child.text ?? '').join('')).join('\n\n')
}

describe('GROQ queries (groq-js over the published seed)', () => {
  it('every export is a query that parses', () => {
    const entries = Object.entries(queries)
    assert.ok(entries.length >= 10)
    for (const [name, query] of entries) {
      assert.match(name, /^[A-Z_]+_QUERY$/, `${name} follows the NAME_QUERY convention`)
      assert.equal(typeof query, 'string')
      assert.doesNotThrow(() => parse(query, { params: { slug: 'x' } }), name)
    }
  })

  it('brackets every || so that && cannot silently widen a filter', () => {
    for (const [name, query] of Object.entries(queries)) {
      // Each `||` must sit directly between a closing and an opening bracket: `(…) || (…)`.
      for (const match of query.matchAll(/\|\|/g)) {
        const before = query.slice(0, match.index).trimEnd()
        const after = query.slice(match.index + 2).trimStart()
        assert.ok(before.endsWith(')') && after.startsWith('('), `${name}: bracket both sides of || at ${match.index}`)
      }
    }
  })

  it('HOME_QUERY lists the trip with dates, destinations and officials', async () => {
    const trips = await run<HOME_QUERY_RESULT>(queries.HOME_QUERY)
    assert.equal(trips.length, 1)
    const [trip] = trips
    assert.equal(trip!.slug, TRIP_SLUG)
    assert.equal(trip!.startDate, '2021-03-15')
    assert.equal(trip!.endDate, '2021-03-17')
    assert.deepEqual(
      trip!.destinations.map((d) => [d.city, d.timeZone, d.country.name, d.country.code]),
      [['Tokyo', 'Asia/Tokyo', 'Japan', 'JP']],
    )
    assert.deepEqual(
      trip!.officials.map((o) => [o.name, o.title]),
      [
        ['Antony J. Blinken', 'Secretary of State'],
        ['Lloyd J. Austin III', 'Secretary of Defense'],
      ],
    )
    assert.equal(trip!.meetingCount, 5)
    assert.match(trip!.purposeText, /^Secretary of State Antony J\. Blinken/)
  })

  it('TRIP_QUERY returns everything the trip page needs', async () => {
    const trip = await run<TRIP_QUERY_RESULT>(queries.TRIP_QUERY, { slug: TRIP_SLUG })
    assert.ok(trip)
    assert.equal(trip.title, 'Secretary Blinken and Secretary Austin travel to Tokyo, Japan')
    assert.equal(trip.officials.length, 2)
    assert.equal(trip.officials[0]!.country.code, 'US')
    assert.match(plain(trip.purpose), /March 15-17 to reaffirm/)
    assert.equal(trip.summary?.length, 2)

    assert.ok(trip.leadQuote)
    assert.equal(trip.leadQuote.speakerName, 'Joseph R. Biden, Jr.')
    assert.equal(trip.leadQuote.speaker?.title, 'President')
    assert.equal(trip.leadQuote.date, '2021-02-04')
    assert.match(trip.leadQuote.text, /^America’s alliances are our greatest asset/)

    assert.equal(trip.meetings.length, 5)
    assert.deepEqual(
      trip.meetings.map((m) => m.kind),
      ['twoPlusTwo', 'bilateral', 'virtualMeeting', 'virtualDiscussion', 'roundtable'],
    )
    for (const meeting of trip.meetings) {
      assert.equal(meeting.date, null, 'no meeting date is given on the page')
      assert.equal(meeting.startsAt, null)
      assert.ok(plain(meeting.description).length > 0)
    }
    const [twoPlusTwo] = trip.meetings
    assert.deepEqual(
      twoPlusTwo!.hosts?.map((h) => `${h.name}, ${h.title}`),
      ['Toshimitsu Motegi, Minister for Foreign Affairs', 'Nobuo Kishi, Minister of Defense'],
    )
    assert.deepEqual(
      twoPlusTwo!.participants?.map((p) => p.name),
      ['Antony J. Blinken', 'Lloyd J. Austin III'],
    )
    assert.equal(trip.meetings[2]!.agenda?.length, 5)
    assert.equal(trip.meetings[2]!.format, 'virtual')

    assert.equal(trip.factSections?.length, 5)
    assert.deepEqual(
      trip.factSections?.map((s) => s.bullets.length),
      [4, 4, 7, 2, 4],
    )
    const bullets = trip.factSections!.flatMap((s) => s.bullets)
    // The page dates none of its facts: no fact carries a "stated on" date.
    assert.ok(bullets.every((b) => b.source.title === 'U.S. Department of State' && b.statedAt === null))
    assert.equal(bullets.flatMap((b) => b.figures ?? []).length, 9)
    const jobs = bullets.find((b) => b._id === 'fact-economy-jobs')
    assert.deepEqual(jobs?.figures, [
      { _key: 'jobs', qualifier: 'more than', value: 948100, scale: null, currency: null, unit: 'jobs', period: null, label: 'in the United States employed or supported by Japan-affiliated firms' },
    ])
    const investment = bullets.find((b) => b._id === 'fact-economy-direct-investment')
    assert.deepEqual(investment?.figures?.[0]?.period, { start: '2019', end: '2019' })
    assert.deepEqual(
      trip.factSections![3]!.bullets[0]!.countries?.map((c) => c.code),
      ['US', 'JP', 'KR'],
    )
    assert.equal(trip.factSections![0]!.topic?.slug, 'alliance')

    assert.equal(trip.relatedLinks, null)
    assert.deepEqual(trip.source, { title: 'U.S. Department of State', url: null })
    assert.equal(trip.firstPublishedAt, null)
    assert.equal(trip.updatedAt, null)
  })

  it('TRIP_QUERY and BRIEFING_QUERY return null for an unknown slug', async () => {
    assert.equal(await run(queries.TRIP_QUERY, { slug: 'no-such-trip' }), null)
    assert.equal(await run(queries.BRIEFING_QUERY, { slug: 'no-such-trip' }), null)
  })

  it('meetings sort by date (undated last), then by order', async () => {
    const dataset: Doc[] = [
      ...seed,
      { _id: 'meeting-test-dated-late', _type: 'meeting', trip: { _type: 'reference', _ref: 'trip-2021-03-tokyo-2plus2' }, title: 'Late', kind: 'other', date: '2021-03-17', order: 0 },
      { _id: 'meeting-test-dated-early', _type: 'meeting', trip: { _type: 'reference', _ref: 'trip-2021-03-tokyo-2plus2' }, title: 'Early', kind: 'other', date: '2021-03-15', order: 9 },
    ]
    const trip = await run<TRIP_QUERY_RESULT>(queries.TRIP_QUERY, { slug: TRIP_SLUG }, dataset)
    assert.deepEqual(trip?.meetings.map((m) => m.title).slice(0, 3), ['Early', 'Late', 'U.S.-Japan Security Consultative Committee (“2+2”)'])
  })

  it('BRIEFING_QUERY returns the compact sheet', async () => {
    const sheet = await run<BRIEFING_QUERY_RESULT>(queries.BRIEFING_QUERY, { slug: TRIP_SLUG })
    assert.ok(sheet)
    assert.equal(sheet.meetings.length, 5)
    assert.equal(sheet.factSections?.length, 5)
    assert.equal(sheet.leadQuote?.speakerName, 'Joseph R. Biden, Jr.')
    assert.equal(sheet.leadQuote?.speakerTitle, 'President')
    assert.equal(sheet.destinations[0]!.country, 'Japan')
    assert.equal(sheet.meetings[0]!.hosts?.[0]!.title, 'Minister for Foreign Affairs')
  })

  it('OFFICIALS_QUERY lists all five officials by name', async () => {
    const officials = await run<OFFICIALS_QUERY_RESULT>(queries.OFFICIALS_QUERY)
    assert.deepEqual(
      officials.map((o) => o.name),
      ['Antony J. Blinken', 'Joseph R. Biden, Jr.', 'Lloyd J. Austin III', 'Nobuo Kishi', 'Toshimitsu Motegi'],
    )
  })

  it('OFFICIAL_QUERY finds trips and meetings an official took part in', async () => {
    const blinken = await run<OFFICIAL_QUERY_RESULT>(queries.OFFICIAL_QUERY, { slug: 'antony-j-blinken' })
    assert.ok(blinken)
    assert.equal(blinken.title, 'Secretary of State')
    assert.deepEqual(
      blinken.trips.map((t) => [t.slug, t.travelling]),
      [[TRIP_SLUG, true]],
    )
    assert.equal(blinken.meetings.length, 5)
    assert.deepEqual(
      blinken.meetings.map((m) => m.role),
      ['participant', 'participant', 'participant', 'participant', 'host'],
    )
    assert.equal(blinken.meetings[0]!.trip.slug, TRIP_SLUG)
    assert.equal(blinken.meetings[0]!.trip.timeZone, 'Asia/Tokyo')

    const motegi = await run<OFFICIAL_QUERY_RESULT>(queries.OFFICIAL_QUERY, { slug: 'toshimitsu-motegi' })
    assert.deepEqual(
      motegi?.trips.map((t) => [t.slug, t.travelling]),
      [[TRIP_SLUG, false]],
      'trips reached through meetings count too',
    )
    assert.deepEqual(
      motegi?.meetings.map((m) => m.role),
      ['host', 'participant'],
    )

    const biden = await run<OFFICIAL_QUERY_RESULT>(queries.OFFICIAL_QUERY, { slug: 'joseph-r-biden-jr' })
    assert.deepEqual(biden?.trips, [])
    assert.deepEqual(biden?.meetings, [])
    assert.deepEqual(
      biden?.quotes.map((q) => q.date),
      ['2021-02-04'],
    )

    assert.equal(await run(queries.OFFICIAL_QUERY, { slug: 'nobody' }), null)
  })

  it('FACT_LIBRARY_QUERY groups facts by topic', async () => {
    const topics = await run<FACT_LIBRARY_QUERY_RESULT>(queries.FACT_LIBRARY_QUERY)
    assert.deepEqual(
      topics.map((t) => [t.slug, t.facts.length]),
      [
        ['alliance', 4],
        ['economy', 7],
        ['people-to-people-ties', 4],
        ['security', 4],
        ['trilateral-cooperation', 2],
      ],
    )
  })

  it('slug lists feed generateStaticParams', async () => {
    assert.deepEqual(await run<TRIP_SLUGS_QUERY_RESULT>(queries.TRIP_SLUGS_QUERY), [{ slug: TRIP_SLUG }])
    const officials = await run<OFFICIAL_SLUGS_QUERY_RESULT>(queries.OFFICIAL_SLUGS_QUERY)
    assert.equal(officials.length, 5)
    assert.ok(officials.every((o) => /^[a-z0-9-]+$/.test(o.slug)))
  })

  it('SITEMAP_QUERY lists every routable document', async () => {
    const sitemap = await run<SITEMAP_QUERY_RESULT>(queries.SITEMAP_QUERY)
    assert.equal(sitemap.trips.length, 1)
    assert.equal(sitemap.officials.length, 5)
  })

  it('SETTINGS_QUERY reads the singleton', async () => {
    const settings = await run<SETTINGS_QUERY_RESULT>(queries.SETTINGS_QUERY)
    assert.equal(settings?.title, 'Envoy')
    assert.ok(settings?.description)
  })

  it('SETTINGS_QUERY names the agency and leaves what the source does not show empty', async () => {
    const settings = await run<SETTINGS_QUERY_RESULT>(queries.SETTINGS_QUERY)
    assert.equal(settings?.publisher, 'U.S. Department of State')
    assert.equal(settings?.parentAgency, null)
    assert.equal(settings?.agencyLogo, null)
    assert.equal(settings?.pressContact, null)
  })

  it('FACT_IDS_QUERY lists every public fact and FACT_QUERY reads one with the trip and heading it sits under', async () => {
    const ids = await run<FACT_IDS_QUERY_RESULT>(queries.FACT_IDS_QUERY)
    assert.equal(ids.length, seed.filter((doc) => doc._type === 'factBullet').length)
    const fact = await run<FACT_QUERY_RESULT>(queries.FACT_QUERY, { id: 'fact-economy-jobs' })
    assert.ok(fact)
    assert.match(fact.plainText ?? '', /948,100/)
    assert.deepEqual(
      fact.trips.map((trip) => [trip.slug, trip.heading]),
      [[TRIP_SLUG, 'Economic Ties that Benefit the American and Japanese People']],
    )
    assert.equal(await run(queries.FACT_QUERY, { id: 'no-such-fact' }), null)
  })

  it('FACT_QUERY hides a fact that only an embargoed trip uses', async () => {
    const embargoed = seed.map((doc) => (doc._type === 'trip' ? { ...doc, embargoUntil: '2999-01-01T00:00:00Z' } : doc))
    assert.equal(await run(queries.FACT_QUERY, { id: 'fact-economy-jobs' }, embargoed), null)
    assert.equal((await run<FACT_IDS_QUERY_RESULT>(queries.FACT_IDS_QUERY, {}, embargoed)).length, 0)
  })

  it('SEARCH_QUERY gives a fact the heading it sits under, to be titled by', async () => {
    const hits = await run<SEARCH_QUERY_RESULT>(queries.SEARCH_QUERY, { terms: ['948,100*'] })
    const fact = hits.find((hit) => hit._id === 'fact-economy-jobs')
    assert.ok(fact && fact._type === 'factBullet')
    assert.equal(fact.heading, 'Economic Ties that Benefit the American and Japanese People')
  })

  it('COUNTRY_QUERY gives the destinations the country page maps', async () => {
    const japan = await run<COUNTRY_QUERY_RESULT>(queries.COUNTRY_QUERY, { slug: 'japan' })
    assert.equal(japan?.introduction, null)
    assert.deepEqual(
      japan?.trips.flatMap((trip) => (trip.destinations ?? []).map((d) => [d.city, d.country?._id, d.location?.lat])),
      // Tokyo's latitude as the seed takes it from the city list (sanity/lib/gazetteer.ts).
      [['Tokyo', 'country-japan', 35.68501691]],
    )
  })
})
