import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatDate, formatDateRange, formatDayHeading, formatLocalTime, localDateOf, parseIsoDate, zoneAbbreviation } from '../../lib/time'

// Intl may use narrow no-break spaces (U+202F) and thin spaces around dashes; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u2009\u00a0]/g, ' ')

describe('formatDateRange', () => {
  it('shares month and year within one month', () => {
    assert.equal(plain(formatDateRange('2021-03-15', '2021-03-17')), 'March 15–17, 2021')
  })
  it('spells both months across a month boundary', () => {
    assert.equal(plain(formatDateRange('2021-03-30', '2021-04-02')), 'March 30 – April 2, 2021')
  })
  it('spells both years across a year boundary', () => {
    assert.equal(plain(formatDateRange('2021-12-30', '2022-01-02')), 'December 30, 2021 – January 2, 2022')
  })
  it('shows one date for a one-day trip or a missing end', () => {
    assert.equal(formatDateRange('2021-03-15', '2021-03-15'), 'March 15, 2021')
    assert.equal(formatDateRange('2021-03-15', null), 'March 15, 2021')
  })
  it('rejects an end before the start and malformed dates', () => {
    assert.throws(() => formatDateRange('2021-03-17', '2021-03-15'), RangeError)
    assert.throws(() => formatDateRange('2021-02-30'), RangeError)
    assert.throws(() => formatDateRange('15 March 2021'), RangeError)
  })
})

describe('calendar dates', () => {
  it('are never shifted by the host time zone', () => {
    // A date is a day, not an instant: whatever TZ the server runs in, March 15 stays March 15.
    assert.equal(formatDate('2021-03-15'), 'March 15, 2021')
    assert.equal(formatDayHeading('2021-03-15'), 'Monday, March 15, 2021')
  })
  it('parseIsoDate accepts leap days only in leap years', () => {
    assert.ok(parseIsoDate('2024-02-29'))
    assert.equal(parseIsoDate('2021-02-29'), null)
  })
})

describe('localDateOf', () => {
  it('puts an instant on the destination calendar day', () => {
    // 20:00 UTC on March 15 is already 05:00 on March 16 in Tokyo.
    assert.equal(localDateOf('2021-03-15T20:00:00Z', 'Asia/Tokyo'), '2021-03-16')
    assert.equal(localDateOf('2021-03-15T20:00:00Z', 'America/New_York'), '2021-03-15')
  })
  it('handles the day a zone springs forward', () => {
    // 2021-03-14 is the U.S. DST change; 03:30 UTC on the 15th is 23:30 EDT on the 14th.
    assert.equal(localDateOf('2021-03-15T03:30:00Z', 'America/New_York'), '2021-03-14')
    // A week earlier the same UTC clock time fell under EST (UTC−5): 22:30 on the 7th.
    assert.equal(localDateOf('2021-03-08T03:30:00Z', 'America/New_York'), '2021-03-07')
  })
})

describe('formatLocalTime', () => {
  it('shows Tokyo time with JST', () => {
    assert.equal(plain(formatLocalTime('2021-03-16T01:00:00Z', 'Asia/Tokyo')), '10:00 AM JST')
  })
  it('follows daylight saving time in Washington', () => {
    // Same UTC clock time either side of the March 14, 2021 change: EST then EDT.
    assert.equal(plain(formatLocalTime('2021-03-13T15:00:00Z', 'America/New_York')), '10:00 AM EST')
    assert.equal(plain(formatLocalTime('2021-03-15T15:00:00Z', 'America/New_York')), '11:00 AM EDT')
  })
  it('follows daylight saving time in Europe', () => {
    assert.equal(zoneAbbreviation('2021-03-27T12:00:00Z', 'Europe/London'), 'GMT')
    assert.equal(zoneAbbreviation('2021-03-29T12:00:00Z', 'Europe/London'), 'BST')
    assert.equal(zoneAbbreviation('2021-03-27T12:00:00Z', 'Europe/Brussels'), 'CET')
    assert.equal(zoneAbbreviation('2021-03-29T12:00:00Z', 'Europe/Brussels'), 'CEST')
  })
  it('falls back to a GMT offset where no abbreviation is known', () => {
    assert.equal(plain(formatLocalTime('2021-03-16T04:30:00Z', 'Asia/Kolkata')), '10:00 AM GMT+5:30')
  })
  it('rejects an invalid instant', () => {
    assert.throws(() => formatLocalTime('not a date', 'Asia/Tokyo'), RangeError)
  })
})

import { formatLocalTimeRange, formatWashingtonDateTime, formatWashingtonTime } from '../../lib/time'

describe('local and Washington times across daylight-saving changes', () => {
  it('follows Washington into daylight time (March 14, 2021) while Tokyo stays on JST', () => {
    // 10:00 in Tokyo on March 13 (EST in Washington) and on March 16 (EDT).
    assert.equal(plain(formatLocalTime('2021-03-13T01:00:00Z', 'Asia/Tokyo')), '10:00 AM JST')
    assert.equal(plain(formatWashingtonTime('2021-03-13T01:00:00Z', null, 'Asia/Tokyo')), '8:00 PM EST, March 12')
    assert.equal(plain(formatLocalTime('2021-03-16T01:00:00Z', 'Asia/Tokyo')), '10:00 AM JST')
    assert.equal(plain(formatWashingtonTime('2021-03-16T01:00:00Z', null, 'Asia/Tokyo')), '9:00 PM EDT, March 15')
  })
  it('follows the destination into summer time (Brussels, March 28, 2021) with Washington already on EDT', () => {
    assert.equal(plain(formatLocalTime('2021-03-27T09:00:00Z', 'Europe/Brussels')), '10:00 AM CET')
    assert.equal(plain(formatWashingtonTime('2021-03-27T09:00:00Z', null, 'Europe/Brussels')), '5:00 AM EDT')
    assert.equal(plain(formatLocalTime('2021-03-29T09:00:00Z', 'Europe/Brussels')), '11:00 AM CEST')
    assert.equal(plain(formatWashingtonTime('2021-03-29T09:00:00Z', null, 'Europe/Brussels')), '5:00 AM EDT')
  })
  it('handles the autumn week when Europe has changed back and Washington has not', () => {
    // Brussels leaves summer time on October 31, Washington on November 7: the gap is 5 hours between.
    assert.equal(plain(formatLocalTimeRange('2021-11-02T14:00:00Z', '2021-11-02T15:30:00Z', 'Europe/Brussels')), '3:00 PM – 4:30 PM CET')
    assert.equal(plain(formatWashingtonTime('2021-11-02T14:00:00Z', '2021-11-02T15:30:00Z', 'Europe/Brussels')), '10:00 AM – 11:30 AM EDT')
    assert.equal(plain(formatWashingtonTime('2021-11-09T14:00:00Z', '2021-11-09T15:30:00Z', 'Europe/Brussels')), '9:00 AM – 10:30 AM EST')
  })
  it('names the zone at the end of a range that spans a change', () => {
    // 1:30 AM EDT to 1:30 AM EST on November 7, 2021: the end is already standard time.
    assert.equal(plain(formatLocalTimeRange('2021-11-07T05:30:00Z', '2021-11-07T06:30:00Z', 'America/New_York')), '1:30 AM – 1:30 AM EST')
  })
  it('writes publication times on Washington’s clock', () => {
    assert.equal(plain(formatWashingtonDateTime('2021-03-12T15:00:00Z')), 'March 12, 2021, 10:00 AM EST')
    assert.equal(plain(formatWashingtonDateTime('2021-03-15T15:00:00Z')), 'March 15, 2021, 11:00 AM EDT')
  })
})
