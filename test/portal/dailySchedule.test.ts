import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  coverageLine,
  dailySchedule,
  engagementTimeZone,
  engagementsByDate,
  neighbouringDates,
  scheduleDateOf,
  travelLine,
  type ScheduleEngagement,
  type ScheduleOfficial,
  type ScheduleTrip,
} from '../../lib/dailySchedule'
import { engagementLine } from '../../lib/scheduleFeed'

const plain = (text: string) => text.replace(/[\u202f\u2009\u00a0]/g, ' ')

const official = (id: string, precedence: number | null, title = 'Official'): ScheduleOfficial => ({ _id: id, name: id, slug: id, title, precedence })
const blinken = official('blinken', 10, 'Secretary of State')
const austin = official('austin', 20, 'Secretary of Defense')
const motegi = official('motegi', null, 'Minister for Foreign Affairs')
const kishi = official('kishi', null, 'Minister of Defense')

const tokyo: ScheduleTrip = {
  _id: 'trip',
  title: 'Trip',
  slug: 'trip',
  startDate: '2021-03-15',
  endDate: '2021-03-17',
  destinations: [{ city: 'Tokyo', country: 'Japan', timeZone: 'Asia/Tokyo' }],
  officials: [blinken, austin],
}

function engagement(id: string, startsAt: string | null, people: { hosts?: ScheduleOfficial[]; participants?: ScheduleOfficial[] }): ScheduleEngagement {
  return { _id: id, title: id, startsAt, timeZone: null, pressCoverage: null, hosts: people.hosts ?? null, participants: people.participants ?? null, trip: tokyo }
}

const ids = (list: readonly { _id: string }[]) => list.map((item) => item._id)

describe('dailySchedule ordering', () => {
  // Given out of time order, and with Austin's first engagement before any of Blinken's.
  const engagements = [
    engagement('twoPlusTwo', '2021-03-16T05:00:00Z', { hosts: [motegi, kishi], participants: [blinken, austin] }),
    engagement('withKishi', '2021-03-16T00:30:00Z', { participants: [austin, kishi] }),
    engagement('withMotegi', '2021-03-16T01:00:00Z', { participants: [blinken, motegi] }),
    engagement('untimed', null, { participants: [blinken] }),
  ]
  const days = dailySchedule(engagements, [tokyo])

  it('lists ranked officials by precedence, then the unranked in the order the day first names them', () => {
    // Kishi is named (at 00:30) before Motegi (at 01:00): listing order, not alphabetical.
    assert.deepEqual(
      days.map((day) => day.official._id),
      ['blinken', 'austin', 'kishi', 'motegi'],
    )
  })

  it('puts each official’s engagements in time order, under every official taking part, leaving out untimed ones', () => {
    assert.deepEqual(
      days.map((day) => [day.official._id, ids(day.engagements)]),
      [
        ['blinken', ['withMotegi', 'twoPlusTwo']],
        ['austin', ['withKishi', 'twoPlusTwo']],
        ['kishi', ['withKishi', 'twoPlusTwo']],
        ['motegi', ['withMotegi', 'twoPlusTwo']],
      ],
    )
  })

  it('gives travelling officials their trip, and hosts none', () => {
    assert.deepEqual(
      days.map((day) => [day.official._id, ids(day.travel)]),
      [
        ['blinken', ['trip']],
        ['austin', ['trip']],
        ['kishi', []],
        ['motegi', []],
      ],
    )
  })

  it('keeps a travelling official with no engagement that day, with the travel line only', () => {
    const only = dailySchedule([engagement('a', '2021-03-16T01:00:00Z', { participants: [austin] })], [tokyo])
    assert.deepEqual(
      only.map((day) => [day.official._id, ids(day.engagements), ids(day.travel)]),
      [
        ['blinken', [], ['trip']],
        ['austin', ['a'], ['trip']],
      ],
    )
  })

  it('orders equal precedence by first appearance, and the same start by title', () => {
    const a = official('a', 5)
    const b = official('b', 5)
    const days = dailySchedule([engagement('z-second', '2021-03-16T01:00:00Z', { participants: [b] }), engagement('a-first', '2021-03-16T01:00:00Z', { participants: [b, a] })], [])
    assert.deepEqual(
      days.map((day) => [day.official._id, ids(day.engagements)]),
      [
        ['b', ['a-first', 'z-second']],
        ['a', ['a-first']],
      ],
    )
  })
})

