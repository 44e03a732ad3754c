/**
 * Embargoes and scheduled publishing in the lake: a trip with its meetings and facts goes public
 * at the lift in one transaction, nothing of it before; an unapproved schedule does not fire and
 * says why; schedules survive a restart of the lake.
 *
 * Time is the lake's manual clock (lake/clock.ts): schedules are set an hour ahead of lake time
 * and fall due when the test moves the clock, never by waiting for the wall clock.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { manualClock, type Clock } from '../../lake/clock'
import { createToken } from '../../lake/index'
import { clientFor, rejection, startTestLake, type TestLake } from './helpers'
import { description, eventually, workflowApi, type Json, type WorkflowCall } from './workflow-helpers'

const HOUR = 3_600_000

/** An instant `ms` ahead of `clock`'s lake time, as the API takes it. */
const ahead = (clock: Clock, ms: number) => new Date(clock.now() + ms).toISOString()

/** Moves lake time forward through the lake's own endpoint; it answers once what fell due ran. */
async function advance(t: TestLake, ms: number) {
  const response = await fetch(`${t.lake.httpUrl}/v1/clock`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  })
  assert.equal(response.status, 200, await response.text())
}

async function createDraft(t: TestLake, doc: Json & { _id: string; _type: string }) {
  await t.editor.action({
    actionType: 'sanity.action.document.create',
    publishedId: doc._id,
    attributes: { ...doc, _id: `drafts.${doc._id}` },
    ifExists: 'fail',
  })
}

/** Submitted by the editor, approved by a second editor (never the last editor). */
async function approve(call: WorkflowCall, editor: string, reviewer: string, id: string) {
  assert.equal((await call(editor, 'POST', '/data/workflow/production', { documentId: id, action: 'submit' })).status, 200)
  const approved = await call(reviewer, 'POST', '/data/workflow/production', { documentId: id, action: 'approve' })
  assert.equal(approved.status, 200, description(approved.body))
}

