/**
 * Sync tags as the public cache's tags: which cache tags a public read gets from the sync tags
 * the content source returned (bounded by what Next keeps), which surrogate keys the ISR cache
 * handler gives the answer (bounded by what Varnish accepts), and what the live listener asks to
 * expire for each live event.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as handler from '../../lib/cache/syncKeys.mjs'
import { invalidationFor, MAX_INVALIDATION_TAGS, mergeInvalidations } from '../../lib/live/invalidation'
import { ANY_CHANGE_TAG, cacheTagsWithSyncTags, CONTENT_TAG, SYNC_TAG_PREFIX } from '../../lib/revalidation/tags'

describe('sync tags as cache tags', () => {
  it('the cache handler, in plain JavaScript, names the same prefix and catch-all tag', () => {
    assert.equal(handler.SYNC_TAG_PREFIX, SYNC_TAG_PREFIX)
    assert.equal(handler.ANY_CHANGE_TAG, ANY_CHANGE_TAG)
  })

  it("tags a read with its sync tags under next-sanity's prefix, beside its own tags", () => {
    assert.deepEqual(cacheTagsWithSyncTags([CONTENT_TAG, 'trip:tokyo'], ['s1:abc', 's1:def']), [CONTENT_TAG, 'trip:tokyo', 'sanity:s1:abc', 'sanity:s1:def'])
  })

  it('tags a read as any change when its sync tags are missing, malformed or more than Next keeps', () => {
    const fallback = [CONTENT_TAG, ANY_CHANGE_TAG]
    assert.deepEqual(cacheTagsWithSyncTags([CONTENT_TAG], undefined), fallback)
    assert.deepEqual(cacheTagsWithSyncTags([CONTENT_TAG], []), fallback)
    assert.deepEqual(cacheTagsWithSyncTags([CONTENT_TAG], ['s1:ok', 42]), fallback)
    assert.deepEqual(cacheTagsWithSyncTags([CONTENT_TAG], ['s1:ok', 'x'.repeat(65)]), fallback)
    const many = Array.from({ length: 128 }, (_, index) => `s1:${index}`)
    // 127 fit beside one tag of the read's own (Next keeps 128), 128 do not.
    assert.equal(cacheTagsWithSyncTags([CONTENT_TAG], many.slice(0, 127)).length, 128)
    assert.deepEqual(cacheTagsWithSyncTags([CONTENT_TAG], many), fallback)
  })

  it("gives an answer the sync tags among its cache tags as surrogate keys, and one catch-all key when there are too many for Varnish's header", () => {
    assert.equal(handler.syncKeysOf('_N_T_/layout,sanity,trip:tokyo,sanity:s1:b,sanity:s1:a,sanity:s1:a'), 'sanity:s1:a sanity:s1:b')
    assert.equal(handler.syncKeysOf('_N_T_/layout,sanity'), undefined)
    assert.equal(handler.syncKeysOf(undefined), undefined)
    const many = Array.from({ length: handler.MAX_SYNC_KEYS + 1 }, (_, index) => `sanity:s1:${index}`).join(',')
    assert.equal(handler.syncKeysOf(many), ANY_CHANGE_TAG)
    // The largest header it sends stays far below Varnish's 8 kB limit on one header.
    const most = Array.from({ length: handler.MAX_SYNC_KEYS }, (_, index) => `sanity:s1:${String(index).padStart(8, '0')}`).join(',')
    assert.ok((handler.syncKeysOf(most)?.length ?? 0) < 8_000)
  })
})

describe('what the live listener expires', () => {
  it("expires a message's tags, everything on a restart, and everything once when it welcomes the stream back after a reconnect", () => {
    assert.deepEqual(invalidationFor({ type: 'message', id: '1', tags: ['s1:a'] }, false), { tags: ['s1:a'] })
    assert.equal(invalidationFor({ type: 'message', id: '2', tags: [] }, false), null)
    assert.deepEqual(invalidationFor({ type: 'restart', id: '3' }, false), { all: true })
    assert.equal(invalidationFor({ type: 'welcome' }, false), null)
    assert.deepEqual(invalidationFor({ type: 'welcome' }, true), { all: true })
    assert.equal(invalidationFor({ type: 'reconnect' }, true), null)
  })

  it('sends the events of one batch as one: the union of their tags, or everything', () => {
    assert.deepEqual(mergeInvalidations([{ tags: ['s1:b', 's1:a'] }, { tags: ['s1:a', 's1:c'] }]), { tags: ['s1:a', 's1:b', 's1:c'] })
    assert.deepEqual(mergeInvalidations([{ tags: ['s1:a'] }, { all: true }]), { all: true })
    // More tags than the route takes in one post: everything, rather than a refused post and stale pages.
    const many = Array.from({ length: MAX_INVALIDATION_TAGS + 1 }, (_, index) => ({ tags: [`s1:${index}`] }))
    assert.deepEqual(mergeInvalidations(many), { all: true })
    assert.equal(mergeInvalidations(many.slice(1)).hasOwnProperty('tags'), true)
  })
})
