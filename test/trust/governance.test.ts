/**
 * Governance that looks at the document before and after: a type change of a published document
 * is reviewed like an edit, asset documents are written only by the upload route, and anonymous
 * readers see an asset (document and file) only once a published document references it.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { rejection, startTestLake, tempDir } from '../lake/helpers'
import type { TestLake } from '../lake/helpers'
import { fingerprint } from './helpers'

describe('governance before and after', () => {
  let t: TestLake
  before(async () => {
    // A published trip, brought in by `lake import` (as a seed is) before the lake serves.
    const dir = tempDir()
    const file = path.join(dir, 'seed.ndjson')
    writeFileSync(file, `${JSON.stringify({ _id: 'trip-g', _type: 'trip', title: 'Governed' })}\n`)
    const imported = spawnSync(process.execPath, ['--import', 'tsx', 'lake/cli.ts', '--plugin', 'editorial/lake/plugin.ts', 'import', file, '--dir', dir], { encoding: 'utf8' })
    assert.equal(imported.status, 0, imported.stderr)
    t = await startTestLake({ dir, reviewRequired: true })
  })
  after(() => t.stop())

  test("patching a published document's _type to sanity.* needs review like any edit", async () => {
    assert.equal((await t.anonymous.getDocument('trip-g'))?._type, 'trip')
    const unchanged = fingerprint(t.dir)
    for (const type of ['sanity.hidden', 'system.hidden', 'note']) {
      const replaced = await rejection(t.editor.createOrReplace({ _id: 'trip-g', _type: type, title: 'Governed' }))
      assert.equal(replaced.statusCode, 409, `${type}: ${replaced.message}`)
      const patched = await rejection(t.editor.patch('trip-g').set({ _type: type }).commit())
      assert.equal(patched.statusCode, 409, `${type}: ${patched.message}`)
    }
    assert.equal((await t.anonymous.getDocument('trip-g'))?._type, 'trip')
    assert.equal(fingerprint(t.dir), unchanged)
  })

  test('asset documents are written only by the upload route', async () => {
    const created = await rejection(t.editor.create({ _id: 'image-fake', _type: 'sanity.imageAsset', url: 'https://evil.example/x.png' }))
    assert.equal(created.statusCode, 403)
    const asset = await t.editor.assets.upload('file', Buffer.from('minutes of the meeting'), { filename: 'secret-minutes.txt' })
    const patched = await rejection(t.editor.patch(asset._id).set({ originalFilename: 'renamed.txt' }).commit())
    assert.equal(patched.statusCode, 403)
  })

  test('_type set to a number is a 400', async () => {
    const error = await rejection(t.editor.create({ _id: 'drafts.numbered', _type: 42 as unknown as string }))
    assert.equal(error.statusCode, 400)
  })

  test('anonymous readers see an asset only once a published document references it', async () => {
    const asset = await t.editor.assets.upload('file', Buffer.from('embargoed annex'), { filename: 'embargoed-annex.txt' })
    const listed = async () => t.anonymous.fetch<string[]>('*[_type == "sanity.fileAsset"].originalFilename')
    const file = () => fetch(`${t.lake.httpUrl}${new URL(asset.url).pathname}`)
    assert.ok(!(await listed()).includes('embargoed-annex.txt'))
    assert.equal((await t.anonymous.getDocument(asset._id)) ?? null, null)
    assert.equal((await file()).status, 404)
    // A draft referencing it changes nothing for anonymous readers.
    await t.editor.create({ _id: 'drafts.topic-a', _type: 'topic', title: 'Annex', annex: { _type: 'file', asset: { _type: 'reference', _ref: asset._id } } })
    assert.ok(!(await listed()).includes('embargoed-annex.txt'))
    // Staff see it all along.
    assert.ok((await t.viewer.fetch<string[]>('*[_type == "sanity.fileAsset"].originalFilename')).includes('embargoed-annex.txt'))
  })
})
