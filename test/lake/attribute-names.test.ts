/**
 * A document may not carry an attribute named `hasOwnProperty` on the lake (lake/attribute-names.ts):
 * groq-js would fail every query reading an attribute of it. The write is refused with a 400 that
 * names where the attribute is, and nothing is written; every other name is kept.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { rejection, startTestLake } from './helpers'
import type { TestLake } from './helpers'

describe('attribute names the lake cannot query', () => {
  let t: TestLake

  before(async () => {
    t = await startTestLake()
    await t.editor.create({ _id: 'note-1', _type: 'note', title: 'Kept', meta: { constructor: 'fine', toString: 'fine too' } })
  })
  after(() => t.stop())

  test('a create with hasOwnProperty at the root is refused with a 400 and writes nothing', async () => {
    const error = await rejection(t.editor.create({ _id: 'note-2', _type: 'note', hasOwnProperty: 'x' }))
    assert.equal(error.statusCode, 400)
    assert.match(error.message, /note-2.*"hasOwnProperty" \(at hasOwnProperty\)/)
    assert.equal(await t.editor.getDocument('note-2'), undefined)
  })

  test('deep inside an array item too, with its path', async () => {
    const error = await rejection(
      t.editor.create({
        _id: 'note-3',
        _type: 'note',
        items: [
          { _key: 'a', label: 'ok' },
          { _key: 'b', extra: { hasOwnProperty: 1 } },
        ],
      }),
    )
    assert.equal(error.statusCode, 400)
    assert.match(error.message, /at items\[1\]\.extra\.hasOwnProperty/)
    assert.equal(await t.editor.getDocument('note-3'), undefined)
  })

  test('a patch that would add it is refused and the document stays as it was', async () => {
    const before = await t.editor.getDocument('note-1')
    const error = await rejection(
      t.editor
        .patch('note-1')
        .set({ meta: { hasOwnProperty: true } })
        .commit(),
    )
    assert.equal(error.statusCode, 400)
    assert.deepEqual(await t.editor.getDocument('note-1'), before)
    // The document is still readable by every query, and the names it has read as stored.
    assert.deepEqual(await t.viewer.fetch('*[_id == "note-1"][0]{title, meta}'), { title: 'Kept', meta: { constructor: 'fine', toString: 'fine too' } })
  })
})
