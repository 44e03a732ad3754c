import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { clientFor, rejection, startTestLake } from './helpers'
import type { TestLake } from './helpers'

describe('access control', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake()
    await t.admin
      .transaction()
      .create({ _id: 'trip-1', _type: 'trip', title: 'Published' })
      .create({ _id: 'drafts.trip-1', _type: 'trip', title: 'Draft' })
      .create({ _id: '_.groups.editors', _type: 'system.group', members: [] })
      .commit()
  })
  after(() => t.stop())

  test('anonymous sees only published, public documents in every perspective', async () => {
    for (const perspective of ['published', 'drafts', 'raw'] as const) {
      const ids = await t.anonymous.fetch<string[]>('*[]._id', {}, { perspective })
      assert.deepEqual(ids, ['trip-1'], perspective)
    }
    assert.equal(await t.anonymous.fetch('*[_id == "trip-1"][0].title', {}, { perspective: 'drafts' }), 'Published')
  })

  test('anonymous doc lookups report drafts as permission-omitted', async () => {
    const response = await t.anonymous.request<{ documents: unknown[]; omitted: unknown[] }>({ uri: '/data/doc/production/trip-1,drafts.trip-1' })
    assert.equal(response.documents.length, 1)
    assert.deepEqual(response.omitted, [{ id: 'drafts.trip-1', reason: 'permission' }])
  })

  test('anonymous cannot write (401)', async () => {
    const error = await rejection(t.anonymous.create({ _id: 'x', _type: 'trip' }))
    assert.equal(error.statusCode, 401)
    const action = await rejection(t.anonymous.action({ actionType: 'sanity.action.document.discard', draftId: 'drafts.trip-1' }))
    assert.equal(action.statusCode, 401)
  })

  test('a viewer reads drafts but cannot write (403)', async () => {
    const ids = await t.viewer.fetch<string[]>('*[]._id', {}, { perspective: 'raw' })
    assert.deepEqual([...ids].sort(), ['_.groups.editors', 'drafts.trip-1', 'trip-1'])
    const error = await rejection(t.viewer.create({ _id: 'x', _type: 'trip' }))
    assert.equal(error.statusCode, 403)
    assert.match(error.message, /Insufficient permissions/)
    assert.equal(await t.viewer.getDocument('x'), undefined)
  })

  test('an unknown or revoked token is a 401, not anonymous access', async () => {
    const error = await rejection(clientFor(t.lake, 'sklake-not-a-token').fetch('*'))
    assert.equal(error.statusCode, 401)
  })

  test('editor and administrator can write', async () => {
    await t.editor.create({ _id: 'by-editor', _type: 'trip' })
    await t.admin.create({ _id: 'by-admin', _type: 'trip' })
    assert.equal(await t.viewer.fetch('count(*[_id in ["by-editor", "by-admin"]])'), 2)
  })

  test('history needs a token', async () => {
    const response = await fetch(`${t.lake.httpUrl}/v1/data/history/production/transactions/trip-1`)
    assert.equal(response.status, 401)
  })
})
