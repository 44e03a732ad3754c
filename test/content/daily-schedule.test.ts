/**
 * The daily schedule's queries against a real lake, over HTTP with @sanity/client: the seed plus
 * the synthetic demonstration content (scripts/lib/synthetic-schedule.ts), written as the
 * `seed:synthetic` script writes it.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { dailySchedule, travelLine } from '../../lib/dailySchedule'
import { buildSeed, ids } from '../../sanity/seed/build'
import { DAILY_SCHEDULE_QUERY, SCHEDULE_DATES_QUERY, SCHEDULE_FEED_QUERY } from '../../sanity/queries'
import { SYNTHETIC_DATES, syntheticIds, syntheticScheduleDocuments } from '../../scripts/lib/synthetic-schedule'
import { startTestLake, type TestLake } from '../lake/helpers'

describe('daily public schedule over a real lake', () => {
  let t: TestLake

  before(async () => {
    t = await startTestLake()
    const tx = t.editor.transaction()
    for (const doc of [...buildSeed(), ...syntheticScheduleDocuments()]) tx.createOrReplace(doc)
    await tx.commit({ visibility: 'sync' })
  })
  after(() => t.stop())

  it('knows exactly the dates that have timed engagements', async () => {
    const dates = await t.anonymous.fetch(SCHEDULE_DATES_QUERY)
    // The seed's own engagements have no dates, and the untimed synthetic one adds none.
    assert.deepEqual(dates, [SYNTHETIC_DATES.busyDay, SYNTHETIC_DATES.secondDay])
  })

  it('returns the synthetic meetings of a date in time order, without the untimed one', async () => {
    const day = await t.anonymous.fetch(DAILY_SCHEDULE_QUERY, { date: SYNTHETIC_DATES.busyDay })
    assert.deepEqual(
      day.engagements.map((e) => e._id),
      [syntheticIds.breakfast, syntheticIds.foreignMinister, syntheticIds.defenseMinister, syntheticIds.twoPlusTwo],
    )
    assert.ok(day.engagements.every((e) => e.title.endsWith('(synthetic)')))
    assert.deepEqual(
      day.trips.map((trip) => trip._id),
      [syntheticIds.trip],
    )
  })

  it('groups them by official in order of precedence, the Japanese officials by their listing', async () => {
    const day = await t.anonymous.fetch(DAILY_SCHEDULE_QUERY, { date: SYNTHETIC_DATES.busyDay })
    const schedule = dailySchedule(day.engagements, day.trips)
    assert.deepEqual(
      schedule.map((entry) => [entry.official._id, entry.engagements.map((e) => e._id)]),
      [
        [ids.official.blinken, [syntheticIds.breakfast, syntheticIds.foreignMinister, syntheticIds.twoPlusTwo]],
        [ids.official.austin, [syntheticIds.defenseMinister, syntheticIds.twoPlusTwo]],
        [ids.official.motegi, [syntheticIds.foreignMinister, syntheticIds.twoPlusTwo]],
        [ids.official.kishi, [syntheticIds.defenseMinister, syntheticIds.twoPlusTwo]],
      ],
    )
    const blinken = schedule[0]!
    assert.deepEqual(blinken.travel.map(travelLine), ['On travel to Tokyo, Japan from June 10–12, 2030'])
  })

  it('has a trip but no schedule on a day without engagements, and nothing on a seed day', async () => {
    const quiet = await t.anonymous.fetch(DAILY_SCHEDULE_QUERY, { date: SYNTHETIC_DATES.quietDay })
    assert.deepEqual(quiet.engagements, [])
    assert.equal(quiet.trips.length, 1)
    const seedDay = await t.anonymous.fetch(DAILY_SCHEDULE_QUERY, { date: '2021-03-16' })
    assert.deepEqual(seedDay.engagements, [])
    assert.deepEqual(
      seedDay.trips.map((trip) => trip._id),
      [ids.trip],
    )
  })

  it('feeds the latest engagements newest date first', async () => {
    const feed = await t.anonymous.fetch(SCHEDULE_FEED_QUERY)
    assert.deepEqual(
      feed.map((e) => e._id),
      [syntheticIds.pressAvailability, syntheticIds.breakfast, syntheticIds.foreignMinister, syntheticIds.defenseMinister, syntheticIds.twoPlusTwo],
    )
  })
})
