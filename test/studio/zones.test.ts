/**
 * Meeting times typed where they happen, and destinations from the city list: the conversions and
 * formats the Studio's meeting time input and destination picker use, run in Node on the real
 * `city-timezones` data.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cityMapping } from 'city-timezones'
import { formatLocalTime, formatWashingtonTime } from '../../lib/time'
import { MAX_RESULTS, searchCities, toGazetteerCities } from '../../sanity/lib/gazetteer'
import { referencedId, tripZoneFrom } from '../../sanity/lib/meetingZone'
import { instantToWallClock, isIanaTimeZone, parseTypedTime, sameInstant, utcOffsetLabel, wallClockToInstant } from '../../sanity/lib/timeZone'

test('10:00 typed for Seoul is 01:00 UTC, shown as 10:00 AM KST and 8:00 PM EST the day before in Washington', () => {
  const result = wallClockToInstant('2021-03-16', '10:00', 'Asia/Seoul')
  assert.deepEqual(result, { ok: true, instant: '2021-03-16T01:00:00.000Z', note: null })
  assert.equal(formatLocalTime('2021-03-16T01:00:00.000Z', 'Asia/Seoul'), '10:00 AM KST')
  // Washington is on summer time from 14 March 2021: 9:00 PM EDT; in January it is EST.
  assert.equal(formatWashingtonTime('2021-03-16T01:00:00.000Z', null, 'Asia/Seoul'), '9:00 PM EDT, March 15')
  const winter = wallClockToInstant('2021-01-20', '10:00', 'Asia/Seoul')
  assert.ok(winter.ok)
  assert.equal(winter.instant, '2021-01-20T01:00:00.000Z')
  assert.equal(formatWashingtonTime(winter.instant, null, 'Asia/Seoul'), '8:00 PM EST, January 19')
  assert.equal(utcOffsetLabel('Asia/Seoul', winter.instant), 'UTC+09:00')
})

test('the stored instant reads back as the wall-clock time in the meeting’s zone, not the viewer’s', () => {
  assert.deepEqual(instantToWallClock('2021-03-16T01:00:00Z', 'Asia/Seoul'), { date: '2021-03-16', time: '10:00' })
  assert.deepEqual(instantToWallClock('2021-03-16T01:00:00Z', 'America/New_York'), { date: '2021-03-15', time: '21:00' })
  assert.equal(instantToWallClock('not a date', 'Asia/Seoul'), null)
  assert.equal(instantToWallClock('2021-03-16T01:00:00Z', 'Mars/Olympus'), null)
  assert.ok(sameInstant('2021-03-16T01:00:00Z', '2021-03-16T01:00:00.000Z'))
  assert.ok(!sameInstant('2021-03-16T01:00:00Z', '2021-03-16T01:01:00Z'))
  assert.ok(!sameInstant('2021-03-16T01:00:00Z', undefined))
})

test('a time the clocks skip is refused with a message saying why', () => {
  const gap = wallClockToInstant('2021-03-14', '02:30', 'America/New_York')
  assert.equal(gap.ok, false)
  assert.match(gap.ok ? '' : gap.error, /2:30 AM does not exist on 14 March 2021 in America\/New_York: the clocks go forward/)
  const brussels = wallClockToInstant('2021-03-28', '2:15', 'Europe/Brussels')
  assert.equal(brussels.ok, false)
  // The minute after the gap is fine.
  assert.deepEqual(wallClockToInstant('2021-03-14', '03:00', 'America/New_York'), { ok: true, instant: '2021-03-14T07:00:00.000Z', note: null })
})

test('a time the clocks show twice is taken as the first, and the note says so', () => {
  const result = wallClockToInstant('2021-11-07', '1:30', 'America/New_York')
  assert.ok(result.ok)
  assert.equal(result.instant, '2021-11-07T05:30:00.000Z')
  assert.equal(result.note, '1:30 AM happens twice on 7 November 2021 in America/New_York, as the clocks go back: taken as the first, 1:30 AM EDT (UTC-04:00), not the second (UTC-05:00).')
  const brussels = wallClockToInstant('2021-10-31', '02:30', 'Europe/Brussels')
  assert.ok(brussels.ok)
  assert.equal(brussels.instant, '2021-10-31T00:30:00.000Z')
  assert.match(brussels.note ?? '', /2:30 AM CEST \(UTC\+02:00\)/)
})

test('typed times: 24-hour, with a dot, or with AM/PM; anything else is refused', () => {
  const accepted: Record<string, string> = { '10:00': '10:00', '9:30': '09:30', '21.05': '21:05', '2:30 PM': '14:30', '12 am': '00:00', '12pm': '12:00', '9.30p.m.': '21:30' }
  for (const [typed, clock] of Object.entries(accepted)) assert.equal(parseTypedTime(typed), clock, typed)
  for (const typed of ['', '1', '10', '24:00', '10:60', '13 PM', '0 AM', '7:5', '1000', 'ten', '10:00:00', '1'.repeat(10_000)]) assert.equal(parseTypedTime(typed), null, typed.slice(0, 20))
})

test('bad dates and zones are refused before any arithmetic', () => {
  for (const date of ['2021-02-30', '21-03-16', '2021-3-16', '1899-12-31', '2201-01-01', '9'.repeat(100_000)]) {
    const result = wallClockToInstant(date, '10:00', 'Asia/Seoul')
    assert.equal(result.ok, false, date.slice(0, 20))
    assert.match(result.ok ? '' : result.error, /YYYY-MM-DD/)
  }
  for (const zone of ['Asia/Nowhere', 'UTC+9', '../../etc', 'A'.repeat(100_000)]) {
    assert.equal(isIanaTimeZone(zone), false, zone.slice(0, 20))
    assert.equal(wallClockToInstant('2021-03-16', '10:00', zone).ok, false)
  }
})

const cities = toGazetteerCities(cityMapping)

test('the city list gives Seoul and Tokyo their zones and coordinates, and keeps only zones the runtime knows', () => {
  assert.ok(cities.length > 7000, `${cities.length} cities`)
  assert.ok(cities.every((city) => isIanaTimeZone(city.timeZone)))
  const [seoul] = searchCities(cities, 'seoul')
  assert.deepEqual(seoul && { city: seoul.city, countryCode: seoul.countryCode, timeZone: seoul.timeZone, lat: seoul.lat, lng: seoul.lng }, {
    city: 'Seoul',
    countryCode: 'KR',
    timeZone: 'Asia/Seoul',
    lat: 37.5663491,
    lng: 126.999731,
  })
  const [tokyo] = searchCities(cities, 'Tokyo')
  assert.equal(tokyo?.timeZone, 'Asia/Tokyo')
  assert.equal(tokyo?.countryCode, 'JP')
})

test('search: prefix first, largest first, accents folded, narrowed after a comma, bounded', () => {
  assert.deepEqual(
    searchCities(cities, 'tok')
      .slice(0, 2)
      .map((city) => city.city),
    ['Tokyo', 'Tokushima'],
  )
  assert.equal(searchCities(cities, 'sao paulo')[0]?.timeZone, 'America/Sao_Paulo')
  const portland = searchCities(cities, 'Portland, maine')
  assert.equal(portland.length, 1)
  assert.equal(portland[0]?.timeZone, 'America/New_York')
  assert.equal(searchCities(cities, 'Portland, oregon')[0]?.timeZone, 'America/Los_Angeles')
  assert.ok(searchCities(cities, 'san').length <= MAX_RESULTS)
  assert.equal(searchCities(cities, 'a', 10_000).length, MAX_RESULTS)
  assert.deepEqual(searchCities(cities, '   '), [])
  assert.deepEqual(searchCities(cities, 'x'.repeat(1_000_000)), [])
  assert.equal(new Set(cities.map((city) => city.key)).size, cities.length)
})

test('the trip’s zone is taken only from a real zone name, and the trip only from a real reference', () => {
  assert.equal(tripZoneFrom('Asia/Seoul'), 'Asia/Seoul')
  for (const answer of [null, undefined, 42, 'Asia/Nowhere', { zone: 'Asia/Seoul' }]) assert.equal(tripZoneFrom(answer), null)
  assert.equal(referencedId({ _type: 'reference', _ref: 'trip-1' }), 'trip-1')
  for (const value of [null, 'trip-1', { _ref: '' }, { _ref: 7 }, { _ref: 'x'.repeat(129) }]) assert.equal(referencedId(value), null)
})
