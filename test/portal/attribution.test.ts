import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { attributionText, sharedAttribution } from '../../lib/attribution'

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
