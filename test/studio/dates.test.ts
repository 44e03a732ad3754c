/**
 * The date formatting the Studio's embargo field and schedule dialog use, run in Node: an
 * Intl option the engine refuses would throw here as it threw in the browser.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { countdown, formatInstantThreeWays } from '../../editorial/state'

test('an instant is shown in Washington, the given zone and UTC, each with its zone', () => {
  // 15:00 UTC on 15 March 2021: 11:00 in Washington (EDT from March 14), midnight next day in Tokyo.
  const times = formatInstantThreeWays('2021-03-15T15:00:00Z', 'Asia/Tokyo')
  assert.equal(times.washington, 'Mar 15, 2021, 11:00 AM EDT')
  assert.equal(times.local, 'Mar 16, 2021, 12:00 AM GMT+9')
  assert.equal(times.utc, 'Mar 15, 2021, 3:00 PM UTC')
})

test('winter time in Washington is EST', () => {
  assert.equal(formatInstantThreeWays('2021-01-20T17:00:00Z').washington, 'Jan 20, 2021, 12:00 PM EST')
})

test('the viewer’s own zone is used when none is given, without throwing', () => {
  assert.match(formatInstantThreeWays('2030-01-01T00:00:00Z').local, /^\w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M \S+/)
})

test('the countdown counts down and says when the embargo has lifted', () => {
  const now = Date.parse('2030-01-01T00:00:00Z')
  assert.equal(countdown('2030-01-03T03:00:00Z', now), '2 d 3 h')
  assert.equal(countdown('2030-01-01T04:05:00Z', now), '4 h 05 min')
  assert.equal(countdown('2030-01-01T00:12:09Z', now), '12 min 09 s')
  assert.equal(countdown('2029-12-31T23:59:59Z', now), 'lifted')
})
