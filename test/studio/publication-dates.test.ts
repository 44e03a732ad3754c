/**
 * The publication dates the Studio's Publish writes into a trip (sanity/workflow/publicationDates.ts):
 * the rules, then the same calls the Publish and Submit actions make, by the real @sanity/client
 * against real lakes — one publishing directly (as hosted Sanity does), one requiring review, whose
 * guard publishes only an approved draft unchanged.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createToken } from '../../lake/index'
import { publicationStamp, publishRevision, stampDraft } from '../../sanity/workflow/publicationDates'
import { startTestLake, type TestLake } from '../lake/helpers'
import { workflowApi } from '../lake/workflow-helpers'

const NOW = new Date('2026-05-04T13:00:00.000Z')

describe('what a publish stamps', () => {
  it('dates a first publish, unless the editor recorded a first publication already', () => {
    assert.deepEqual(publicationStamp({ draft: {}, published: null, now: NOW, major: false }), { firstPublishedAt: NOW.toISOString() })
    assert.deepEqual(publicationStamp({ draft: { firstPublishedAt: '2021-03-12T15:00:00Z' }, published: null, now: NOW, major: false }), {})
  })

  it('dates an embargoed trip by its lift, when it goes public', () => {
    const lift = '2026-05-06T09:00:00.000Z'
    assert.deepEqual(publicationStamp({ draft: { embargoUntil: lift }, published: null, now: NOW, major: false }), { firstPublishedAt: lift })
    // A lift already past (or unreadable) is no later moment.
    assert.deepEqual(publicationStamp({ draft: { embargoUntil: '2026-05-01T00:00:00Z' }, published: null, now: NOW, major: false }), { firstPublishedAt: NOW.toISOString() })
    assert.deepEqual(publicationStamp({ draft: { embargoUntil: 'soon' }, published: null, now: NOW, major: false }), { firstPublishedAt: NOW.toISOString() })
  })

  it('dates an update only for a major change, and never over a date the editor set in this draft', () => {
    const published = { firstPublishedAt: '2026-05-01T10:00:00Z' }
    assert.deepEqual(publicationStamp({ draft: { ...published }, published, now: NOW, major: false }), {})
    assert.deepEqual(publicationStamp({ draft: { ...published }, published, now: NOW, major: true }), { updatedAt: NOW.toISOString() })
    assert.deepEqual(publicationStamp({ draft: { ...published, updatedAt: '2026-05-02T00:00:00Z' }, published, now: NOW, major: true }), {})
  })

  it('gives a trip published before without a known first date none: this is not its first publication', () => {
    assert.deepEqual(publicationStamp({ draft: {}, published: {}, now: NOW, major: false }), {})
    assert.deepEqual(publicationStamp({ draft: {}, published: {}, now: NOW, major: true }), { updatedAt: NOW.toISOString() })
  })
})

const trip = (id: string, title: string) => ({ _id: `drafts.${id}`, _type: 'trip', title })

describe('Publish on a back end without review (as on hosted Sanity)', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake()
  })
  after(() => t.stop())

  it('publishes the stamped revision: first publication, then a major update; a minor one adds no date', async () => {
    await t.editor.create(trip('trip-dated', 'Visit to Oslo'))
    const first = publicationStamp({ draft: {}, published: null, now: NOW, major: false })
    await publishRevision(t.editor, 'trip-dated', await stampDraft(t.editor, 'drafts.trip-dated', first))
    const published = await t.anonymous.getDocument<{ firstPublishedAt?: string; updatedAt?: string }>('trip-dated')
    assert.equal(published?.firstPublishedAt, NOW.toISOString())
    assert.equal(published?.updatedAt, undefined)

    await t.editor.createOrReplace({ ...trip('trip-dated', 'Visit to Oslo (typo fixed)'), firstPublishedAt: published?.firstPublishedAt })
    const minor = publicationStamp({ draft: { firstPublishedAt: published?.firstPublishedAt }, published, now: new Date('2026-05-05T00:00:00Z'), major: false })
    const draft = await t.editor.getDocument('drafts.trip-dated')
    await publishRevision(t.editor, 'trip-dated', (await stampDraft(t.editor, 'drafts.trip-dated', minor)) ?? draft?._rev)
    assert.equal((await t.anonymous.getDocument<{ updatedAt?: string }>('trip-dated'))?.updatedAt, undefined)

    const later = new Date('2026-05-06T00:00:00Z')
    await t.editor.createOrReplace({ ...trip('trip-dated', 'Visit to Oslo and Bergen'), firstPublishedAt: published?.firstPublishedAt })
    const major = publicationStamp({ draft: { firstPublishedAt: published?.firstPublishedAt }, published, now: later, major: true })
    await publishRevision(t.editor, 'trip-dated', await stampDraft(t.editor, 'drafts.trip-dated', major))
    const updated = await t.anonymous.getDocument<{ title: string; firstPublishedAt?: string; updatedAt?: string }>('trip-dated')
    assert.deepEqual([updated?.title, updated?.firstPublishedAt, updated?.updatedAt], ['Visit to Oslo and Bergen', NOW.toISOString(), later.toISOString()])
  })

  it('refuses to publish when the draft changed after it was stamped, rather than publish it unseen', async () => {
    await t.editor.create(trip('trip-raced', 'Visit to Rome'))
    const revision = await stampDraft(t.editor, 'drafts.trip-raced', publicationStamp({ draft: {}, published: null, now: NOW, major: false }))
    await t.editor.patch('drafts.trip-raced').set({ title: 'Visit to Rome and Milan' }).commit()
    await assert.rejects(publishRevision(t.editor, 'trip-raced', revision))
    assert.equal(await t.anonymous.getDocument('trip-raced'), undefined)
  })
})

describe('Submit for review stamps the draft the reviewer approves', () => {
  let t: TestLake
  let second: string
  before(async () => {
    t = await startTestLake({ reviewRequired: true })
    second = createToken({ dir: t.dir, role: 'editor', label: 'reviewer' }).token
  })
  after(() => t.stop())

  it('publishes the approved, stamped draft unchanged, so it carries its first-publication date', async () => {
    const call = workflowApi(t)
    await t.editor.create(trip('trip-reviewed', 'Visit to Seoul'))
    const revision = await stampDraft(t.editor, 'drafts.trip-reviewed', publicationStamp({ draft: {}, published: null, now: NOW, major: false }))
    assert.equal((await call(t.tokens.editor, 'POST', '/data/workflow/production', { documentId: 'trip-reviewed', action: 'submit', revision })).status, 200)
    assert.equal((await call(second, 'POST', '/data/workflow/production', { documentId: 'trip-reviewed', action: 'approve', revision })).status, 200)
    await publishRevision(t.editor, 'trip-reviewed', revision)
    assert.equal((await t.anonymous.getDocument<{ firstPublishedAt?: string }>('trip-reviewed'))?.firstPublishedAt, NOW.toISOString())
  })
})
