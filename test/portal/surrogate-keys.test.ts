import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
// Next's own matching of `headers()` rules (as its router builds them) and its filling in of values.
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match'
import { compileNonPath } from 'next/dist/shared/lib/router/utils/prepare-destination'
import { SEARCH_SHARED_CACHE_SECONDS, SURROGATE_CONTROL_HEADER, SURROGATE_KEY_HEADER, surrogateKeyHeaders } from '../../lib/revalidation/surrogateKeys'

/** The value of `name` Next sends for `pathname`: every matching rule applies, the last one wins. */
function headerFor(pathname: string, name: string): string | undefined {
  let value: string | undefined
  for (const rule of surrogateKeyHeaders()) {
    const params = getPathMatch(rule.source, { strict: true, removeUnnamedParams: true })(pathname)
    if (!params) continue
    for (const header of rule.headers) {
      if (header.key !== name) continue
      value = Object.keys(params).length > 0 ? compileNonPath(header.value, params) : header.value
    }
  }
  return value
}

const keysFor = (pathname: string) => headerFor(pathname, SURROGATE_KEY_HEADER)?.split(' ')

describe('surrogate keys', () => {
  it("names a trip's own tag on its page and every page under it", () => {
    for (const path of ['/trips/2021-03-tokyo-2plus2', '/trips/2021-03-tokyo-2plus2/briefing', '/trips/2021-03-tokyo-2plus2/briefing/meeting-1', '/trips/2021-03-tokyo-2plus2/calendar.ics']) {
      assert.deepEqual(keysFor(path), ['sanity', 'trip:2021-03-tokyo-2plus2'], path)
    }
  })

  it('names official and country pages by their own tag', () => {
    assert.deepEqual(keysFor('/officials/antony-j-blinken'), ['sanity', 'official:antony-j-blinken'])
    assert.deepEqual(keysFor('/officials/antony-j-blinken/feed.xml'), ['sanity', 'official:antony-j-blinken'])
    assert.deepEqual(keysFor('/countries/japan'), ['sanity', 'country:japan'])
  })

  it('names the list tags of the lists, home page and feeds', () => {
    assert.deepEqual(keysFor('/'), ['sanity', 'list:trip', 'list:country'])
    assert.deepEqual(keysFor('/trips'), ['sanity', 'list:trip', 'list:country', 'list:official', 'list:topic', 'list:factBullet'])
    assert.deepEqual(keysFor('/lists/trips/year-2021'), keysFor('/trips'))
    assert.deepEqual(keysFor('/lists/facts/topic-security'), keysFor('/facts'))
    assert.deepEqual(keysFor('/countries'), ['sanity', 'list:country', 'list:trip', 'list:factBullet'])
    assert.deepEqual(keysFor('/feed.xml'), ['sanity', 'list:trip', 'list:country', 'list:official'])
  })

  it('lets the shared cache keep search results for a few seconds, and tells it nothing about other pages', () => {
    assert.equal(headerFor('/search', SURROGATE_CONTROL_HEADER), `max-age=${SEARCH_SHARED_CACHE_SECONDS}`)
    assert.ok(keysFor('/search')?.includes('list:trip'))
    for (const path of ['/', '/trips/2021-03-tokyo-2plus2', '/briefing-book', '/search-other']) assert.equal(headerFor(path, SURROGATE_CONTROL_HEADER), undefined, path)
  })

  it('gives every other page the site-wide tag, and build files none', () => {
    assert.deepEqual(keysFor('/about'), ['sanity'])
    assert.deepEqual(keysFor('/world-map.svg'), ['sanity'])
    assert.equal(keysFor('/_next/static/chunks/main.js'), undefined)
  })
})
