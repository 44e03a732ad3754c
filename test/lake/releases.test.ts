/**
 * Content Releases on the lake, through the real @sanity/client over HTTP: release documents,
 * versions, the release actions, release-stack perspectives, scheduling by the lake's clock,
 * read access and the events listeners get.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { ListenEvent, SanityClient } from '@sanity/client'
import { manualClock } from '../../lake/clock'
import { rejection, startTestLake } from './helpers'
import type { TestLake } from './helpers'

type Doc = Record<string, unknown>

const raw = { perspective: 'raw' } as const

/** Everything in the dataset as an administrator sees it raw: what "nothing changed" is checked against. */
async function snapshot(t: TestLake): Promise<unknown> {
  return t.admin.fetch('*{...}', {}, raw)
}

/** The body of a failed action: its HTTP status and the failing item's error type. */
function failure(error: Error & { statusCode?: number; response?: { body?: unknown } }): { status?: number; type?: string } {
  const body = error.response?.body as { error?: { type?: string; items?: { error?: { type?: string } }[] } } | undefined
  return { status: error.statusCode, type: body?.error?.items?.[0]?.error?.type ?? body?.error?.type }
}

async function moveClock(t: TestLake, advanceMs: number): Promise<void> {
  const response = await fetch(`${t.lake.httpUrl}/v1/clock`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs }),
  })
  assert.equal(response.status, 200, await response.text())
}

async function lakeNow(t: TestLake): Promise<number> {
  const told = (await (await fetch(`${t.lake.httpUrl}/v1/clock`)).json()) as { now: string }
  return Date.parse(told.now)
}