describe('schedule lines', () => {
  it('prints the press coverage in the Department’s words', () => {
    assert.equal(coverageLine('open'), 'OPEN PRESS COVERAGE')
    assert.equal(coverageLine('closed'), 'CLOSED PRESS COVERAGE')
    assert.equal(coverageLine('pooled'), 'POOLED PRESS COVERAGE')
    assert.equal(coverageLine('pooledCameraSpray'), 'POOLED CAMERA SPRAY AT THE TOP')
    assert.equal(coverageLine('cameraSpray'), 'CAMERA SPRAY AT THE TOP')
    assert.equal(coverageLine(null), null)
  })

  it('says where and when an official travels', () => {
    assert.equal(travelLine(tokyo), 'On travel to Tokyo, Japan from March 15–17, 2021')
    assert.equal(travelLine({ ...tokyo, endDate: '2021-03-15' }), 'On travel to Tokyo, Japan on March 15, 2021')
    assert.equal(
      travelLine({ ...tokyo, endDate: '2021-03-18', destinations: [...(tokyo.destinations ?? []), { city: 'Seoul', country: 'Republic of Korea' }] }),
      'On travel to Tokyo, Japan, and Seoul, Republic of Korea from March 15–18, 2021',
    )
    assert.equal(travelLine({ ...tokyo, endDate: '2021-04-02' }), 'On travel to Tokyo, Japan from March 15 – April 2, 2021')
  })

  it('shows local time with its zone and Washington time, with the Washington date when it differs', () => {
    const breakfast = {
      ...engagement('Breakfast', '2021-03-15T23:00:00Z', {}),
      date: '2021-03-16',
      endsAt: null,
      _updatedAt: null,
      venue: 'Residence',
      city: 'Tokyo',
      pressCoverage: 'closed' as const,
    }
    assert.equal(engagementTimeZone(breakfast), 'Asia/Tokyo')
    assert.equal(plain(engagementLine(breakfast)), '8:00 AM JST (7:00 PM EDT, March 15 in Washington) Breakfast, Residence, Tokyo (CLOSED PRESS COVERAGE)')
  })

  it('uses the meeting’s own zone before the trip’s, and Washington’s without either', () => {
    assert.equal(engagementTimeZone({ timeZone: 'Asia/Seoul', trip: tokyo }), 'Asia/Seoul')
    assert.equal(engagementTimeZone({ timeZone: null, trip: null }), 'America/New_York')
  })
})

describe('schedule dates', () => {
  it('accepts only real calendar dates in a plausible range', () => {
    assert.equal(scheduleDateOf('2021-03-16'), '2021-03-16')
    for (const bad of ['2021-02-30', '2021-3-16', '2021-03-16 ', '20210316', '99999-01-01', '1899-12-31', '2200-01-01', '0000-01-01', '2021-13-01', '', '../2021-03-16']) {
      assert.equal(scheduleDateOf(bad), null, bad)
    }
  })

  it('finds the neighbouring days that have a schedule', () => {
    const dates = ['2021-03-14', '2021-03-16', '2021-03-20']
    assert.deepEqual(neighbouringDates(dates, '2021-03-16'), { previous: '2021-03-14', next: '2021-03-20' })
    assert.deepEqual(neighbouringDates(dates, '2021-03-15'), { previous: '2021-03-14', next: '2021-03-16' })
    assert.deepEqual(neighbouringDates(dates, '2021-03-30'), { previous: '2021-03-20', next: null })
  })

  it('groups engagements by local date, newest first, for the feed', () => {
    const at = (id: string, date: string | null) => ({ ...engagement(id, '2021-03-16T01:00:00Z', {}), date })
    const days = engagementsByDate([at('a', '2021-03-15'), at('b', '2021-03-16'), at('c', '2021-03-15'), at('d', null), at('e', '2021-02-30')])
    assert.deepEqual(
      days.map((day) => [day.date, ids(day.engagements)]),
      [
        ['2021-03-16', ['b']],
        ['2021-03-15', ['a', 'c']],
      ],
    )
  })
})
