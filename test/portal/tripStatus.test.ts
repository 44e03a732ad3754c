import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { groupTripsByStatus, tripStatus } from '../../lib/tripStatus'

const tokyo = { startDate: '2021-03-15', endDate: '2021-03-17', timeZone: 'Asia/Tokyo' }

describe('tripStatus', () => {
  it('is upcoming before the first local day', () => {
    assert.equal(tripStatus(tokyo, new Date('2021-03-14T14:59:59Z')), 'upcoming') // 23:59:59 JST on the 14th
  })
  it('is under way from local midnight of the first day, even while it is still the day before in UTC', () => {
    assert.equal(tripStatus(tokyo, new Date('2021-03-14T15:00:00Z')), 'underway') // 00:00 JST on the 15th
  })
  it('is under way through the whole last local day', () => {
    assert.equal(tripStatus(tokyo, new Date('2021-03-17T14:59:59Z')), 'underway')
  })
  it('is past after the last local day ends', () => {
    assert.equal(tripStatus(tokyo, new Date('2021-03-17T15:00:00Z')), 'past')
  })
  it('uses the destination zone across a DST change', () => {
    const washington = { startDate: '2021-03-15', endDate: '2021-03-15', timeZone: 'America/New_York' }
    // 03:59 UTC on the 15th is 23:59 EDT on the 14th (after the March 14 spring-forward).
    assert.equal(tripStatus(washington, new Date('2021-03-15T03:59:00Z')), 'upcoming')
    assert.equal(tripStatus(washington, new Date('2021-03-15T04:00:00Z')), 'underway')
  })
  it('treats a missing end date as a one-day trip and a missing zone as UTC', () => {
    assert.equal(tripStatus({ startDate: '2021-03-15' }, new Date('2021-03-15T23:00:00Z')), 'underway')
    assert.equal(tripStatus({ startDate: '2021-03-15' }, new Date('2021-03-16T00:00:00Z')), 'past')
  })
})

describe('groupTripsByStatus', () => {
  it('orders upcoming soonest first and past latest first', () => {
    const trips = [
      { id: 'a', startDate: '2021-01-10', endDate: '2021-01-11', timeZone: 'UTC' },
      { id: 'b', startDate: '2021-02-10', endDate: '2021-02-11', timeZone: 'UTC' },
      { id: 'c', startDate: '2021-06-10', endDate: '2021-06-11', timeZone: 'UTC' },
      { id: 'd', startDate: '2021-05-10', endDate: '2021-05-11', timeZone: 'UTC' },
      { id: 'e', startDate: '2021-03-01', endDate: '2021-03-31', timeZone: 'UTC' },
    ]
    const groups = groupTripsByStatus(trips, new Date('2021-03-15T12:00:00Z'))
    assert.deepEqual(
      groups.past.map((t) => t.id),
      ['b', 'a'],
    )
    assert.deepEqual(
      groups.upcoming.map((t) => t.id),
      ['d', 'c'],
    )
    assert.deepEqual(
      groups.underway.map((t) => t.id),
      ['e'],
    )
  })
})
