/**
 * Trust, promise 3: atomicity and conflicts.
 *
 * - A transaction that fails at its last step writes nothing (mutations and actions alike).
 * - Concurrent edits guarded by the same revision (`ifRevisionID`, `ifDraftRevisionId`) give
 *   exactly one winner; every other writer gets a 409 whose message says what happened.
 * - That message is what the Studio shows: on a failed document operation it pushes the toast
 *   "An error occurred during {operation}" with the client error's message under "Details"
 *   (sanity/structure DocumentOperationResults), and @sanity/client builds that message from the
 *   item descriptions asserted here.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { rejection, startTestLake } from '../lake/helpers'
import type { TestLake } from '../lake/helpers'
import { fingerprint } from './helpers'

describe('atomicity and conflicts', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake({ reviewRequired: false })
    await t.editor.createOrReplace({ _id: 'story', _type: 'note', title: 'First', count: 0 })
  })
  after(() => t.stop())

  test('a mutation transaction failing at its last step leaves no partial write', async () => {
    const before = fingerprint(t.dir)
    const error = await rejection(
      t.editor
        .transaction()
        .create({ _id: 'partial-a', _type: 'note' })
        .patch('story', (patch) => patch.set({ title: 'Changed' }))
        .createOrReplace({ _id: 'partial-b', _type: 'note' })
        .patch('does-not-exist', (patch) => patch.set({ title: 'x' }))
        .commit(),
    )
    assert.equal(error.statusCode, 409)
    assert.match(error.message, /Cannot modify nonexistent document "does-not-exist"/)
    assert.equal(fingerprint(t.dir), before)
    assert.equal(await t.viewer.fetch('count(*[_id in ["partial-a", "partial-b"]])'), 0)
    assert.equal(await t.viewer.fetch('*[_id == "story"][0].title'), 'First')
  })

  test('an actions request failing at its last action leaves no partial write', async () => {
    const before = fingerprint(t.dir)
    const error = await rejection(
      t.editor.action([
        { actionType: 'sanity.action.document.create', publishedId: 'partial-c', attributes: { _id: 'drafts.partial-c', _type: 'note' }, ifExists: 'fail' },
        { actionType: 'sanity.action.document.publish', draftId: 'drafts.nothing-here', publishedId: 'nothing-here' },
      ]),
    )
    assert.ok(error.statusCode === 409 || error.statusCode === 400, `status ${error.statusCode}`)
    assert.match(error.message, /Action\(s\) failed/)
    assert.equal(fingerprint(t.dir), before)
  })

  test('ten concurrent edits of the same revision: exactly one wins, nine get a clear 409', async () => {
    const current = await t.viewer.getDocument<{ _rev: string }>('story')
    assert.ok(current)
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        t.editor
          .patch('story')
          .ifRevisionId(current._rev)
          .set({ title: `Edit ${index}` })
          .inc({ count: 1 })
          .commit(),
      ),
    )
    const winners = attempts.flatMap((attempt, index) => (attempt.status === 'fulfilled' ? [index] : []))
    const losers = attempts.flatMap((attempt) => (attempt.status === 'rejected' ? [attempt.reason as Error & { statusCode?: number }] : []))
    assert.equal(winners.length, 1)
    assert.equal(losers.length, 9)
    for (const loser of losers) {
      assert.equal(loser.statusCode, 409)
      // The text the Studio's error toast shows under "Details".
      assert.match(loser.message, /Mutation\(s\) failed with 1 error\(s\)[\s\S]*Document "story" has unexpected revision ID/)
    }
    const after = await t.viewer.getDocument<{ title: string; count: number; _rev: string }>('story')
    assert.equal(after?.title, `Edit ${winners[0]}`)
    assert.equal(after?.count, 1, 'only the winner incremented')
    assert.notEqual(after?._rev, current._rev)
  })

  test('two publishes of the same draft revision: one wins, the other gets a 409', async () => {
    await t.editor.createOrReplace({ _id: 'drafts.memo', _type: 'note', title: 'Memo v1' })
    const draft = await t.viewer.getDocument<{ _rev: string }>('drafts.memo')
    assert.ok(draft)
    const publish = () => t.editor.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.memo', publishedId: 'memo', ifDraftRevisionId: draft._rev })
    const results = await Promise.allSettled([publish(), publish(), publish()])
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1)
    for (const result of results) {
      if (result.status === 'rejected') assert.equal((result.reason as { statusCode?: number }).statusCode, 409)
    }
    assert.equal(await t.viewer.fetch('*[_id == "memo"][0].title'), 'Memo v1')
  })

  test('eight racing creates of one id: one document, seven clear 409s', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, index) => t.editor.create({ _id: 'raced', _type: 'note', by: index })))
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1)
    const conflicts = results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason as Error & { statusCode?: number })
    assert.ok(conflicts.every((error) => error.statusCode === 409 && /already exists/.test(error.message)))
  })
})
