/**
 * Share links are validated by the lake, whoever writes them: an expiry at most the allowed
 * maximum ahead (RFC 3339), and the creator taken from the caller, never from the body.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { SHARE_LINK_MAX_HOURS, SHARE_LINK_TYPE } from '../../editorial/share-rules'
import { rejection, startTestLake } from '../lake/helpers'
import type { TestLake } from '../lake/helpers'

const link = (id: string, fields: Record<string, unknown>) => ({
  _id: `envoy-share.${id}`,
  _type: SHARE_LINK_TYPE,
  documentId: 'trip-x',
  documentType: 'trip',
  tokenHash: 'x'.repeat(43),
  ...fields,
})

describe('share links validated by the lake', () => {
  let t: TestLake
  let editorId: string
  before(async () => {
    t = await startTestLake({ reviewRequired: false })
    const me = await fetch(`${t.lake.httpUrl}/v2025-02-19/users/me`, { headers: { authorization: `Bearer ${t.tokens.editor}` } })
    editorId = me.ok ? ((await me.json()) as { id: string }).id : ''
  })
  after(() => t.stop())

  test('an expiry beyond the maximum, or unreadable, is a 400 and nothing is stored', async () => {
    for (const expiresAt of ['2099-01-01T00:00:00Z', new Date(Date.now() + (SHARE_LINK_MAX_HOURS + 1) * 3_600_000).toISOString(), 'tomorrow', 4102444800000]) {
      const error = await rejection(t.editor.create(link('far', { expiresAt, createdBy: 'x' })))
      assert.equal(error.statusCode, 400, String(expiresAt))
    }
    assert.equal(await t.editor.getDocument('envoy-share.far'), undefined)
  })

  test('the creator is the caller, whatever the body says, and cannot be changed later', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString()
    await t.editor.create(link('spoofed', { expiresAt, createdBy: 'the-minister' }))
    const stored = await t.editor.getDocument('envoy-share.spoofed')
    assert.notEqual(stored?.createdBy, 'the-minister')
    assert.ok(typeof stored?.createdBy === 'string' && stored.createdBy !== '')
    if (editorId) assert.equal(stored?.createdBy, editorId)
    await t.editor.patch('envoy-share.spoofed').set({ createdBy: 'someone-else' }).commit()
    assert.equal((await t.editor.getDocument('envoy-share.spoofed'))?.createdBy, stored?.createdBy)
  })
})