describe('embargo and schedules', () => {
  let t: TestLake
  let call: WorkflowCall
  let reviewer: string
  const clock = manualClock()
  const inSeconds = (seconds: number) => ahead(clock, seconds * 1000)
  before(async () => {
    // The interval is long: only a move of the clock may make anything due.
    t = await startTestLake({ schedulerIntervalMs: 60_000, clock })
    call = workflowApi(t)
    reviewer = createToken({ dir: t.dir, role: 'editor', label: 'reviewer' }).token
  })
  after(() => t.stop())

  test('nothing of an embargoed trip can be published before the lift, not even by force', async () => {
    const lift = ahead(clock, HOUR)
    await createDraft(t, { _id: 'fact-e', _type: 'factBullet', text: 'Trade rose 12% in 2025.' })
    await createDraft(t, {
      _id: 'trip-e',
      _type: 'trip',
      title: 'Embargoed visit',
      slug: { _type: 'slug', current: 'embargoed-visit' },
      embargoUntil: lift,
      factSections: [{ _key: 's1', _type: 'factSection', heading: 'Trade', bullets: [{ _key: 'b1', _type: 'reference', _ref: 'fact-e', _weak: true }] }],
    })
    await createDraft(t, { _id: 'meeting-e', _type: 'meeting', title: 'Talks', trip: { _type: 'reference', _ref: 'trip-e', _weak: true } })
    for (const id of ['trip-e', 'meeting-e', 'fact-e']) await approve(call, t.tokens.editor, reviewer, id)

    for (const id of ['trip-e', 'meeting-e', 'fact-e']) {
      const refused = await rejection(t.editor.action({ actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id }))
      assert.equal(refused.statusCode, 409, id)
      assert.match(refused.message, /embargoed until/)
    }
    const forced = await call(t.tokens.admin, 'POST', '/data/workflow/production', { documentId: 'trip-e', action: 'forcePublish', reason: 'leak' })
    assert.equal(forced.status, 409)

    const scheduled = await call(t.tokens.editor, 'POST', '/data/schedules/production', { kind: 'embargo', documentIds: ['trip-e'], publishAt: lift })
    assert.equal(scheduled.status, 200, description(scheduled.body))
    const early = await call(t.tokens.editor, 'POST', '/data/schedules/production', { kind: 'embargo', documentIds: ['trip-e'], publishAt: inSeconds(1) })
    assert.equal(early.status, 400)
    assert.match(description(early.body), /cannot be before the trip's embargo/)

    assert.deepEqual(await t.anonymous.fetch('*[_id in ["trip-e", "meeting-e", "fact-e"]]._id'), [])
    // A minute before the lift, still nothing.
    await advance(t, HOUR - 60_000)
    assert.deepEqual(await t.anonymous.fetch('*[_id in ["trip-e", "meeting-e", "fact-e"]]._id'), [])

    // At the lift: all three, in one transaction, by the time the clock's move is answered.
    await advance(t, 61_000)
    const published = await t.anonymous.fetch<{ _id: string; _rev: string }[]>('*[_id in ["trip-e", "meeting-e", "fact-e"]]{_id, _rev}')
    assert.equal(published.length, 3)
    assert.equal(new Set(published.map((doc) => doc._rev)).size, 1, 'one transaction')
    assert.deepEqual(await t.viewer.fetch('*[_id in path("drafts.**") && _id match "*-e"]._id'), [])
    const schedule = (scheduled.body.schedule as Json)._id as string
    const done = await t.viewer.getDocument(schedule)
    assert.equal(done?.state, 'succeeded')
    assert.ok(Date.parse(String(done?.executedAt)) >= Date.parse(lift))
  })

  test('a schedule that is not approved by its time does not publish, and says why', async () => {
    await createDraft(t, { _id: 'topic-s', _type: 'topic', title: 'Climate' })
    await createDraft(t, { _id: 'topic-t', _type: 'topic', title: 'Energy' })
    await approve(call, t.tokens.editor, reviewer, 'topic-s')
    const scheduled = await call(t.tokens.editor, 'POST', '/data/schedules/production', { documentIds: ['topic-s', 'topic-t'], publishAt: inSeconds(60) })
    const id = (scheduled.body.schedule as Json)._id as string
    assert.equal((await t.viewer.getDocument(id))?.state, 'scheduled')
    await advance(t, 61_000)
    const failed = await t.viewer.getDocument(id)
    assert.equal(failed?.state, 'failed')
    assert.match(String(failed?.failureReason), /every document must be approved by .*"Energy" \(topic-t\) is Draft/)
    assert.deepEqual(await t.anonymous.fetch('*[_id in ["topic-s", "topic-t"]]._id'), [], 'all or nothing')
    // The owner sees the failure next to the document.
    const described = await call(t.tokens.editor, 'GET', '/data/workflow/production/documents/topic-s')
    assert.equal(((described.body.schedules as Json[])[0] as Json).state, 'failed')
  })

  test('schedules can be cancelled; bad input changes nothing', async () => {
    await createDraft(t, { _id: 'topic-c', _type: 'topic', title: 'Cancelled' })
    const scheduled = await call(t.tokens.editor, 'POST', '/data/schedules/production', { documentIds: ['topic-c'], publishAt: inSeconds(3600) })
    const id = (scheduled.body.schedule as Json)._id as string
    assert.equal((await call(t.tokens.editor, 'POST', `/data/schedules/production/${id}/cancel`)).status, 200)
    assert.equal((await t.viewer.getDocument(id))?.state, 'cancelled')
    assert.equal((await call(t.tokens.editor, 'POST', `/data/schedules/production/${id}/cancel`)).status, 409)
    for (const body of [
      { documentIds: [], publishAt: inSeconds(5) },
      { documentIds: ['topic-c'], publishAt: 'soon' },
      { documentIds: ['nope'], publishAt: inSeconds(5) },
    ]) {
      const response = await call(t.tokens.editor, 'POST', '/data/schedules/production', body)
      assert.ok(response.status === 400 || response.status === 409, JSON.stringify(response.body))
    }
    assert.equal((await call(t.tokens.viewer, 'POST', '/data/schedules/production', { documentIds: ['topic-c'], publishAt: inSeconds(5) })).status, 403)
    assert.equal(await t.viewer.fetch('count(*[_type == "system.schedule"])'), 3)
  })
})

describe('a schedule across a lake restart', () => {
  test('a lift that falls while the lake is down runs when it comes back', async () => {
    const first = await startTestLake({ schedulerIntervalMs: 100 })
    const dir = first.dir
    const call = workflowApi(first)
    const reviewer = createToken({ dir, role: 'editor', label: 'reviewer' }).token
    await createDraft(first, { _id: 'topic-r', _type: 'topic', title: 'Across a restart' })
    await approve(call, first.tokens.editor, reviewer, 'topic-r')
    const publishAt = new Date(Date.now() + HOUR).toISOString()
    const scheduled = await call(first.tokens.editor, 'POST', '/data/schedules/production', { documentIds: ['topic-r'], publishAt })
    const id = (scheduled.body.schedule as Json)._id as string
    await first.stop({ keepDir: true })

    // The lake comes back after the lift: its clock is an hour and a second later.
    const later = manualClock()
    later.advance?.(HOUR + 1000)
    const second = await startTestLake({ dir, schedulerIntervalMs: 100, clock: later })
    try {
      const doc = await eventually(async () => (await second.anonymous.getDocument('topic-r')) ?? undefined)
      assert.equal(doc.title, 'Across a restart')
      const schedule = await second.viewer.getDocument(id)
      assert.equal(schedule?.state, 'succeeded')
      assert.ok(Date.parse(String(schedule?.executedAt)) > Date.parse(publishAt) + 500, 'ran late, after the restart')
      assert.equal(await clientFor(second.lake, second.tokens.viewer).getDocument('drafts.topic-r'), undefined)
    } finally {
      await second.stop()
    }
  })
})
