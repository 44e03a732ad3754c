/**
 * Schedules and embargo lifts as Content Releases (editorial/release-schedule.ts), made with the
 * real `@sanity/client` against a lake with the editorial plugin and review required: a trip with
 * its meeting, its fact and a new official goes into one scheduled release and publishes at the
 * lift in one transaction, nothing of it before, not even when the release is run early; review
 * holds for a release's versions (an approved draft's copy is approved, an edited version is not);
 * cancel archives the release.
 *
 * Time is the lake's manual clock, moved through its own endpoint.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { manualClock } from '../../lake/clock'
import { createToken } from '../../lake/index'
import { cancelRelease, documentsToSchedule, releasesOf, scheduleAsRelease } from '../../editorial/release-schedule'
import { clientFor, rejection, startTestLake, type TestLake } from './helpers'
import { description, workflowApi, type Json, type WorkflowCall } from './workflow-helpers'

const HOUR = 3_600_000

describe('schedules and embargoes as Content Releases', () => {
  let t: TestLake
  let call: WorkflowCall
  let reviewer: string
  const clock = manualClock()
  const ahead = (ms: number) => new Date(clock.now() + ms).toISOString()

  async function advance(ms: number) {
    const response = await fetch(`${t.lake.httpUrl}/v1/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: ms }),
    })
    assert.equal(response.status, 200, await response.text())
  }

  async function createDraft(doc: Json & { _id: string; _type: string }) {
    await t.editor.action({ actionType: 'sanity.action.document.create', publishedId: doc._id, attributes: { ...doc, _id: `drafts.${doc._id}` }, ifExists: 'fail' })
  }

  async function approve(id: string) {
    assert.equal((await call(t.tokens.editor, 'POST', '/data/workflow/production', { documentId: id, action: 'submit' })).status, 200)
    const approved = await call(reviewer, 'POST', '/data/workflow/production', { documentId: id, action: 'approve' })
    assert.equal(approved.status, 200, description(approved.body))
  }

  before(async () => {
    t = await startTestLake({ schedulerIntervalMs: 60_000, clock, reviewRequired: true })
    call = workflowApi(t)
    reviewer = createToken({ dir: t.dir, role: 'editor', label: 'reviewer' }).token
  })
  after(() => t.stop())

  test('an embargoed trip, its meeting, its fact and a new official publish together at the lift, and nothing before', async () => {
    const lift = ahead(HOUR)
    // A published official the trip also names is not part of its group.
    await createDraft({ _id: 'official-known', _type: 'official', name: 'Known' })
    await approve('official-known')
    await t.editor.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.official-known', publishedId: 'official-known' })
    await createDraft({ _id: 'fact-r', _type: 'factBullet', text: 'Exports rose 12% in 2025.' })
    await createDraft({ _id: 'official-r', _type: 'official', name: 'New Envoy' })
    await createDraft({
      _id: 'trip-r',
      _type: 'trip',
      title: 'Embargoed visit',
      embargoUntil: lift,
      officials: [
        { _key: 'o1', _type: 'reference', _ref: 'official-r', _weak: true },
        { _key: 'o2', _type: 'reference', _ref: 'official-known', _weak: true },
      ],
      factSections: [{ _key: 's1', _type: 'factSection', heading: 'Trade', bullets: [{ _key: 'b1', _type: 'reference', _ref: 'fact-r', _weak: true }] }],
    })
    await createDraft({ _id: 'meeting-r', _type: 'meeting', title: 'Talks', trip: { _type: 'reference', _ref: 'trip-r', _weak: true } })
    const group = ['trip-r', 'meeting-r', 'fact-r', 'official-r']
    for (const id of group) await approve(id)

    const ids = await documentsToSchedule(t.editor, 'trip-r', 'trip')
    assert.deepEqual([...ids].sort(), [...group].sort())
    const releaseId = await scheduleAsRelease(t.editor, { title: 'Embargo lift: Embargoed visit', documentIds: ids, publishAt: lift })

    const release = await t.editor.releases.get({ releaseId })
    assert.equal(release?.state, 'scheduled')
    assert.equal(release?.publishAt, lift)
    assert.equal(release?.metadata.releaseType, 'scheduled')
    const versions = await t.editor.fetch<string[]>('*[sanity::partOfRelease($releaseId)]._id', { releaseId }, { perspective: 'raw' })
    assert.deepEqual([...versions].sort(), group.map((id) => `versions.${releaseId}.${id}`).sort())
    // The Studio's dialog finds it from any of the documents.
    const listed = await releasesOf(t.editor, 'meeting-r')
    assert.deepEqual(
      listed.map((row) => [row.releaseId, row.state, row.publishAt]),
      [[releaseId, 'scheduled', lift]],
    )

    // Locked: running the release before the lift is refused, and so is each document's own publish.
    const early = await rejection(t.editor.releases.publish({ releaseId }))
    assert.equal(early.statusCode, 409)
    assert.match(early.message, /embargoed until/)
    for (const id of group) {
      const refused = await rejection(t.editor.action({ actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id }))
      assert.equal(refused.statusCode, 409, id)
      assert.match(refused.message, /embargoed until/, id)
    }
    const forced = await call(t.tokens.admin, 'POST', '/data/workflow/production', { documentId: 'trip-r', action: 'forcePublish', reason: 'leak' })
    assert.equal(forced.status, 409, 'not even an administrator publishes before the lift')
    assert.deepEqual(await t.anonymous.fetch('*[_id in $ids]._id', { ids: group }), [])
    assert.deepEqual(await t.anonymous.fetch('*[_id in path("_.releases.**") || _id in path("versions.**")]._id', {}, { perspective: 'raw' }), [], 'anonymous readers see no release')

    await advance(HOUR - 60_000)
    assert.deepEqual(await t.anonymous.fetch('*[_id in $ids]._id', { ids: group }), [], 'a minute before the lift, nothing')

    await advance(61_000)
    const published = await t.anonymous.fetch<{ _id: string; _rev: string }[]>('*[_id in $ids]{_id, _rev}', { ids: group })
    assert.equal(published.length, 4)
    assert.equal(new Set(published.map((doc) => doc._rev)).size, 1, 'one transaction')
    assert.equal((await t.editor.releases.get({ releaseId }))?.state, 'published')
    // As on hosted Sanity, the drafts stay; the review record says the trip went public at the lift.
    const state = await call(t.tokens.editor, 'GET', '/data/workflow/production/documents/trip-r')
    assert.equal((state.body.state as Json).status, 'published')
    assert.equal(((state.body.state as Json).log as Json[]).at(-1)?.action, 'scheduledPublish')
  })

  test('review holds for versions: an edited version is refused at its time, and the release says why', async () => {
    await createDraft({ _id: 'topic-v', _type: 'topic', title: 'Climate' })
    await approve('topic-v')
    const releaseId = await scheduleAsRelease(t.editor, { title: 'Climate', documentIds: ['topic-v'], publishAt: ahead(60_000) })
    // Unscheduled, edited in the release, scheduled again: the version is no longer what was approved.
    await t.editor.releases.unschedule({ releaseId })
    await t.editor.patch(`versions.${releaseId}.topic-v`).set({ title: 'Climate (unreviewed)' }).commit()
    await t.editor.releases.schedule({ releaseId, publishAt: ahead(60_000) })
    await advance(61_000)
    const failed = await t.editor.releases.get({ releaseId })
    assert.equal(failed?.state, 'active')
    assert.match(String(failed?.error?.message), /Review required: "topic-v" cannot be published from release .* not an approved revision/)
    assert.equal(await t.anonymous.getDocument('topic-v'), undefined)
  })

  test('a draft approved after it was scheduled approves the same content in the release', async () => {
    await createDraft({ _id: 'topic-w', _type: 'topic', title: 'Energy' })
    const releaseId = await scheduleAsRelease(t.editor, { title: 'Energy', documentIds: ['topic-w'], publishAt: ahead(60_000) })
    await approve('topic-w')
    await advance(61_000)
    assert.equal((await t.editor.releases.get({ releaseId }))?.state, 'published')
    assert.equal((await t.anonymous.getDocument('topic-w'))?.title, 'Energy')
  })

  test('cancel unschedules and archives the release; nothing publishes, the draft stays', async () => {
    await createDraft({ _id: 'topic-c', _type: 'topic', title: 'Trade' })
    await approve('topic-c')
    const releaseId = await scheduleAsRelease(t.editor, { title: 'Trade', documentIds: ['topic-c'], publishAt: ahead(60_000) })
    await cancelRelease(t.editor, releaseId)
    assert.equal((await t.editor.releases.get({ releaseId }))?.state, 'archived')
    assert.deepEqual(await releasesOf(t.editor, 'topic-c').then((rows) => rows.map((row) => row.state)), ['archived'])
    await advance(61_000)
    assert.equal(await t.anonymous.getDocument('topic-c'), undefined)
    assert.equal((await t.editor.getDocument('drafts.topic-c'))?.title, 'Trade')
  })

  test('scheduling with nothing to publish, or a viewer scheduling, is refused and leaves no release', async () => {
    await assert.rejects(scheduleAsRelease(t.editor, { title: 'Empty', documentIds: [], publishAt: ahead(60_000) }), /Nothing to schedule/)
    const viewer = clientFor(t.lake, t.tokens.viewer)
    const refused = await rejection(scheduleAsRelease(viewer, { title: 'No', documentIds: ['topic-c'], publishAt: ahead(60_000), releaseId: 'rviewer01' }))
    assert.equal(refused.statusCode, 403)
    assert.equal(await t.editor.releases.get({ releaseId: 'rviewer01' }), undefined)
  })
})
