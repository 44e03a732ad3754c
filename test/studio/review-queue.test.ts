/**
 * The review desk's queue: what changed in a draft (top-level fields against the published
 * version), and which workflow rows are still waiting (a later edit returns a document to Draft).
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { changedFields, parseQueue } from '../../sanity/workflow/reviewQueue'

const published = { _id: 'topic-a', _rev: 'p1', _type: 'topic', title: 'Trade', slug: { _type: 'slug', current: 'trade' }, tags: ['a', 'b'], description: 'Old' }

describe('what a draft changed', () => {
  it('names the changed and removed content fields, never the system fields', () => {
    const draft = { ...published, _id: 'drafts.topic-a', _rev: 'd1', _updatedAt: 'now', title: 'Trade and tariffs', description: undefined, extra: 1 }
    const { description: _d, ...withoutDescription } = draft
    assert.deepEqual(changedFields(published, withoutDescription), ['title', 'extra', 'description'])
  })

  it('compares nested values by content, not identity', () => {
    const draft = { ...published, _rev: 'd2', slug: { _type: 'slug', current: 'trade' }, tags: ['a', 'b'] }
    assert.deepEqual(changedFields(published, draft), [])
    assert.deepEqual(changedFields(published, { ...draft, tags: ['b', 'a'] }), ['tags'])
  })

  it('lists every content field of a document never published', () => {
    assert.deepEqual(changedFields(null, { _id: 'drafts.x', _type: 'topic', title: 'New', slug: { current: 'new' } }), ['title', 'slug'])
  })
})

const row = (over: Record<string, unknown> = {}) => ({
  documentId: 'topic-a',
  documentType: 'topic',
  status: 'inReview',
  revision: 'd1',
  submittedBy: 'u-author',
  reason: null,
  updatedAt: '2026-01-02T10:00:00.000Z',
  submittedAt: '2026-01-02T09:59:00.000Z',
  rejectedBy: null,
  draft: { ...published, _id: 'drafts.topic-a', _rev: 'd1', title: 'Trade and tariffs' },
  published,
  ...over,
})

describe('the queue rows', () => {
  it('keeps a submitted draft with who, when and what changed', () => {
    assert.deepEqual(parseQueue([row()]), [
      {
        documentId: 'topic-a',
        documentType: 'topic',
        status: 'inReview',
        revision: 'd1',
        title: 'Trade and tariffs',
        submittedBy: 'u-author',
        submittedAt: '2026-01-02T09:59:00.000Z',
        reason: null,
        rejectedBy: null,
        changedFields: ['title'],
        isNew: false,
      },
    ])
  })

  it('drops a row whose draft was edited after the submission, or that has no draft', () => {
    assert.deepEqual(parseQueue([row({ draft: { ...published, _id: 'drafts.topic-a', _rev: 'd2' } }), row({ draft: null })]), [])
  })

  it('carries the reason and the reviewer of a rejection', () => {
    const [rejected] = parseQueue([row({ status: 'changesRequested', reason: 'Cite the source.', rejectedBy: 'u-reviewer' })])
    assert.equal(rejected?.reason, 'Cite the source.')
    assert.equal(rejected?.rejectedBy, 'u-reviewer')
  })

  it('ignores malformed answers rather than showing them', () => {
    assert.deepEqual(parseQueue({ not: 'a list' }), [])
    assert.deepEqual(parseQueue([null, 3, row({ documentId: 7 }), row({ status: 'approved' })]), [])
  })

  it('falls back to the submission time of the status and to the id for an untitled draft', () => {
    const [untitled] = parseQueue([row({ submittedAt: null, draft: { _id: 'drafts.topic-a', _rev: 'd1', _type: 'topic' } })])
    assert.equal(untitled?.submittedAt, '2026-01-02T10:00:00.000Z')
    assert.equal(untitled?.title, 'topic-a')
  })
})
