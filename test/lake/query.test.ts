import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { rejection, startTestLake } from './helpers'
import type { TestLake } from './helpers'

describe('query and doc endpoints', () => {
  let t: TestLake

  before(async () => {
    t = await startTestLake()
    await t.editor
      .transaction()
      .create({ _id: 'trip-paris', _type: 'trip', title: 'Paris', slug: { _type: 'slug', current: 'paris' } })
      .create({ _id: 'drafts.trip-paris', _type: 'trip', title: 'Paris (edited)', slug: { _type: 'slug', current: 'paris' } })
      .create({ _id: 'drafts.trip-rome', _type: 'trip', title: 'Rome (new)', slug: { _type: 'slug', current: 'rome' } })
      .create({ _id: 'meeting-1', _type: 'meeting', title: 'Talks', trip: { _type: 'reference', _ref: 'trip-paris' } })
      .commit()
  })
  after(() => t.stop())

  const byTitle = '*[_type == $type] | order(title asc){_id, _originalId, title}'

  test('published perspective (the default) hides drafts', async () => {
    const result = await t.viewer.fetch(byTitle, { type: 'trip' })
    assert.deepEqual(result, [{ _id: 'trip-paris', _originalId: null, title: 'Paris' }])
    const explicit = await t.viewer.fetch(byTitle, { type: 'trip' }, { perspective: 'published' })
    assert.deepEqual(explicit, result)
  })

  test('drafts perspective overlays drafts and names the original', async () => {
    const result = await t.viewer.fetch(byTitle, { type: 'trip' }, { perspective: 'drafts' })
    assert.deepEqual(result, [
      { _id: 'trip-paris', _originalId: 'drafts.trip-paris', title: 'Paris (edited)' },
      { _id: 'trip-rome', _originalId: 'drafts.trip-rome', title: 'Rome (new)' },
    ])
  })

  test('raw perspective returns every stored document', async () => {
    const ids = await t.viewer.fetch<string[]>('*[_type == $type]._id', { type: 'trip' }, { perspective: 'raw' })
    assert.deepEqual([...ids].sort(), ['drafts.trip-paris', 'drafts.trip-rome', 'trip-paris'])
  })

  test('joins and params work (trip page shape)', async () => {
    const trip = await t.viewer.fetch('*[_type == "trip" && slug.current == $slug][0]{title, "meetings": *[_type == "meeting" && references(^._id)]{title}}', { slug: 'paris' })
    assert.deepEqual(trip, { title: 'Paris', meetings: [{ title: 'Talks' }] })
  })

  test('POST queries (long queries) give the same result', async () => {
    // Over ~11 kB the client switches from GET to POST {query, params}.
    const long = `*[_type == $type && title != "${'x'.repeat(12_000)}"] | order(title asc){_id, _originalId, title}`
    const result = await t.viewer.fetch(long, { type: 'trip' }, { perspective: 'drafts' })
    assert.equal(result.length, 2)
  })

  test('response carries query and ms', async () => {
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/query/production?query=${encodeURIComponent('count(*)')}`)
    const body = (await response.json()) as Record<string, unknown>
    assert.equal(response.status, 200)
    assert.equal(body.query, 'count(*)')
    assert.equal(body.result, 2)
    assert.equal(typeof body.ms, 'number')
  })

  test('a GROQ syntax error is a 400 naming the position', async () => {
    const error = await rejection(t.viewer.fetch('*[_type == "trip"]{title,,}'))
    assert.equal(error.statusCode, 400)
    const body = error.response?.body as { error: { type: string; start: number; end: number; description: string; query: string } }
    assert.equal(body.error.type, 'queryParseError')
    assert.equal(typeof body.error.start, 'number')
    assert.equal(body.error.query, '*[_type == "trip"]{title,,}')
    assert.match(body.error.description, /position \d+/)
  })

  test('a parameter referenced but not given is a 400', async () => {
    const error = await rejection(t.viewer.fetch('*[_type == $missing]'))
    assert.equal(error.statusCode, 400)
    assert.match(error.message, /\$missing/)
  })

  test('an invalid perspective is a 400', async () => {
    const response = await fetch(`${t.lake.httpUrl}/v1/data/query/production?query=*&perspective=raw,drafts`)
    assert.equal(response.status, 400)
  })

  test('doc endpoint returns documents and omitted ids', async () => {
    const response = await t.viewer.request<{ documents: { _id: string }[]; omitted: unknown[] }>({
      uri: '/data/doc/production/trip-paris,drafts.trip-paris,nope',
    })
    assert.deepEqual(
      response.documents.map((doc) => doc._id),
      ['trip-paris', 'drafts.trip-paris'],
    )
    assert.deepEqual(response.omitted, [{ id: 'nope', reason: 'existence' }])
    const doc = await t.viewer.getDocument('drafts.trip-paris')
    assert.equal(doc?.title, 'Paris (edited)')
  })

  test('other datasets are separate', async () => {
    const other = t.editor.withConfig({ dataset: 'staging' })
    await other.create({ _id: 'trip-paris', _type: 'trip', title: 'Staging Paris' })
    assert.equal(await other.fetch('*[_id == "trip-paris"][0].title'), 'Staging Paris')
    assert.equal(await t.viewer.fetch('*[_id == "trip-paris"][0].title'), 'Paris')
  })
})
