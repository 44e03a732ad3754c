import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hasBadEscape } from '../../lib/http/malformed'

describe('malformed requests', () => {
  it('finds bad % escapes in a path, and only those', () => {
    for (const path of ['/trips/%E0%A4%A', '/%', '/officials/%FF', '/trips/x%ZZ', '/a%2', '/%C0%AF']) assert.equal(hasBadEscape(path), true, path)
    for (const path of ['/', '/trips/2021-03-tokyo-2plus2', '/countries/%2e%2e', '/search%3Fq', '/trips/%E0%A4%A4']) assert.equal(hasBadEscape(path), false, path)
  })

})
