/**
 * Share links and the share-link perspective against a real lake over HTTP with @sanity/client:
 * the rules (editorial/share-rules.ts), the lake's `overlayDrafts` query option and its
 * /envoy/share endpoints (open, check), as the portal's /share/<token> route uses them.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { SanityClient } from '@sanity/client'
import { SHARE_LINK_DEFAULT_HOURS, SHARE_LINK_TYPE, SHARE_TOKEN_PATTERN, hashShareToken, newShareToken, shareLinkHours, shareLinkState } from '../../editorial/share-rules'
import { rejection, startTestLake, takeSseEvents } from './helpers'
import type { TestLake } from './helpers'

const HOUR = 3600_000

describe('share-link rules', () => {
  const now = new Date('2026-05-01T12:00:00Z')
  const link = { expiresAt: '2026-05-02T12:00:00Z', revokedAt: null, publishedRev: 'rev-1' }
  const live = { draftExists: true, publishedRev: 'rev-1' }

  test('a fresh link on an unchanged document is active', () => {
    assert.equal(shareLinkState(link, live, now), 'active')
  })
  test('revoked beats expired beats published', () => {
    assert.equal(shareLinkState({ ...link, revokedAt: '2026-05-01T11:00:00Z', expiresAt: '2026-05-01T00:00:00Z' }, { draftExists: false, publishedRev: 'x' }, now), 'revoked')
    assert.equal(shareLinkState({ ...link, expiresAt: '2026-05-01T12:00:00Z' }, { draftExists: false, publishedRev: 'x' }, now), 'expired')
    assert.equal(shareLinkState({ ...link, expiresAt: 'not a date' }, live, now), 'expired')
  })
  test('publishing (new published revision) or discarding the draft closes the link', () => {
    assert.equal(shareLinkState(link, { draftExists: true, publishedRev: 'rev-2' }, now), 'published')
    assert.equal(shareLinkState(link, { draftExists: false, publishedRev: 'rev-1' }, now), 'published')
    // A document never published: the link lives until the first publish.
    assert.equal(shareLinkState({ ...link, publishedRev: null }, { draftExists: true, publishedRev: null }, now), 'active')
    assert.equal(shareLinkState({ ...link, publishedRev: null }, { draftExists: true, publishedRev: 'rev-9' }, now), 'published')
  })
  test('link life: 72 hours by default, bad values refused', () => {
    assert.equal(shareLinkHours(undefined), SHARE_LINK_DEFAULT_HOURS)
    assert.equal(shareLinkHours('12'), 12)
    for (const bad of ['0', '-3', 'soon', String(24 * 31)]) assert.throws(() => shareLinkHours(bad), RangeError)
  })
  test('tokens are random, 256-bit, and stored only as a SHA-256', async () => {
    const a = newShareToken()
    const b = newShareToken()
    assert.match(a, SHARE_TOKEN_PATTERN)
    assert.notEqual(a, b)
    const hash = await hashShareToken(a)
    assert.match(hash, /^[0-9a-f]{64}$/)
    assert.equal(hash, await hashShareToken(a))
    assert.ok(!hash.includes(a))
  })
})

describe('share links on the lake', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake()
    await t.editor
      .transaction()
      .createOrReplace({ _id: 'trip-1', _type: 'trip', title: 'Published trip' })
      .createOrReplace({ _id: 'meeting-1', _type: 'meeting', title: 'Published meeting', trip: { _type: 'reference', _ref: 'trip-1' } })
      .createOrReplace({ _id: 'meeting-2', _type: 'meeting', title: 'Other published meeting', trip: { _type: 'reference', _ref: 'trip-1' } })
      .commit()
    await t.editor
      .transaction()
      .createOrReplace({ _id: 'drafts.meeting-1', _type: 'meeting', title: 'Draft meeting', trip: { _type: 'reference', _ref: 'trip-1' } })
      .createOrReplace({ _id: 'drafts.meeting-2', _type: 'meeting', title: 'Secret other draft', trip: { _type: 'reference', _ref: 'trip-1' } })
      .commit()
  })
  after(() => t.stop())

  const TRIP_MEETINGS = `*[_id == "trip-1"][0]{ title, "meetings": *[_type == "meeting" && trip._ref == ^._id] | order(_id asc).title }`

  async function overlay(client: SanityClient, ids: string, query = TRIP_MEETINGS) {
    return client.request<{ result: unknown }>({
      uri: '/data/query/production',
      method: 'POST',
      query: { perspective: 'published', overlayDrafts: ids, returnQuery: 'false' },
      body: { query },
    })
  }

  test('overlayDrafts lays only the named document’s draft over published, through dereferences', async () => {
    const { result } = await overlay(t.viewer, 'meeting-1')
    assert.deepEqual(result, { title: 'Published trip', meetings: ['Draft meeting', 'Other published meeting'] })
    const published = await t.viewer.fetch(TRIP_MEETINGS, {}, { perspective: 'published' })
    assert.deepEqual(published.meetings, ['Published meeting', 'Other published meeting'])
  })

  test('overlayDrafts gives an anonymous caller no draft, and refuses bad input', async () => {
    const { result } = await overlay(t.anonymous, 'meeting-1')
    assert.deepEqual(result, { title: 'Published trip', meetings: ['Published meeting', 'Other published meeting'] })
    for (const bad of ['drafts.meeting-1', 'bad id!', '..']) {
      const error = await rejection(overlay(t.viewer, bad))
      assert.equal(error.statusCode, 400, bad)
    }
  })

  async function makeLink(fields: Record<string, unknown> = {}) {
    const token = newShareToken()
    const published = await t.viewer.getDocument('meeting-1')
    const id = `envoy-share.${crypto.randomUUID()}`
    await t.editor.create({
      _id: id,
      _type: SHARE_LINK_TYPE,
      documentId: 'meeting-1',
      documentType: 'meeting',
      tokenHash: await hashShareToken(token),
      expiresAt: new Date(Date.now() + 72 * HOUR).toISOString(),
      createdBy: 'test',
      publishedRev: published?._rev ?? null,
      revokedAt: null,
      openings: [],
      ...fields,
    })
    return { token, id }
  }

  const open = (client: SanityClient, token: string) => client.request<{ state: string; documentId: string; linkId: string }>({ uri: '/envoy/share/production/open', method: 'POST', body: { token } })

  test('opening an active link answers its document and records the opening', async () => {
    const { token, id } = await makeLink()
    const answer = await open(t.viewer, token)
    assert.equal(answer.state, 'active')
    assert.equal(answer.documentId, 'meeting-1')
    assert.equal(answer.linkId, id)
    await open(t.viewer, token)
    const stored = await t.viewer.getDocument(id)
    assert.equal((stored?.openings as unknown[]).length, 2)
    assert.equal(stored?.tokenHash, await hashShareToken(token))
    assert.ok(!JSON.stringify(stored).includes(token), 'the token itself is never stored')
  })

  test('anonymous callers can neither read links nor call the endpoints', async () => {
    const { token } = await makeLink()
    assert.deepEqual(await t.anonymous.fetch(`*[_type == $type]`, { type: SHARE_LINK_TYPE }), [])
    assert.equal((await rejection(open(t.anonymous, token))).statusCode, 401)
  })

  test('unknown tokens are 404; revoked, expired and published links are 410', async () => {
    assert.equal((await rejection(open(t.viewer, newShareToken()))).statusCode, 404)
    assert.equal((await rejection(open(t.viewer, 'short'))).statusCode, 404)

    const revoked = await makeLink()
    await t.editor.patch(revoked.id).set({ revokedAt: new Date().toISOString() }).commit()
    const gone = await rejection(open(t.viewer, revoked.token))
    assert.equal(gone.statusCode, 410)
    assert.equal((gone.response?.body as { error: { state: string } }).error.state, 'revoked')

    const expired = await makeLink({ expiresAt: new Date(Date.now() - 1000).toISOString() })
    assert.equal((await rejection(open(t.viewer, expired.token))).statusCode, 410)
    const check = await rejection(t.viewer.request({ uri: `/envoy/share/production/links/${expired.id}` }))
    assert.equal(check.statusCode, 410)

    const active = await makeLink()
    assert.equal((await t.viewer.request<{ state: string }>({ uri: `/envoy/share/production/links/${active.id}` })).state, 'active')
    await t.editor.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.meeting-1', publishedId: 'meeting-1' })
    const published = await rejection(open(t.viewer, active.token))
    assert.equal(published.statusCode, 410)
    assert.equal((published.response?.body as { error: { state: string } }).error.state, 'published')
    // No opening was recorded for a link that did not open.
    assert.equal(((await t.viewer.getDocument(active.id))?.openings as unknown[]).length, 0)
  })
})

describe('live content events (for preview refresh)', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake()
  })
  after(() => t.stop())

  /** Reads SSE events from /data/live/events until `count` named events have arrived. */
  async function readEvents(url: string, token: string | undefined, count: number, act: () => Promise<unknown>) {
    const controller = new AbortController()
    const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: controller.signal })
    if (!response.ok || !response.body) return { status: response.status, events: [] as { event: string; data: string }[] }
    const reader = response.body.getReader()
    const events: { event: string; data: string }[] = []
    let buffer = ''
    let acted = false
    const deadline = Date.now() + 5000
    while (events.length < count && Date.now() < deadline) {
      const { value, done } = await reader.read()
      if (done) break
      const taken = takeSseEvents(buffer + new TextDecoder().decode(value))
      buffer = taken.rest
      for (const { event, data } of taken.events) events.push({ event, data })
      if (!acted && events.some((e) => e.event === 'welcome')) {
        acted = true
        await act()
      }
    }
    controller.abort()
    return { status: response.status, events }
  }

  test('a draft edit is announced to token holders with includeDrafts, with opaque tags only', async () => {
    const url = `${t.lake.httpUrl}/v2025-02-19/data/live/events/production?includeDrafts=true`
    const { events } = await readEvents(url, t.tokens.viewer, 2, () => t.editor.createOrReplace({ _id: 'drafts.trip-live', _type: 'trip', title: 'Secret draft title' }))
    assert.deepEqual(
      events.map((e) => e.event),
      ['welcome', 'message'],
    )
    const message = JSON.parse(events[1]!.data) as { id: string; tags: string[] }
    assert.equal(typeof message.id, 'string')
    assert.ok(message.tags.length > 0 && message.tags.every((tag) => /^s1:[A-Za-z0-9_-]{8}$/.test(tag)))
    assert.ok(!events[1]!.data.includes('Secret'), 'no content in events')
  })

  test('without a token, drafts are refused and only published changes are announced', async () => {
    const refused = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/live/events/production?includeDrafts=true`)
    assert.equal(refused.status, 401)
    const url = `${t.lake.httpUrl}/v2025-02-19/data/live/events/production`
    let published = ''
    const { events } = await readEvents(url, undefined, 2, async () => {
      await t.editor.transaction().createOrReplace({ _id: 'drafts.trip-quiet', _type: 'trip', title: 'Draft only' }).commit()
      published = (await t.editor.transaction().createOrReplace({ _id: 'trip-public', _type: 'trip', title: 'Published' }).commit()).transactionId
    })
    assert.deepEqual(
      events.map((e) => e.event),
      ['welcome', 'message'],
    )
    // The first message is the publish: the draft-only transaction was not announced.
    assert.equal((JSON.parse(events[1]!.data) as { id: string }).id, published)
  })
})
