import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hasBadEscape, hasBadRouterState } from '../../lib/http/malformed'

describe('malformed requests', () => {
  it('finds bad % escapes in a path, and only those', () => {
    for (const path of ['/trips/%E0%A4%A', '/%', '/officials/%FF', '/trips/x%ZZ', '/a%2', '/%C0%AF']) assert.equal(hasBadEscape(path), true, path)
    for (const path of ['/', '/trips/2021-03-tokyo-2plus2', '/countries/%2e%2e', '/search%3Fq', '/trips/%E0%A4%A4']) assert.equal(hasBadEscape(path), false, path)
  })

  it('finds the router state headers Next.js would refuse, and only those', () => {
    const valid = [
      ['', { children: ['__PAGE__', {}] }],
      ['', { children: ['trips', { children: [['slug', 'x', 'd', null], { children: ['__PAGE__', {}] }] }] }, null, 'refetch', 1],
    ]
    for (const state of valid) assert.equal(hasBadRouterState(encodeURIComponent(JSON.stringify(state))), false, JSON.stringify(state))
    assert.equal(hasBadRouterState(null), false)
    const bad = ['%7Bbad', '["x"]', '%E0%A4%A', '', 'null', encodeURIComponent('["",{},null,null,true]'), encodeURIComponent('["",{"children":["a",{}, ["u"]]}]'), 'a'.repeat(40_001)]
    for (const state of bad) assert.equal(hasBadRouterState(state), true, state.slice(0, 60))
  })
})
