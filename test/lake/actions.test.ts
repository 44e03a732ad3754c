import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { rejection, startTestLake } from './helpers'
import type { TestLake } from './helpers'

describe('actions', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake()
  })
  after(() => t.stop())

  const get = (id: string) => t.viewer.getDocument(id)

  test('create a draft, edit it, publish it', async () => {
    const created = await t.editor.action({
      actionType: 'sanity.action.document.create',
      publishedId: 'trip-1',
      attributes: { _id: 'drafts.trip-1', _type: 'trip', title: 'Draft' },
      ifExists: 'fail',
    })
    assert.equal(typeof created.transactionId, 'string')
    assert.equal((await get('drafts.trip-1'))?._rev, created.transactionId)

    await t.editor.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.trip-1',
      publishedId: 'trip-1',
      patch: { set: { title: 'Edited' }, unset: ['_empty_action_guard_pseudo_field_'] },
    })
    const draft = await get('drafts.trip-1')
    assert.equal(draft?.title, 'Edited')

    const stale = await rejection(t.editor.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.trip-1', publishedId: 'trip-1', ifDraftRevisionId: 'stale' }))
    assert.equal(stale.statusCode, 409)
    assert.equal((stale.response?.body as { error: { type: string } }).error.type, 'actionError')

    const published = await t.editor.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.trip-1',
      publishedId: 'trip-1',
      ifDraftRevisionId: String(draft?._rev),
    })
    assert.equal(await get('drafts.trip-1'), undefined)
    const doc = await get('trip-1')
    assert.equal(doc?.title, 'Edited')
    assert.equal(doc?._rev, published.transactionId)
  })

  test('edit without a draft copies the published document first', async () => {
    await t.editor.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.trip-1',
      publishedId: 'trip-1',
      patch: { set: { subtitle: 'new' } },
    })
    const draft = await get('drafts.trip-1')
    assert.equal(draft?.title, 'Edited')
    assert.equal(draft?.subtitle, 'new')
    assert.equal((await get('trip-1'))?.subtitle, undefined)
  })

  test('publish with a stale published revision is a 409', async () => {
    const error = await rejection(
      t.editor.action({
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.trip-1',
        publishedId: 'trip-1',
        ifPublishedRevisionId: 'stale',
      }),
    )
    assert.equal(error.statusCode, 409)
  })

  test('discard deletes the draft; discarding a missing draft is a 409', async () => {
    await t.editor.action({ actionType: 'sanity.action.document.discard', draftId: 'drafts.trip-1' })
    assert.equal(await get('drafts.trip-1'), undefined)
    assert.ok(await get('trip-1'))
    const error = await rejection(t.editor.action({ actionType: 'sanity.action.document.discard', draftId: 'drafts.trip-1' }))
    assert.equal(error.statusCode, 409)
  })

  test('unpublish moves the published document to a draft', async () => {
    await t.editor.action({ actionType: 'sanity.action.document.unpublish', draftId: 'drafts.trip-1', publishedId: 'trip-1' })
    assert.equal(await get('trip-1'), undefined)
    assert.equal((await get('drafts.trip-1'))?.title, 'Edited')
  })

  test('replaceDraft and delete (with drafts)', async () => {
    await t.editor.action({
      actionType: 'sanity.action.document.replaceDraft',
      publishedId: 'trip-1',
      attributes: { _id: 'drafts.trip-1', _type: 'trip', title: 'Restored' },
    })
    assert.equal((await get('drafts.trip-1'))?.title, 'Restored')
    const unlisted = await rejection(t.editor.action({ actionType: 'sanity.action.document.delete', publishedId: 'trip-1', includeDrafts: [] }))
    assert.equal(unlisted.statusCode, 409, 'an existing draft must be listed')
    await t.editor.action({ actionType: 'sanity.action.document.delete', publishedId: 'trip-1', includeDrafts: ['drafts.trip-1'] })
    assert.equal(await get('drafts.trip-1'), undefined)
  })

  test('several actions are one transaction: a failure undoes the others', async () => {
    const error = await rejection(
      t.editor.action([
        { actionType: 'sanity.action.document.create', publishedId: 'trip-2', attributes: { _id: 'drafts.trip-2', _type: 'trip' }, ifExists: 'fail' },
        { actionType: 'sanity.action.document.discard', draftId: 'drafts.nothing' },
      ]),
    )
    assert.equal(error.statusCode, 409)
    assert.equal(await get('drafts.trip-2'), undefined)
  })

  test('unknown action types and bad ids are 400s', async () => {
    const unknown = await rejection(t.editor.action({ actionType: 'sanity.action.nope' } as never))
    assert.equal(unknown.statusCode, 400)
    const mismatch = await rejection(t.editor.action({ actionType: 'sanity.action.document.edit', draftId: 'drafts.other', publishedId: 'trip-1', patch: {} }))
    assert.equal(mismatch.statusCode, 400)
  })
})