/** Listener events collected until the test has seen what it waits for. */
function collect(client: SanityClient, query: string, options: Record<string, unknown>) {
  const events: ListenEvent<Doc>[] = []
  const subscription = client.listen(query, {}, { events: ['welcome', 'mutation'], ...options } as never).subscribe((event) => {
    events.push(event as ListenEvent<Doc>)
  })
  return {
    events,
    stop: () => subscription.unsubscribe(),
    async until(done: (events: ListenEvent<Doc>[]) => boolean, timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs
      while (!done(events)) {
        if (Date.now() > deadline) throw new Error(`Timed out; events so far: ${JSON.stringify(events)}`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    },
  }
}

const mutationIds = (events: ListenEvent<Doc>[]) => events.flatMap((event) => (event.type === 'mutation' ? [event.documentId] : []))

describe('releases', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake({ clock: manualClock() })
    await t.editor
      .transaction()
      .createOrReplace({ _id: 'trip-1', _type: 'trip', title: 'Paris' })
      .createOrReplace({ _id: 'trip-2', _type: 'trip', title: 'Rome' })
      .createOrReplace({ _id: 'drafts.trip-2', _type: 'trip', title: 'Rome (draft)' })
      .commit()
  })
  after(() => t.stop())

  test('a created release is a system.release document at _.releases.<id>, active', async () => {
    const created = await t.editor.releases.create({ releaseId: 'spring', metadata: { title: 'Spring visit', releaseType: 'asap' } })
    assert.equal(created.releaseId, 'spring')
    const release = await t.editor.releases.get({ releaseId: 'spring' })
    assert.equal(release?._id, '_.releases.spring')
    assert.equal(release?._type, 'system.release')
    assert.equal(release?.name, 'spring')
    assert.equal(release?.state, 'active')
    assert.deepEqual(release?.metadata, { title: 'Spring visit', releaseType: 'asap' })
    // The Studio's Releases tool lists releases with this filter.
    const listed = await t.editor.fetch('*[_type == "system.release" && _id in path("_.releases.*")]._id', {}, raw)
    assert.deepEqual(listed, ['_.releases.spring'])
  })

  test('versions, queried through a release stack, lie over drafts and published documents', async () => {
    await t.editor.createVersion({ document: { _id: 'versions.spring.trip-1', _type: 'trip', title: 'Paris (spring)' }, publishedId: 'trip-1', releaseId: 'spring' })
    await t.editor.createVersion({ baseId: 'drafts.trip-2', publishedId: 'trip-2', releaseId: 'spring' })
    await t.editor.releases.create({ releaseId: 'summer' })
    await t.editor.createVersion({ document: { _id: 'versions.summer.trip-1', _type: 'trip', title: 'Paris (summer)' }, publishedId: 'trip-1', releaseId: 'summer' })

    const copy = await t.editor.getDocument('versions.spring.trip-2')
    assert.equal(copy?.title, 'Rome (draft)', 'a version from a base copies the base')
    assert.deepEqual((copy as Doc | undefined)?._system, { base: { id: 'drafts.trip-2', rev: (await t.editor.getDocument('drafts.trip-2'))?._rev } })

    const titles = (perspective: string[] | 'published' | 'drafts') => t.editor.fetch('*[_type == "trip"] | order(_id) {_id, _originalId, title}', {}, { perspective } as never)
    assert.deepEqual(await titles(['spring', 'drafts']), [
      { _id: 'trip-1', _originalId: 'versions.spring.trip-1', title: 'Paris (spring)' },
      { _id: 'trip-2', _originalId: 'versions.spring.trip-2', title: 'Rome (draft)' },
    ])
    assert.deepEqual(
      (await titles(['summer', 'spring'])).map((doc: Doc) => doc.title),
      ['Paris (summer)', 'Rome (draft)'],
    )
    assert.deepEqual(
      (await titles(['spring'])).map((doc: Doc) => doc.title),
      ['Paris (spring)', 'Rome (draft)'],
    )
    assert.deepEqual(
      (await titles('published')).map((doc: Doc) => doc.title),
      ['Paris', 'Rome'],
    )
    assert.deepEqual(
      (await titles('drafts')).map((doc: Doc) => doc.title),
      ['Paris', 'Rome (draft)'],
    )
    // The same stack as a comma-separated string in the URL.
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_id == "trip-1"][0].title')}&perspective=summer,spring,drafts`, {
      headers: { authorization: `Bearer ${t.tokens.viewer}` },
    })
    assert.equal(((await response.json()) as { result: unknown }).result, 'Paris (summer)')
    // Every layer of a document by id, as client.getDocument(id, {includeAllVersions}) asks for it.
    const layers = await t.editor.getDocument('trip-2', { includeAllVersions: true })
    assert.deepEqual(
      layers.map((doc) => doc._id),
      ['drafts.trip-2', 'trip-2', 'versions.spring.trip-2'],
    )
    assert.equal((await t.editor.getDocument('trip-1', { releaseId: 'spring' }))?.title, 'Paris (spring)')
    // GROQ's release functions see the versions in raw.
    assert.deepEqual(await t.editor.fetch('*[sanity::partOfRelease("spring")] | order(_id)._id', {}, raw), ['versions.spring.trip-1', 'versions.spring.trip-2'])
    assert.deepEqual(await t.editor.fetch('*[sanity::versionOf("trip-1")] | order(_id)._id', {}, raw), ['trip-1', 'versions.spring.trip-1', 'versions.summer.trip-1'])
  })

  test('anonymous callers see no release, no version, by query, by id or by listener', async () => {
    assert.deepEqual(await t.anonymous.fetch('*[_id in path("_.releases.*") || _id in path("versions.**")]._id', {}, raw), [])
    assert.deepEqual(await t.anonymous.fetch('*[_type == "trip"] | order(_id).title', {}, { perspective: ['spring', 'drafts'] } as never), ['Paris', 'Rome'])
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/doc/production/versions.spring.trip-1,_.releases.spring`)
    const body = (await response.json()) as { documents: unknown[]; omitted: { id: string; reason: string }[] }
    assert.deepEqual(body.documents, [])
    assert.deepEqual(
      body.omitted.map((entry) => entry.reason),
      ['permission', 'permission'],
    )
    assert.deepEqual(
      (await t.anonymous.getDocument('trip-1', { includeAllVersions: true })).map((doc) => doc._id),
      ['trip-1'],
    )

    const anonymous = collect(t.anonymous, '*', { includeAllVersions: true })
    const viewer = collect(t.viewer, '*[_type == "trip"]', { includeAllVersions: true })
    const viewerDefault = collect(t.viewer, '*[_type == "trip"]', {})
    try {
      await Promise.all([anonymous, viewer, viewerDefault].map((listener) => listener.until((events) => events.some((event) => event.type === 'welcome'))))
      await t.editor.action({ actionType: 'sanity.action.document.version.replace', document: { _id: 'versions.summer.trip-1', _type: 'trip', title: 'Paris (late summer)' } })
      await t.editor.patch('trip-2').set({ note: 'marker' }).commit()
      await viewer.until((events) => mutationIds(events).includes('trip-2'))
      await anonymous.until((events) => mutationIds(events).includes('trip-2'))
      await viewerDefault.until((events) => mutationIds(events).includes('trip-2'))
      assert.deepEqual(mutationIds(viewer.events), ['versions.summer.trip-1', 'trip-2'], 'a token holder asking for all versions sees the version change')
      assert.deepEqual(mutationIds(viewerDefault.events), ['trip-2'], 'versions are left out unless asked for, as on Sanity')
      assert.deepEqual(mutationIds(anonymous.events), ['trip-2'], 'anonymous listeners never see versions')
    } finally {
      for (const listener of [anonymous, viewer, viewerDefault]) listener.stop()
    }
  })

  test('publishing a release publishes all its versions at once and keeps the drafts', async () => {
    const live = t.viewer.live.events({ includeDrafts: true })
    const publicLive = t.anonymous.live.events()
    const seen: { drafts: string[]; public: string[] } = { drafts: [], public: [] }
    const subscriptions = [live.subscribe((event) => event.type === 'message' && seen.drafts.push(event.id)), publicLive.subscribe((event) => event.type === 'message' && seen.public.push(event.id))]
    try {
      await new Promise((resolve) => setTimeout(resolve, 200))
      const edit = await t.editor.action({ actionType: 'sanity.action.document.version.replace', document: { _id: 'versions.spring.trip-1', _type: 'trip', title: 'Paris (spring, final)' } })
      const published = await t.editor.releases.publish({ releaseId: 'spring' })
      const deadline = Date.now() + 5000
      while (!(seen.drafts.includes(published.transactionId) && seen.public.includes(published.transactionId)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25))
      assert.ok(seen.drafts.includes(edit.transactionId), 'a version edit is announced to includeDrafts streams')
      assert.ok(!seen.public.includes(edit.transactionId), 'and not to public streams')
      assert.ok(seen.public.includes(published.transactionId), 'the publish is announced to public streams')
    } finally {
      for (const subscription of subscriptions) subscription.unsubscribe()
    }
    assert.deepEqual(await t.anonymous.fetch('*[_type == "trip"] | order(_id).title'), ['Paris (spring, final)', 'Rome (draft)'])
    const both = await t.admin.fetch('*[_id in ["trip-1", "trip-2"]] | order(_id) {_rev}', {}, raw)
    assert.equal(both[0]._rev, both[1]._rev, 'both documents were published in one transaction')
    assert.equal((await t.editor.getDocument('drafts.trip-2'))?.title, 'Rome (draft)', 'the draft stays')
    assert.deepEqual(await t.editor.fetch('*[sanity::partOfRelease("spring")]._id', {}, raw), [])
    const release = await t.editor.releases.get({ releaseId: 'spring' })
    assert.equal(release?.state, 'published')
    assert.equal(typeof release?.publishedAt, 'string')
    assert.deepEqual(release?.finalDocumentStates, [{ id: 'versions.spring.trip-1' }, { id: 'versions.spring.trip-2' }])
    // The Studio shows a published release's documents from history.
    const history = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/history/production/documents/versions.spring.trip-1?lastRevision=true`, { headers: { authorization: `Bearer ${t.tokens.viewer}` } })
    assert.equal(((await history.json()) as { documents: Doc[] }).documents[0]?.title, 'Paris (spring, final)')
  })

  test('a published release takes no new versions and cannot be published again; deleting it removes it', async () => {
    const before = await snapshot(t)
    assert.deepEqual(failure(await rejection(t.editor.createVersion({ document: { _id: 'versions.spring.trip-1', _type: 'trip' }, publishedId: 'trip-1', releaseId: 'spring' }))), {
      status: 409,
      type: 'releaseLockedError',
    })
    assert.deepEqual(failure(await rejection(t.editor.releases.publish({ releaseId: 'spring' }))), { status: 409, type: 'releaseStateError' })
    assert.deepEqual(failure(await rejection(t.editor.releases.archive({ releaseId: 'spring' }))), { status: 409, type: 'releaseStateError' })
    assert.deepEqual(await snapshot(t), before)
    await t.editor.releases.delete({ releaseId: 'spring' })
    assert.equal(await t.editor.releases.get({ releaseId: 'spring' }), undefined)
  })

  test('discarding a version removes it from its release', async () => {
    await t.editor.createVersion({ document: { _id: 'versions.summer.trip-2', _type: 'trip', title: 'Rome (summer)' }, publishedId: 'trip-2', releaseId: 'summer' })
    await t.editor.discardVersion({ releaseId: 'summer', publishedId: 'trip-2' })
    assert.equal(await t.editor.getDocument('versions.summer.trip-2'), undefined)
    assert.deepEqual(await t.editor.fetch('*[sanity::partOfRelease("summer")]._id', {}, raw), ['versions.summer.trip-1'])
  })

  test('a version marked to unpublish deletes the published document when its release publishes', async () => {
    await t.editor.releases.create({ releaseId: 'withdraw' })
    await t.editor.unpublishVersion({ releaseId: 'withdraw', publishedId: 'trip-2' })
    const marked = (await t.editor.getDocument('versions.withdraw.trip-2')) as Doc | undefined
    assert.equal((marked?._system as Doc | undefined)?.delete, true)
    assert.equal(marked?.title, 'Rome (draft)', 'the mark is a copy of the published document (published by the spring release)')
    assert.ok(await t.anonymous.getDocument('trip-2'), 'nothing is unpublished before the release publishes')
    await t.editor.releases.publish({ releaseId: 'withdraw' })
    assert.equal(await t.editor.getDocument('trip-2'), undefined)
    assert.equal((await t.editor.getDocument('drafts.trip-2'))?.title, 'Rome (draft)')
  })

  test('archive removes the versions, unarchive brings them back as they were', async () => {
    await t.editor.releases.create({ releaseId: 'autumn' })
    await t.editor.createVersion({ document: { _id: 'versions.autumn.trip-1', _type: 'trip', title: 'Paris (autumn)' }, publishedId: 'trip-1', releaseId: 'autumn' })
    await t.editor.releases.archive({ releaseId: 'autumn' })
    assert.equal(await t.editor.getDocument('versions.autumn.trip-1'), undefined)
    const archived = await t.editor.releases.get({ releaseId: 'autumn' })
    assert.equal(archived?.state, 'archived')
    assert.deepEqual(archived?.finalDocumentStates, [{ id: 'versions.autumn.trip-1' }])
    assert.deepEqual(failure(await rejection(t.editor.releases.publish({ releaseId: 'autumn' }))), { status: 409, type: 'releaseStateError' })
    assert.deepEqual(failure(await rejection(t.editor.create({ _id: 'versions.autumn.trip-2', _type: 'trip' }))).status, 409, 'an archived release takes no versions through the Mutation API either')

    await t.editor.releases.unarchive({ releaseId: 'autumn' })
    assert.equal((await t.editor.releases.get({ releaseId: 'autumn' }))?.state, 'active')
    assert.equal((await t.editor.getDocument('versions.autumn.trip-1'))?.title, 'Paris (autumn)')
  })

  test('edit changes the metadata only', async () => {
    await t.editor.releases.edit({ releaseId: 'autumn', patch: { set: { metadata: { title: 'Autumn visit', releaseType: 'undecided' } } } })
    assert.deepEqual((await t.editor.releases.get({ releaseId: 'autumn' }))?.metadata, { title: 'Autumn visit', releaseType: 'undecided' })
    const before = await snapshot(t)
    assert.deepEqual(failure(await rejection(t.editor.releases.edit({ releaseId: 'autumn', patch: { set: { state: 'published' } } }))), { status: 400, type: 'validationError' })
    assert.deepEqual(failure(await rejection(t.editor.releases.edit({ releaseId: 'autumn', patch: { set: { 'metadata.releaseType': 'someday' } } }))), { status: 400, type: 'validationError' })
    assert.deepEqual(await snapshot(t), before)
  })

  test('a scheduled release publishes when the lake clock reaches publishAt, and is locked until then', async () => {
    await t.editor.releases.create({ releaseId: 'winter', metadata: { releaseType: 'scheduled' } })
    await t.editor.createVersion({ document: { _id: 'versions.winter.trip-1', _type: 'trip', title: 'Paris (winter)' }, publishedId: 'trip-1', releaseId: 'winter' })
    const publishAt = new Date((await lakeNow(t)) + 60 * 60_000).toISOString()
    await t.editor.releases.schedule({ releaseId: 'winter', publishAt })
    const scheduled = await t.editor.releases.get({ releaseId: 'winter' })
    assert.equal(scheduled?.state, 'scheduled')
    assert.equal(scheduled?.publishAt, publishAt)

    const locked = await rejection(t.editor.action({ actionType: 'sanity.action.document.version.replace', document: { _id: 'versions.winter.trip-1', _type: 'trip', title: 'changed' } }))
    assert.equal(locked.statusCode, 409, 'a scheduled release’s versions cannot change')
    await moveClock(t, 30 * 60_000)
    assert.equal((await t.editor.releases.get({ releaseId: 'winter' }))?.state, 'scheduled', 'not yet due')
    assert.notEqual((await t.anonymous.getDocument('trip-1'))?.title, 'Paris (winter)')

    await moveClock(t, 31 * 60_000)
    const published = await t.editor.releases.get({ releaseId: 'winter' })
    assert.equal(published?.state, 'published')
    assert.equal((await t.anonymous.getDocument('trip-1'))?.title, 'Paris (winter)')
  })

  test('a Scheduled Draft (a release of one document) publishes the draft at its time', async () => {
    // As sanity@5's useScheduleDraftOperations makes one: a release of cardinality "one", a version
    // copied from the draft (guarded by the draft's revision), then the schedule.
    await t.editor.createOrReplace({ _id: 'drafts.trip-1', _type: 'trip', title: 'Paris (scheduled draft)' })
    const draft = await t.editor.getDocument('drafts.trip-1')
    const publishAt = new Date((await lakeNow(t)) + 10 * 60_000)
    await t.editor.releases.create({
      releaseId: 'rDraft1',
      metadata: { title: 'Scheduled publish', description: '', releaseType: 'scheduled', cardinality: 'one', intendedPublishAt: publishAt.toISOString() },
    })
    const stale = await rejection(t.editor.createVersion({ baseId: 'drafts.trip-1', ifBaseRevisionId: 'not-the-revision', publishedId: 'trip-1', releaseId: 'rDraft1' }))
    assert.equal(stale.statusCode, 409, 'a draft changed since it was read is not scheduled')
    await t.editor.createVersion({ baseId: 'drafts.trip-1', ifBaseRevisionId: draft?._rev, publishedId: 'trip-1', releaseId: 'rDraft1' })
    await t.editor.releases.schedule({ releaseId: 'rDraft1', publishAt: publishAt.toISOString() })
    const scheduled = await t.editor.releases.get({ releaseId: 'rDraft1' })
    assert.equal(scheduled?.state, 'scheduled')
    assert.equal(scheduled?.metadata.cardinality, 'one')
    assert.equal((await t.editor.getDocument('versions.rDraft1.trip-1'))?.title, 'Paris (scheduled draft)')
    assert.notEqual((await t.anonymous.getDocument('trip-1'))?.title, 'Paris (scheduled draft)')

    await moveClock(t, 10 * 60_000 + 1_000)
    assert.equal((await t.editor.releases.get({ releaseId: 'rDraft1' }))?.state, 'published')
    assert.equal((await t.anonymous.getDocument('trip-1'))?.title, 'Paris (scheduled draft)')
    assert.equal(await t.editor.getDocument('versions.rDraft1.trip-1'), undefined)
    await t.editor.delete('drafts.trip-1')
  })

  test('a release scheduled at a time already passed publishes at the scheduler’s next tick', async () => {
    await t.editor.releases.create({ releaseId: 'late' })
    await t.editor.createVersion({ document: { _id: 'versions.late.trip-1', _type: 'trip', title: 'Paris (late)' }, publishedId: 'trip-1', releaseId: 'late' })
    // The Studio's permission probe: a dry run at the browser's "now", behind the lake's manual clock.
    await t.editor.releases.schedule({ releaseId: 'late', publishAt: new Date(Date.now() - 1000).toISOString() }, { dryRun: true })
    assert.equal((await t.editor.releases.get({ releaseId: 'late' }))?.state, 'active', 'a dry run changes nothing')
    await t.editor.releases.schedule({ releaseId: 'late', publishAt: new Date((await lakeNow(t)) - 1000).toISOString() })
    await moveClock(t, 1)
    assert.equal((await t.editor.releases.get({ releaseId: 'late' }))?.state, 'published')
    assert.equal((await t.anonymous.getDocument('trip-1'))?.title, 'Paris (late)')
  })

  test('unschedule returns a release to active; it then no longer publishes', async () => {
    await t.editor.releases.create({ releaseId: 'held' })
    await t.editor.createVersion({ document: { _id: 'versions.held.trip-1', _type: 'trip', title: 'Paris (held)' }, publishedId: 'trip-1', releaseId: 'held' })
    await t.editor.releases.schedule({ releaseId: 'held', publishAt: new Date((await lakeNow(t)) + 60_000).toISOString() })
    await t.editor.releases.unschedule({ releaseId: 'held' })
    const active = await t.editor.releases.get({ releaseId: 'held' })
    assert.equal(active?.state, 'active')
    assert.equal(active?.publishAt, undefined)
    await moveClock(t, 120_000)
    assert.equal((await t.editor.releases.get({ releaseId: 'held' }))?.state, 'active')
    assert.notEqual((await t.anonymous.getDocument('trip-1'))?.title, 'Paris (held)')
  })

  test('a release whose documents would break a strong reference fails whole with a 409', async () => {
    await t.editor.releases.create({ releaseId: 'broken' })
    await t.editor.createVersion({ document: { _id: 'versions.broken.trip-1', _type: 'trip', title: 'Paris (broken)' }, publishedId: 'trip-1', releaseId: 'broken' })
    await t.editor.createVersion({ document: { _id: 'versions.broken.stop-1', _type: 'stop', trip: { _type: 'reference', _ref: 'nowhere' } }, publishedId: 'stop-1', releaseId: 'broken' })
    const before = await snapshot(t)
    const error = await rejection(t.editor.releases.publish({ releaseId: 'broken' }))
    assert.equal(error.statusCode, 409)
    assert.match(error.message, /nowhere/)
    assert.deepEqual(await snapshot(t), before, 'nothing was published, nothing removed')

    // Scheduled, the same release goes back to active with the reason, and nothing is published.
    await t.editor.releases.schedule({ releaseId: 'broken', publishAt: new Date((await lakeNow(t)) + 60_000).toISOString() })
    await moveClock(t, 61_000)
    const failed = await t.editor.releases.get({ releaseId: 'broken' })
    assert.equal(failed?.state, 'active')
    assert.match(String(failed?.error?.message), /nowhere/)
    assert.notEqual((await t.anonymous.getDocument('trip-1'))?.title, 'Paris (broken)')
    assert.equal(await t.anonymous.getDocument('stop-1'), undefined)
  })

  test('release documents from an export come back through release.import (as @sanity/import sends them)', async () => {
    const exported = {
      _id: '_.releases.imported',
      _type: 'system.release',
      name: 'imported',
      state: 'archived',
      metadata: { title: 'Imported', releaseType: 'asap' },
      finalDocumentStates: [{ id: 'versions.imported.trip-1' }],
      extra: 'dropped',
    }
    const importOne = (attributes: Record<string, unknown>, ifExists: string) => t.editor.action({ actionType: 'sanity.action.release.import', releaseId: 'imported', attributes, ifExists } as never)
    await importOne(exported, 'fail')
    const stored = await t.editor.releases.get({ releaseId: 'imported' })
    assert.equal(stored?.state, 'archived')
    assert.deepEqual(stored?.finalDocumentStates, [{ id: 'versions.imported.trip-1' }])
    assert.equal((stored as Doc | undefined)?.extra, undefined)
    assert.equal(failure(await rejection(importOne(exported, 'fail'))).status, 409)
    await importOne({ ...exported, metadata: { title: 'Ignored', releaseType: 'asap' } }, 'ignore')
    assert.equal((await t.editor.releases.get({ releaseId: 'imported' }))?.metadata.title, 'Imported')
    await importOne({ ...exported, metadata: { title: 'Replaced', releaseType: 'asap' } }, 'replace')
    assert.equal((await t.editor.releases.get({ releaseId: 'imported' }))?.metadata.title, 'Replaced')
    const before = await snapshot(t)
    for (const bad of [
      { ...exported, state: 'publishing' },
      { ...exported, _id: '_.releases.other' },
      { ...exported, state: 'scheduled' },
      { ...exported, publishedAt: 'yesterday' },
    ]) {
      assert.equal(failure(await rejection(importOne(bad, 'replace'))).status, 400, JSON.stringify(bad))
    }
    assert.deepEqual(await snapshot(t), before)
  })

  test('bad input is a 4xx and changes nothing', async () => {
    const before = await snapshot(t)
    const action = (body: Record<string, unknown>) => t.editor.action(body as never)
    const cases: [Promise<unknown>, number][] = [
      [action({ actionType: 'sanity.action.release.create', releaseId: 'has.dot' }), 400],
      [action({ actionType: 'sanity.action.release.create', releaseId: 'x'.repeat(65) }), 400],
      [action({ actionType: 'sanity.action.release.create', releaseId: 'autumn' }), 409],
      [action({ actionType: 'sanity.action.release.create', releaseId: 'fresh', metadata: { releaseType: 'soon' } }), 400],
      [action({ actionType: 'sanity.action.release.create', releaseId: 'fresh', metadata: { title: 'x'.repeat(501) } }), 400],
      [action({ actionType: 'sanity.action.release.create', releaseId: 'fresh', metadata: { owner: 'me' } }), 400],
      [action({ actionType: 'sanity.action.release.publish', releaseId: 'nope' }), 404],
      [action({ actionType: 'sanity.action.release.schedule', releaseId: 'autumn', publishAt: 'tomorrow' }), 400],
      [action({ actionType: 'sanity.action.release.schedule', releaseId: 'autumn', publishAt: '2001-02-30T00:00:00Z' }), 400],
      [action({ actionType: 'sanity.action.release.unschedule', releaseId: 'autumn' }), 409],
      [action({ actionType: 'sanity.action.release.unarchive', releaseId: 'autumn' }), 409],
      [action({ actionType: 'sanity.action.release.delete', releaseId: 'autumn' }), 409],
      [action({ actionType: 'sanity.action.release.frobnicate', releaseId: 'autumn' }), 400],
      [action({ actionType: 'sanity.action.document.version.create', publishedId: 'trip-1', document: { _id: 'versions.nope.trip-1', _type: 'trip' } }), 404],
      [action({ actionType: 'sanity.action.document.version.create', publishedId: 'trip-1', baseId: 'trip-1', versionId: 'versions.autumn.trip-1' }), 409],
      [action({ actionType: 'sanity.action.document.version.create', publishedId: 'trip-1', baseId: 'trip-1', versionId: 'versions.held.trip-1', ifBaseRevisionId: 'stale' }), 409],
      [action({ actionType: 'sanity.action.document.version.unpublish', publishedId: 'never-published', versionId: 'versions.autumn.never-published' }), 409],
      [action({ actionType: 'sanity.action.document.version.discard', versionId: 'versions.autumn.missing' }), 409],
      // Release documents change through release actions only.
      [t.editor.createOrReplace({ _id: '_.releases.autumn', _type: 'system.release', state: 'published' }), 403],
      [action({ actionType: 'sanity.action.document.create', publishedId: '_.releases.new', attributes: { _id: 'drafts._.releases.new', _type: 'system.release' } }), 403],
      // Nor by a version of one, which publishing its release would write over the release document.
      [t.editor.createOrReplace({ _id: 'versions.autumn._.releases.held', _type: 'note' }), 403],
      [
        t.editor.action([
          { actionType: 'sanity.action.release.archive', releaseId: 'held' },
          { actionType: 'sanity.action.document.version.discard', versionId: 'versions.held.trip-1' },
        ]),
        400,
      ],
    ]
    for (const [index, [promise, status]] of cases.entries()) {
      const error = await rejection(promise)
      assert.equal(error.statusCode, status, `case ${index}: ${error.message}`)
    }
    const anonymous = await rejection(t.anonymous.releases.create({ releaseId: 'anon' }))
    assert.equal(anonymous.statusCode, 401)
    const viewer = await rejection(t.viewer.releases.create({ releaseId: 'viewer' }))
    assert.equal(viewer.statusCode, 403)
    const perspective = await rejection(t.editor.fetch('*', {}, { perspective: ['bad.name'] } as never))
    assert.equal(perspective.statusCode, 400)
    assert.deepEqual(await snapshot(t), before)
  })
})

