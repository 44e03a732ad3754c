/**
 * Review before publish, enforced by the lake: real lakes over HTTP, real @sanity/client writes.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createToken } from '../../lake/index'
import { clientFor, rejection, startTestLake } from './helpers'
import type { TestLake } from './helpers'
import { description, workflowApi, type Json } from './workflow-helpers'

describe('review before publish (review required)', () => {
  let t: TestLake
  let call: ReturnType<typeof workflowApi>
  let second: string
  before(async () => {
    t = await startTestLake({ reviewRequired: true })
    call = workflowApi(t)
    second = createToken({ dir: t.dir, role: 'editor', label: 'second-editor' }).token
  })
  after(() => t.stop())

  const publish = (client = t.editor) => client.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.trip-r', publishedId: 'trip-r' })
  const act = (token: string, action: string, extra: Json = {}) => call(token, 'POST', '/data/workflow/production', { documentId: 'trip-r', action, ...extra })

  test('an unapproved draft cannot be published, through the Actions API or the Mutation API', async () => {
    await t.editor.action({
      actionType: 'sanity.action.document.create',
      publishedId: 'trip-r',
      attributes: { _id: 'drafts.trip-r', _type: 'trip', title: 'Visit to Oslo' },
      ifExists: 'fail',
    })
    const refused = await rejection(publish())
    assert.equal(refused.statusCode, 409)
    assert.match(refused.message, /Review required: "trip-r" cannot be published because its draft is Draft, not Approved/)
    const viaMutate = await rejection(t.editor.createOrReplace({ _id: 'trip-r', _type: 'trip', title: 'Sneaked out' }))
    assert.equal(viaMutate.statusCode, 409)
    const viaAdmin = await rejection(publish(t.admin))
    assert.equal(viaAdmin.statusCode, 409, 'administrators publish unapproved work only by force, with a reason')
    assert.equal(await t.viewer.getDocument('trip-r'), undefined)
  })

  test('the author of the last change cannot approve it; another editor can', async () => {
    const submitted = await act(t.tokens.editor, 'submit')
    assert.equal(submitted.status, 200)
    assert.equal(submitted.body.status, 'inReview')
    const own = await act(t.tokens.editor, 'approve')
    assert.equal(own.status, 403)
    assert.match(description(own.body), /You made the last change to this document, so someone else must approve it/)
    const approved = await act(second, 'approve')
    assert.equal(approved.status, 200)
    assert.equal(approved.body.status, 'approved')
  })

  test('an edit after approval returns the document to Draft', async () => {
    await t.editor.action({ actionType: 'sanity.action.document.edit', draftId: 'drafts.trip-r', publishedId: 'trip-r', patch: { set: { title: 'Visit to Oslo and Bergen' } } })
    const described = await call(t.tokens.viewer, 'GET', '/data/workflow/production/documents/trip-r')
    assert.equal(described.body.status, 'draft')
    assert.equal((await rejection(publish())).statusCode, 409)
  })

  test('once approved, the publish goes through and is recorded', async () => {
    await act(t.tokens.editor, 'submit')
    await act(second, 'approve')
    await publish()
    const doc = await t.anonymous.getDocument('trip-r')
    assert.equal(doc?.title, 'Visit to Oslo and Bergen')
    const described = await call(t.tokens.viewer, 'GET', '/data/workflow/production/documents/trip-r')
    assert.equal(described.body.status, 'published')
    const log = ((described.body.state as Json).log as Json[]).map((entry) => entry.action)
    assert.deepEqual(log, ['submit', 'approve', 'submit', 'approve', 'publish'])
  })

  test('rejecting sends the draft back with the reviewer’s reason', async () => {
    await t.editor.action({ actionType: 'sanity.action.document.edit', draftId: 'drafts.trip-r', publishedId: 'trip-r', patch: { set: { title: 'Typo' } } })
    await act(t.tokens.editor, 'submit')
    const rejected = await act(second, 'reject', { reason: 'Title is wrong' })
    assert.equal(rejected.body.status, 'changesRequested')
    assert.equal((rejected.body.state as Json).reason, 'Title is wrong')
    assert.equal((await rejection(publish())).statusCode, 409)
  })

  test('force publish: administrators only, with a recorded reason', async () => {
    const byEditor = await act(t.tokens.editor, 'forcePublish', { reason: 'urgent' })
    assert.equal(byEditor.status, 403)
    const noReason = await act(t.tokens.admin, 'forcePublish')
    assert.equal(noReason.status, 400)
    assert.match(description(noReason.body), /"reason" is required/)
    const forced = await act(t.tokens.admin, 'forcePublish', { reason: 'Correction ordered by the spokesperson' })
    assert.equal(forced.status, 200)
    assert.equal((await t.anonymous.getDocument('trip-r'))?.title, 'Typo')
    const last = ((forced.body.state as Json).log as Json[]).at(-1)
    assert.equal(last?.action, 'forcePublish')
    assert.equal(last?.reason, 'Correction ordered by the spokesperson')
  })

  test('workflow state is the lake’s: not writable through the API, not readable anonymously', async () => {
    const forged = await rejection(t.editor.createOrReplace({ _id: 'workflow.trip-r', _type: 'system.workflow', documentId: 'trip-r', status: 'approved', revision: 'x', log: [], updatedAt: '' }))
    assert.equal(forged.statusCode, 403)
    assert.equal(await t.anonymous.fetch('*[_id == "workflow.trip-r"][0]'), null)
    assert.equal(await t.viewer.fetch('*[_id == "workflow.trip-r"][0].status'), 'published')
    assert.equal((await call(undefined, 'GET', '/data/workflow/production/documents/trip-r')).status, 401)
    const bad = await call(t.tokens.editor, 'POST', '/data/workflow/production', { documentId: 'trip-r', action: 'bless' })
    assert.equal(bad.status, 400)
  })

  test('drafts are not held by review', async () => {
    await t.editor.create({ _id: 'drafts.note-1', _type: 'topic', title: 'Draft only' })
    assert.equal((await t.viewer.getDocument('drafts.note-1'))?.title, 'Draft only')
  })
})

describe('review settings', () => {
  let t: TestLake
  let call: ReturnType<typeof workflowApi>
  before(async () => {
    t = await startTestLake()
    call = workflowApi(t)
  })
  after(() => t.stop())

  test('off by default in the test harness; an administrator switches it on per dataset', async () => {
    assert.deepEqual((await call(t.tokens.viewer, 'GET', '/data/workflow/production/settings')).body, { reviewRequired: false, reviewTypes: [] })
    await t.editor.createOrReplace({ _id: 'topic-1', _type: 'topic', title: 'Published directly' })
    assert.equal((await call(t.tokens.editor, 'PUT', '/data/workflow/production/settings', { reviewRequired: true })).status, 403)
    assert.equal((await call(t.tokens.admin, 'PUT', '/data/workflow/production/settings', { reviewRequired: 'yes' })).status, 400)
    const on = await call(t.tokens.admin, 'PUT', '/data/workflow/production/settings', { reviewRequired: true })
    assert.equal(on.body.reviewRequired, true)
    const refused = await rejection(t.editor.createOrReplace({ _id: 'topic-1', _type: 'topic', title: 'Now held' }))
    assert.equal(refused.statusCode, 409)
    assert.equal((await t.viewer.getDocument('topic-1'))?.title, 'Published directly')
    // Another dataset keeps the default.
    await clientFor(t.lake, t.tokens.editor, 'staging').createOrReplace({ _id: 'topic-1', _type: 'topic', title: 'Staging' })
  })
})
