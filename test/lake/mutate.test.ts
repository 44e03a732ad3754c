import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { rejection, startTestLake } from './helpers'
import type { TestLake } from './helpers'

describe('mutations', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake()
  })
  after(() => t.stop())

  test('create sets _rev (= transaction id), _createdAt and _updatedAt', async () => {
    const result = await t.editor.create({ _id: 'official-1', _type: 'official', name: 'Ada' }, { returnDocuments: false })
    const doc = await t.viewer.getDocument('official-1')
    assert.equal(doc?._rev, result.transactionId)
    assert.match(String(doc?._createdAt), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    assert.equal(doc?._updatedAt, doc?._createdAt)
    assert.deepEqual(result.results, [{ id: 'official-1', operation: 'create' }])
  })

  test('an _id ending in "." gets a generated suffix; a missing _id is generated', async () => {
    const withPrefix = await t.editor.create({ _id: 'official.', _type: 'official', name: 'Bo' })
    assert.match(withPrefix._id, /^official\.[A-Za-z0-9]{22}$/)
    const generated = await t.editor.create({ _type: 'official', name: 'Cy' })
    assert.match(generated._id, /^[A-Za-z0-9]{22}$/)
  })

  test('create of an existing id is a 409', async () => {
    const error = await rejection(t.editor.create({ _id: 'official-1', _type: 'official' }))
    assert.equal(error.statusCode, 409)
    assert.match(error.message, /already exists/)
  })

  test('createOrReplace replaces and keeps _createdAt; createIfNotExists leaves existing alone', async () => {
    const before = await t.viewer.getDocument('official-1')
    await t.editor.createOrReplace({ _id: 'official-1', _type: 'official', name: 'Ada Lovelace' })
    const replaced = await t.viewer.getDocument('official-1')
    assert.equal(replaced?.name, 'Ada Lovelace')
    assert.equal(replaced?._createdAt, before?._createdAt)
    await t.editor.createIfNotExists({ _id: 'official-1', _type: 'official', name: 'ignored' })
    await t.editor.createIfNotExists({ _id: 'official-2', _type: 'official', name: 'Grace' })
    assert.equal((await t.viewer.getDocument('official-1'))?.name, 'Ada Lovelace')
    assert.equal((await t.viewer.getDocument('official-2'))?.name, 'Grace')
  })

  test('patch: set, setIfMissing, unset, inc, dec, insert, diffMatchPatch', async () => {
    await t.editor.create({
      _id: 'trip-1',
      _type: 'trip',
      title: 'Paris',
      count: 10,
      remove: true,
      stops: [
        { _key: 'a', city: 'Paris' },
        { _key: 'c', city: 'Lyon' },
      ],
    })
    const patched = await t.editor
      .patch('trip-1')
      .set({ title: 'Paris trip', 'stops[_key=="a"].city': 'Paris CDG' })
      .setIfMissing({ title: 'ignored', status: 'planned' })
      .unset(['remove'])
      .inc({ count: 5 })
      .dec({ count: 2 })
      .insert('after', 'stops[_key=="a"]', [{ _key: 'b', city: 'Dijon' }])
      .commit()
    assert.equal(patched.title, 'Paris trip')
    assert.equal(patched.status, 'planned')
    assert.equal(patched.remove, undefined)
    assert.equal(patched.count, 13)
    assert.deepEqual(
      patched.stops.map((stop: { city: string }) => stop.city),
      ['Paris CDG', 'Dijon', 'Lyon'],
    )
    const dmp = await t.editor.patch('trip-1').diffMatchPatch({ title: '@@ -1,10 +1,15 @@\n Paris trip\n+ 2026\n' }).commit()
    assert.equal(dmp.title, 'Paris trip 2026')
  })

  test('patch by query and delete by query', async () => {
    await t.editor.transaction().create({ _id: 'tmp-1', _type: 'tmp', n: 1 }).create({ _id: 'tmp-2', _type: 'tmp', n: 2 }).commit()
    const patched = await t.editor.mutate([{ patch: { query: '*[_type == $t]', params: { t: 'tmp' }, set: { touched: true } } }])
    assert.equal(patched.results.length, 2)
    assert.deepEqual(await t.viewer.fetch('*[_type == "tmp"] | order(n asc).touched'), [true, true])
    const deleted = await t.editor.mutate([{ delete: { query: '*[_type == "tmp"]' } }])
    assert.deepEqual(
      deleted.results.map((result: { operation: string }) => result.operation),
      ['delete', 'delete'],
    )
    assert.equal(await t.viewer.fetch('count(*[_type == "tmp"])'), 0)
  })

  test('delete by id', async () => {
    await t.editor.create({ _id: 'gone', _type: 'tmp' })
    await t.editor.delete('gone')
    assert.equal(await t.viewer.getDocument('gone'), undefined)
  })

  test('ifRevisionID mismatch is a 409 and changes nothing', async () => {
    const current = await t.viewer.getDocument('trip-1')
    const error = await rejection(t.editor.patch('trip-1').ifRevisionId('not-the-rev').set({ title: 'X' }).commit())
    assert.equal(error.statusCode, 409)
    assert.deepEqual(await t.viewer.getDocument('trip-1'), current)
    const ok = await t.editor.patch('trip-1').ifRevisionId(String(current?._rev)).set({ title: 'Y' }).commit()
    assert.equal(ok.title, 'Y')
  })

  test('patching a missing document is a 409', async () => {
    const error = await rejection(t.editor.patch('does-not-exist').set({ a: 1 }).commit())
    assert.equal(error.statusCode, 409)
    assert.match(error.message, /nonexistent document/)
  })

  test('a failing transaction leaves nothing behind', async () => {
    const before = await t.viewer.fetch('*[]{_id, _rev}', {}, { perspective: 'raw' })
    const error = await rejection(
      t.editor
        .transaction()
        .create({ _id: 'atomic-1', _type: 'tmp' })
        .patch('trip-1', (p) => p.set({ title: 'should not stick' }))
        .create({ _id: 'official-1', _type: 'official' }) // exists: fails the transaction
        .commit(),
    )
    assert.equal(error.statusCode, 409)
    const body = error.response?.body as { error: { type: string; items: { index: number }[] } }
    assert.equal(body.error.type, 'mutationError')
    assert.equal(body.error.items[0]?.index, 2)
    assert.deepEqual(await t.viewer.fetch('*[]{_id, _rev}', {}, { perspective: 'raw' }), before)
  })

  test('transactionId, returnDocuments and dryRun', async () => {
    const result = await t.editor.mutate([{ create: { _id: 'with-tx', _type: 'tmp' } }], {
      transactionId: 'my-transaction-1',
      returnDocuments: true,
    })
    assert.equal((result as unknown as { _rev: string }[])[0]?._rev, 'my-transaction-1')
    const reused = await rejection(t.editor.mutate([{ create: { _id: 'with-tx-2', _type: 'tmp' } }], { transactionId: 'my-transaction-1' }))
    assert.equal(reused.statusCode, 409)
    await t.editor.mutate([{ create: { _id: 'dry', _type: 'tmp' } }], { dryRun: true })
    assert.equal(await t.viewer.getDocument('dry'), undefined)
  })

  test('invalid mutations are 400s', async () => {
    const noType = await rejection(t.editor.create({ _id: 'no-type' } as never))
    assert.equal(noType.statusCode, 400)
    const badId = await rejection(t.editor.create({ _id: 'bad id!', _type: 'tmp' }))
    assert.equal(badId.statusCode, 400)
    const unknown = await rejection(t.editor.request({ method: 'POST', uri: '/data/mutate/production', body: { mutations: [{ frobnicate: {} }] } }))
    assert.equal(unknown.statusCode, 400)
  })
})
