import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { attributionKey, attributionText, commonAttribution, sharedAttribution } from '../../lib/attribution'

const state = { title: 'U.S. Department of State' }

describe('attribution', () => {
  it('names source and as-of date', () => {
    assert.equal(attributionText({ source: state, statedAt: '2021-03-15' }), 'U.S. Department of State, stated March 15, 2021')
    assert.equal(attributionText({ source: null, statedAt: '2021-03-15' }), 'stated March 15, 2021')
    assert.equal(attributionText({ source: state, statedAt: null }), 'U.S. Department of State')
  })
  it('is shared only when every item agrees on source and date', () => {
    const a = { source: state, statedAt: '2021-03-15' }
    assert.equal(sharedAttribution([a, { ...a }]), 'U.S. Department of State, stated March 15, 2021')
    assert.equal(sharedAttribution([a, { ...a, statedAt: '2021-03-16' }]), null)
    assert.equal(sharedAttribution([a, { source: null, statedAt: null }]), null)
  })
  it('is not shared for no items or items with nothing known', () => {
    assert.equal(sharedAttribution([]), null)
    assert.equal(sharedAttribution([{ source: null, statedAt: null }]), null)
  })
})

describe('common attribution', () => {
  const other = { title: 'Ministry of Foreign Affairs of Japan' }
  it('is the one most items hold, the first holder naming it; items that name nothing do not count', () => {
    const first = { id: 1, source: state, statedAt: null }
    const items = [{ id: 0, source: null, statedAt: null }, { id: 2, source: other, statedAt: null }, first, { id: 3, source: state, statedAt: null }]
    const common = commonAttribution(items)
    assert.equal(common?.key, 'U.S. Department of State')
    assert.equal(common?.holder, first)
    assert.equal(attributionKey(items[1]!) === common?.key, false)
  })
  it('breaks a tie by the first to reach the count, and is null when nothing is named', () => {
    assert.equal(
      commonAttribution([
        { source: other, statedAt: null },
        { source: state, statedAt: null },
      ])?.key,
      other.title,
    )
    assert.equal(commonAttribution([{ source: null, statedAt: null }]), null)
    assert.equal(commonAttribution([]), null)
  })
  it('tells a stated date apart', () => {
    const common = commonAttribution([
      { source: state, statedAt: '2021-03-15' },
      { source: state, statedAt: null },
      { source: state, statedAt: '2021-03-15' },
    ])
    assert.equal(common?.key, 'U.S. Department of State, stated March 15, 2021')
  })
})
