import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ALL, decideView, lastPageRedirect, listRoute, publicPath, viewOf } from '../../lib/listViews'

const known = {
  year: new Set(['2021', '2023']),
  country: new Set(['japan', 'republic-of-korea']),
  official: new Set(['antony-j-blinken']),
  topic: new Set(['economy']),
}

describe('list views', () => {
  it('render only canonical views whose every value exists', () => {
    assert.deepEqual(decideView('trips', ALL, known), { action: 'render' })
    assert.deepEqual(decideView('trips', 'year=2021&country=japan', known), { action: 'render' })
    assert.deepEqual(decideView('trips', 'year=2021&country=japan&official=antony-j-blinken&topic=economy&page=3', known), { action: 'render' })
    assert.deepEqual(decideView('facts', 'topic=economy', { topic: new Set(['economy']), country: new Set() }), { action: 'render' })
  })

  it('send a value no content has to the list without it', () => {
    assert.deepEqual(decideView('trips', 'year=1914', known), { action: 'redirect', to: '/trips' })
    assert.deepEqual(decideView('trips', 'year=1914&country=japan', known), { action: 'redirect', to: '/trips?country=japan' })
    assert.deepEqual(decideView('trips', 'country=atlantis&official=nobody&page=2', known), { action: 'redirect', to: '/trips?page=2' })
    assert.deepEqual(decideView('facts', 'topic=nothing-here&country=japan', { topic: new Set(['economy']), country: new Set(['japan']) }), {
      action: 'redirect',
      to: '/facts?country=japan',
    })
  })

  it('answer 404 for any segment the proxy would not have written', () => {
    for (const segment of ['anything-at-all', 'country=japan&year=2021', 'year=2021&year=2022', 'page=1', 'year=21', 'year=2021&x=1', 'year=2021 ', '%']) {
      assert.deepEqual(decideView('trips', segment, known), { action: 'not-found' }, segment)
    }
  })

  it('are what the proxy rewrites to, so every address a reader can type maps to a checked view', () => {
    const view = viewOf('trips', new URLSearchParams('official=antony-j-blinken&year=2021&utm_source=x&page=1'))
    assert.equal(view, 'year=2021&official=antony-j-blinken')
    assert.deepEqual(decideView('trips', view, known), { action: 'render' })
    assert.equal(listRoute('trips', view), '/lists/trips/year%3D2021%26official%3Dantony-j-blinken')
    assert.equal(publicPath('trips', view), '/trips?year=2021&official=antony-j-blinken')
  })

  it('bound page numbers by the real page count', () => {
    assert.equal(lastPageRedirect('page=2', 2, 2), null)
    assert.equal(lastPageRedirect(ALL, 1, 1), null)
    assert.equal(lastPageRedirect('page=5438', 5438, 1), '/trips')
    assert.equal(lastPageRedirect('year=2021&page=9', 9, 3), '/trips?year=2021&page=3')
  })
})
