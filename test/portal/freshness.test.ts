import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DEFAULT_FACT_MAX_AGE_MONTHS, freshnessCutoff, isStale } from '../../lib/freshness'

describe('freshnessCutoff', () => {
  it('goes back the given months from the reference day', () => {
    assert.equal(freshnessCutoff('2021-03-15'), '2020-03-15')
    assert.equal(freshnessCutoff('2021-03-15', 6), '2020-09-15')
    assert.equal(freshnessCutoff('2021-03-15', 15), '2019-12-15')
  })
  it('clamps to the end of a shorter month', () => {
    assert.equal(freshnessCutoff('2021-03-31', 1), '2021-02-28')
    assert.equal(freshnessCutoff('2024-03-31', 1), '2024-02-29')
    assert.equal(freshnessCutoff('2024-02-29', 12), '2023-02-28')
  })
  it('rejects a reference that is not a calendar date', () => {
    assert.throws(() => freshnessCutoff('2021-02-30'), RangeError)
  })
})

describe('isStale', () => {
  it('defaults to twelve months', () => assert.equal(DEFAULT_FACT_MAX_AGE_MONTHS, 12))
  it('flags a figure older than twelve months before the trip starts', () => {
    assert.equal(isStale('2020-03-14', '2021-03-15'), true)
    assert.equal(isStale('2019-01-01', '2021-03-15'), true)
  })
  it('keeps a figure exactly at, or newer than, the cutoff', () => {
    assert.equal(isStale('2020-03-15', '2021-03-15'), false)
    assert.equal(isStale('2021-03-15', '2021-03-15'), false)
    // A figure dated after the trip (a later edition of the sheet) is not stale either.
    assert.equal(isStale('2022-01-01', '2021-03-15'), false)
  })
  it('uses the configured age from settings', () => {
    assert.equal(isStale('2020-08-01', '2021-03-15', 6), true)
    assert.equal(isStale('2020-10-01', '2021-03-15', 6), false)
    assert.equal(isStale('2019-06-01', '2021-03-15', 24), false)
  })
  it('falls back to the default for a missing or nonsensical age', () => {
    assert.equal(isStale('2020-03-14', '2021-03-15', null), true)
    assert.equal(isStale('2020-03-14', '2021-03-15', 0), true)
    assert.equal(isStale('2020-04-01', '2021-03-15', -5), false)
  })
  it('never calls a figure stale without both dates', () => {
    assert.equal(isStale(null, '2021-03-15'), false)
    assert.equal(isStale('2019-01-01', null), false)
    assert.equal(isStale('not a date', '2021-03-15'), false)
  })
})
