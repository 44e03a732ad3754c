/**
 * The date formatting the Studio's embargo field and schedule dialog use, run in Node: an
 * Intl option the engine refuses would throw here as it threw in the browser.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { countdown, instantInZones } from '../../editorial/state'

test('an instant is shown in Washington, the trip’s zone and the viewer’s, each with its zone', () => {
  // 15:00 UTC on 15 March 2021: 11:00 in Washington (EDT from March 14), midnight next day in Tokyo.
  const times = instantInZones('2021-03-15T15:00:00Z', 'Asia/Tokyo', 'Europe/London')
  assert.deepEqual(
    times.map((time) => [time.label, time.text]),
    [
      ['Washington', 'Mar 15, 2021, 11:00 AM EDT'],
      ['Tokyo', 'Mar 16, 2021, 12:00 AM GMT+9'],
      ['Your time', 'Mar 15, 2021, 3:00 PM GMT'],
    ],
  )
})

test('winter time in Washington is EST; a trip in Washington is not shown twice', () => {
  const times = instantInZones('2021-01-20T17:00:00Z', 'America/New_York', 'UTC')
  assert.deepEqual(
    times.map((time) => time.label),
    ['Washington', 'Your time'],
  )
  assert.equal(times[0]?.text, 'Jan 20, 2021, 12:00 PM EST')
})

test('the viewer’s own zone is used when none is given; an unknown trip zone or instant is left out, without throwing', () => {
  const times = instantInZones('2030-01-01T00:00:00Z', 'Mars/Olympus_Mons')
  assert.deepEqual(
    times.map((time) => time.label),
    ['Washington', 'Your time'],
  )
  assert.match(times[1]?.text ?? '', /^\w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M \S+/)
  assert.deepEqual(instantInZones('not a date', 'Asia/Seoul'), [])
  assert.equal(instantInZones('2030-01-01T00:00:00Z', 'America/Argentina/Buenos_Aires')[1]?.label, 'Buenos Aires')
})

test('the countdown counts down and says when the embargo has lifted', () => {
  const now = Date.parse('2030-01-01T00:00:00Z')
  assert.equal(countdown('2030-01-03T03:00:00Z', now), '2 d 3 h')
  assert.equal(countdown('2030-01-01T04:05:00Z', now), '4 h 05 min')
  assert.equal(countdown('2030-01-01T00:12:09Z', now), '12 min 09 s')
  assert.equal(countdown('2029-12-31T23:59:59Z', now), 'lifted')
})