describe('releases under review', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake({ reviewRequired: true })
  })
  after(() => t.stop())

  test('publishing a release passes the editorial workflow’s publish guard', async () => {
    await t.editor.releases.create({ releaseId: 'reviewed' })
    await t.editor.createVersion({ document: { _id: 'versions.reviewed.trip-1', _type: 'trip', title: 'Paris (unreviewed)' }, publishedId: 'trip-1', releaseId: 'reviewed' })
    const before = await snapshot(t)
    const error = await rejection(t.editor.releases.publish({ releaseId: 'reviewed' }))
    assert.equal(error.statusCode, 409)
    assert.match(error.message, /Review required/)
    assert.deepEqual(await snapshot(t), before)
  })
})

describe('what the Studio’s Releases tool reads', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake({ clock: manualClock() })
  })
  after(() => t.stop())

  const get = async (path: string, token?: string) => {
    const response = await fetch(`${t.lake.httpUrl}/vX${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  test('the Studio’s permission probe (a dry-run publish) passes on an empty release and changes nothing', async () => {
    await t.editor.releases.create({ releaseId: 'empty' })
    const before = await snapshot(t)
    await t.editor.releases.publish({ releaseId: 'empty' }, { dryRun: true })
    await t.editor.releases.schedule({ releaseId: 'empty', publishAt: new Date((await lakeNow(t)) + 60_000).toISOString() }, { dryRun: true })
    assert.deepEqual(await snapshot(t), before)
    await t.editor.releases.publish({ releaseId: 'empty' })
    const published = await t.editor.releases.get({ releaseId: 'empty' })
    assert.equal(published?.state, 'published')
    assert.deepEqual(published?.finalDocumentStates, [])
  })

  test('the project plan names no retention, so the Studio names no removal date', async () => {
    const answer = await get('/subscriptions/project/local', t.tokens.viewer)
    assert.equal(answer.status, 200)
    const retention = (answer.body.featureTypes as { retention: { features: { attributes: Record<string, unknown> }[] } }).retention
    assert.equal(retention.features[0]?.attributes.maxRetentionDays, undefined)
    assert.equal((await get('/subscriptions/project/local')).status, 401)
  })

  test('the features include content releases', async () => {
    assert.deepEqual((await get('/features', t.tokens.viewer)).body, ['contentReleases', 'singleDocRelease'])
  })

  test('the Studio’s release list and document-count queries read the lake’s releases', async () => {
    // As sanity@5's releases store sends them (createReleaseStore, createReleaseMetadataAggregator).
    const studio = t.editor.withConfig({ perspective: 'raw', apiVersion: 'v2025-02-19' })
    await t.editor.releases.create({ releaseId: 'rStudio1', metadata: { title: 'From the Studio', releaseType: 'asap', cardinality: 'many' } })
    await t.editor.createVersion({ document: { _id: 'versions.rStudio1.trip-9', _type: 'trip', title: 'Nine' }, publishedId: 'trip-9', releaseId: 'rStudio1' })
    const list = await studio.fetch(`*[_type=="system.release" && _id in path("_.releases.*")] {
      _id, _type, _rev, _createdAt, _updatedAt, state, finalDocumentStates, publishAt, publishedAt,
      "metadata": coalesce(metadata, { "title": "", "releaseType": "undecided" }),
      ...select(length(error.message) > 0 => { error }, {}),
    } | order(_createdAt desc)`)
    const listed = (list as Doc[]).find((release) => release._id === '_.releases.rStudio1')
    assert.equal(listed?.state, 'active')
    assert.deepEqual(listed?.metadata, { title: 'From the Studio', releaseType: 'asap', cardinality: 'many' })
    assert.equal('error' in (listed ?? {}), false)
    const counts = await studio.fetch(`{"release_rStudio1": *[sanity::partOfRelease("rStudio1")]{_updatedAt, "docId": string::split(_id, ".")[2] } | order(_updatedAt desc),}{"_.releases.rStudio1": {
      "updatedAt": release_rStudio1[0]._updatedAt,
      "documentIds": release_rStudio1[].docId,
    },}`)
    assert.deepEqual(counts['_.releases.rStudio1'].documentIds, ['trip-9'])
  })

  test('a release’s activity comes from the transaction log, newest first, in pages', async () => {
    await t.editor.releases.create({ releaseId: 'evented', metadata: { releaseType: 'asap' } })
    await t.editor.createVersion({ document: { _id: 'versions.evented.trip-1', _type: 'trip', title: 'One' }, publishedId: 'trip-1', releaseId: 'evented' })
    await t.editor.createVersion({ document: { _id: 'versions.evented.trip-2', _type: 'trip', title: 'Two' }, publishedId: 'trip-2', releaseId: 'evented' })
    await t.editor.discardVersion({ releaseId: 'evented', publishedId: 'trip-2' })
    const intended = new Date((await lakeNow(t)) + 3_600_000).toISOString()
    await t.editor.releases.edit({ releaseId: 'evented', patch: { set: { metadata: { releaseType: 'scheduled', intendedPublishAt: intended } } } })
    await t.editor.releases.schedule({ releaseId: 'evented', publishAt: intended })
    await t.editor.releases.unschedule({ releaseId: 'evented' })
    await t.editor.releases.archive({ releaseId: 'evented' })

    const all = await get('/data/history/production/events/releases/evented', t.tokens.viewer)
    assert.equal(all.status, 200)
    const events = all.body.events as { type: string; documentId?: string; change?: unknown; publishAt?: string; releaseName: string }[]
    assert.deepEqual(
      events.map((event) => event.type),
      ['archiveRelease', 'unscheduleRelease', 'scheduleRelease', 'editRelease', 'discardDocumentFromRelease', 'addDocumentToRelease', 'addDocumentToRelease', 'createRelease'],
    )
    assert.equal(all.body.nextCursor, '')
    assert.ok(events.every((event) => event.releaseName === 'evented'))
    assert.deepEqual(events[3]?.change, { releaseType: 'scheduled', intendedPublishDate: intended })
    assert.equal(events[2]?.publishAt, intended)
    assert.equal(events[4]?.documentId, 'versions.evented.trip-2')
    assert.deepEqual(events[7]?.change, { releaseType: 'asap' })

    const first = await get('/data/history/production/events/releases/evented?limit=3', t.tokens.viewer)
    assert.deepEqual(
      (first.body.events as { type: string }[]).map((event) => event.type),
      ['archiveRelease', 'unscheduleRelease', 'scheduleRelease'],
    )
    const rest = await get(`/data/history/production/events/releases/evented?limit=100&nextCursor=${String(first.body.nextCursor)}`, t.tokens.viewer)
    assert.deepEqual(
      (rest.body.events as { type: string }[]).map((event) => event.type),
      events.slice(3).map((event) => event.type),
    )

    assert.equal((await get('/data/history/production/events/releases/evented')).status, 401, 'history needs a token')
    assert.equal((await get('/data/history/production/events/releases/bad.id', t.tokens.viewer)).status, 400)
    assert.equal((await get('/data/history/production/events/releases/evented?nextCursor=x', t.tokens.viewer)).status, 400)
  })

  test('the release limit is reported and enforced', async () => {
    const allowance = async () => (await get('/projects/local/new-content-release-allowed', t.tokens.editor)).body.data as Record<string, unknown>
    assert.equal((await get('/projects/local/new-content-release-allowed')).status, 401)
    const { datasetReleaseLimit, orgActiveReleaseLimit, orgMeteredActiveReleaseCount } = await allowance()
    assert.equal(orgActiveReleaseLimit, null)
    const open = await t.editor.fetch('count(*[_type == "system.release" && state in ["active", "scheduled"]])', {}, raw)
    assert.ok(open > 0)
    assert.equal(orgMeteredActiveReleaseCount, open, 'archived releases are not counted')
    assert.equal(typeof datasetReleaseLimit, 'number')
    const limit = Number(datasetReleaseLimit)
    await t.editor.action(
      Array.from({ length: limit - open }, (_, index) => ({ actionType: 'sanity.action.release.create', releaseId: `bulk-${index}`, metadata: { releaseType: 'undecided' } })) as never,
    )
    assert.equal((await allowance()).orgMeteredActiveReleaseCount, limit)
    const before = await snapshot(t)
    const refused = await rejection(t.editor.releases.create({ releaseId: 'one-too-many' }))
    assert.equal(refused.statusCode, 409)
    assert.equal((refused as Error & { details?: { type?: string } }).details?.type, 'releaseLimitExceededError', 'the type the Studio looks for')
    assert.equal(failure(await rejection(t.editor.releases.unarchive({ releaseId: 'evented' }))).type, 'releaseLimitExceededError')
    assert.deepEqual(await snapshot(t), before)
  })
})
