import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { groupMeetingsByDay, meetingDay, UNDATED_PAST_HEADING, UNSCHEDULED_HEADING } from '../../lib/schedule'
import { formatLocalTimeRange } from '../../lib/time'

const plain = (text: string) => text.replace(/[\u202f\u2009\u00a0]/g, ' ')

describe('groupMeetingsByDay', () => {
  it('puts undated meetings last under "Date not yet announced", in their given order', () => {
    const days = groupMeetingsByDay([{ id: 'a' }, { id: 'b', date: '2021-03-16' }, { id: 'c', date: '2021-03-15' }, { id: 'd' }, { id: 'e', date: '2021-03-16' }], 'Asia/Tokyo')
    assert.deepEqual(
      days.map((day) => [day.heading, day.meetings.map((m) => m.id)]),
      [
        ['Monday, March 15, 2021', ['c']],
        ['Tuesday, March 16, 2021', ['b', 'e']],
        [UNSCHEDULED_HEADING, ['a', 'd']],
      ],
    )
  })

  it('says a past trip’s undated meetings were not dated, instead of promising a date', () => {
    const days = groupMeetingsByDay([{ id: 'a' }, { id: 'b', date: '2021-03-16' }], 'Asia/Tokyo', true)
    assert.deepEqual(
      days.map((day) => day.heading),
      ['Tuesday, March 16, 2021', UNDATED_PAST_HEADING],
    )
    assert.equal(UNDATED_PAST_HEADING, 'Engagements not dated')
    assert.doesNotMatch(UNDATED_PAST_HEADING, /announced/)
  })

  it('returns no groups for no meetings', () => {
    assert.deepEqual(groupMeetingsByDay([], 'Asia/Tokyo'), [])
  })
})

describe('meetingDay', () => {
  it('prefers the announced local date', () => {
    assert.equal(meetingDay({ date: '2021-03-16', startsAt: '2021-03-15T20:00:00Z' }, 'Asia/Tokyo'), '2021-03-16')
  })
  it('derives the day from the start in the destination zone, not UTC', () => {
    // 20:00 UTC on the 15th is 05:00 on the 16th in Tokyo.
    assert.equal(meetingDay({ startsAt: '2021-03-15T20:00:00Z' }, 'Asia/Tokyo'), '2021-03-16')
  })
  it("uses the meeting's own zone over the trip's", () => {
    assert.equal(meetingDay({ startsAt: '2021-03-15T20:00:00Z', timeZone: 'America/New_York' }, 'Asia/Tokyo'), '2021-03-15')
  })
})

describe('formatLocalTimeRange', () => {
  it('shows start and end with one zone name', () => {
    assert.equal(plain(formatLocalTimeRange('2021-03-16T01:00:00Z', '2021-03-16T02:30:00Z', 'Asia/Tokyo')), '10:00 AM – 11:30 AM JST')
  })
  it('shows only the start when no end is known', () => {
    assert.equal(plain(formatLocalTimeRange('2021-03-16T01:00:00Z', null, 'Asia/Tokyo')), '10:00 AM JST')
  })
})
