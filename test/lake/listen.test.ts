import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { applyPatch } from 'mendoza'
import type { ListenEvent, MutationEvent } from '@sanity/client'
import { startTestLake } from './helpers'
import type { TestLake } from './helpers'

type Doc = Record<string, unknown>

function withoutRev(doc: Doc | null | undefined): Doc | null {
  if (!doc) return null
  const { _rev, ...rest } = doc
  return rest
}

/** Collects listener events and lets a test wait for the next n of them. */
function collect(observable: { subscribe(observer: (event: ListenEvent<Doc>) => void): { unsubscribe(): void } }) {
  const events: ListenEvent<Doc>[] = []
  const waiters: (() => void)[] = []
  const subscription = observable.subscribe((event) => {
    events.push(event)
    for (const wake of waiters.splice(0)) wake()
  })
  return {
    events,
    stop: () => subscription.unsubscribe(),
    async waitFor(count: number, timeoutMs = 5000): Promise<ListenEvent<Doc>[]> {
      const deadline = Date.now() + timeoutMs
      while (events.length < count) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${count} events, got ${events.length}: ${JSON.stringify(events)}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 50)
        })
      }
      return events.slice(0, count)
    },
  }
}

describe('listen', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake()
  })
  after(() => t.stop())

  test('welcome, then mutation events whose mendoza effects rebuild the documents', async () => {
    const listener = collect(
      t.viewer.listen('*[_type == $type]', { type: 'trip' }, {
        events: ['welcome', 'mutation'],
        effectFormat: 'mendoza',
        includePreviousRevision: true,
      } as never),
    )
    try {
      await listener.waitFor(1)
      assert.equal(listener.events[0]?.type, 'welcome')

      const created = await t.editor.create({ _id: 'trip-1', _type: 'trip', title: 'Paris', tags: ['a'] })
      await t.editor.create({ _id: 'meeting-1', _type: 'meeting', title: 'not matching' })
      const patched = await t.editor.patch('trip-1').set({ title: 'Paris 2' }).append('tags', ['b']).commit()
      const moved = await t.editor.patch('trip-1').set({ _type: 'archivedTrip' }).commit()
      await t.editor.createOrReplace({ _id: 'trip-1', _type: 'trip', title: 'Back' })
      const back = await t.viewer.getDocument('trip-1')
      await t.editor.delete('trip-1')

      const events = (await listener.waitFor(6)).slice(1) as MutationEvent<Doc>[]
      assert.equal(events.length, 5, 'the meeting change is filtered out')
      assert.deepEqual(
        events.map((event) => event.transition),
        ['appear', 'update', 'disappear', 'appear', 'disappear'],
      )

      // Replay the effects from nothing: each apply must give the next document.
      let state: Doc | null = null
      const expected = [created, patched, moved, back, null]
      events.forEach((event, index) => {
        const effects = (event as unknown as { effects: { apply: unknown[]; revert: unknown[] } }).effects
        assert.ok(effects, 'effects present')
        const next = applyPatch(state, effects.apply) as Doc | null
        assert.deepEqual(next, withoutRev(expected[index] as Doc | null))
        assert.deepEqual(applyPatch(next, effects.revert), state, 'revert undoes apply')
        assert.equal(event.previousRev, index === 0 ? undefined : (expected[index - 1] as Doc | null)?._rev)
        assert.equal(event.resultRev, event.transactionId)
        assert.equal(event.eventId, `${event.transactionId}#trip-1`)
        assert.equal(event.transactionTotalEvents, 1)
        assert.equal(event.transactionCurrentEvent, 1)
        state = next
      })
      assert.deepEqual(events[1]?.result, patched, 'includeResult defaults to true')
      assert.deepEqual(events[1]?.previous, created, 'includePreviousRevision')
      assert.equal(events[4]?.result, undefined, 'a deletion has no result')
    } finally {
      listener.stop()
    }
  })

  test('one transaction over several documents numbers its events', async () => {
    const listener = collect(t.viewer.listen('*[_type == "stop"]', {}, { events: ['welcome', 'mutation'] }))
    try {
      await listener.waitFor(1)
      await t.editor.transaction().create({ _id: 'stop-1', _type: 'stop' }).create({ _id: 'stop-2', _type: 'stop' }).commit()
      const events = (await listener.waitFor(3)).slice(1) as MutationEvent<Doc>[]
      assert.deepEqual(
        events.map((event) => [event.transactionCurrentEvent, event.transactionTotalEvents]),
        [
          [1, 2],
          [2, 2],
        ],
      )
      assert.equal(events[0]?.transactionId, events[1]?.transactionId)
      assert.deepEqual(events[0]?.mutations, [{ create: { _id: 'stop-1', _type: 'stop' } }])
    } finally {
      listener.stop()
    }
  })

  test('anonymous listeners never see drafts', async () => {
    const anonymous = collect(t.anonymous.listen('*', {}, { events: ['welcome', 'mutation'] }))
    try {
      await anonymous.waitFor(1)
      await t.editor.create({ _id: 'drafts.secret', _type: 'trip', title: 'secret' })
      await t.editor.create({ _id: 'public-1', _type: 'trip', title: 'public' })
      const events = (await anonymous.waitFor(2)).slice(1) as MutationEvent<Doc>[]
      await new Promise((resolve) => setTimeout(resolve, 200))
      assert.deepEqual(
        anonymous.events.slice(1).map((event) => (event as MutationEvent<Doc>).documentId),
        ['public-1'],
      )
      assert.equal(events[0]?.documentId, 'public-1')
    } finally {
      anonymous.stop()
    }
  })

  test('raw SSE: welcome at once, event/data framing, includeResult=false', async () => {
    const controller = new AbortController()
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/listen/production?query=${encodeURIComponent('*[_id == "raw-1"]')}&includeResult=false&effectFormat=mendoza`, {
      headers: { authorization: `Bearer ${t.tokens.viewer}` },
      signal: controller.signal,
    })
    assert.equal(response.status, 200)
    assert.match(String(response.headers.get('content-type')), /^text\/event-stream/)
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read()
        if (done) throw new Error('stream ended')
        text += decoder.decode(value, { stream: true })
      }
    }
    await readUntil(/event: welcome\ndata: \{.*\}\n\n/)
    await t.editor.create({ _id: 'raw-1', _type: 'thing' })
    await readUntil(/event: mutation\ndata: .*\n\n/)
    const data = JSON.parse(/event: mutation\ndata: (.*)\n\n/.exec(text)![1]!) as Record<string, unknown>
    assert.match(text, /id: [^\n]+#raw-1\nevent: mutation/)
    assert.equal(data.documentId, 'raw-1')
    assert.equal(data.result, undefined)
    assert.deepEqual((data.effects as { revert: unknown }).revert, [0, null])
    controller.abort()
  })

  test('which layers a listener hears: by API version and includeAllVersions, as Sanity', async () => {
    // Since API 2025-02-19, events for published documents only unless includeAllVersions; before
    // it, drafts as well. Versions only with includeAllVersions.
    const older = t.viewer.withConfig({ apiVersion: '2021-06-07' })
    const filter = '*[_type == "layered"]'
    const listeners = {
      current: collect(t.viewer.listen(filter, {}, { events: ['welcome', 'mutation'] })),
      currentAll: collect(t.viewer.listen(filter, {}, { events: ['welcome', 'mutation'], includeAllVersions: true })),
      older: collect(older.listen(filter, {}, { events: ['welcome', 'mutation'] })),
      olderAll: collect(older.listen(filter, {}, { events: ['welcome', 'mutation'], includeAllVersions: true })),
    }
    try {
      for (const listener of Object.values(listeners)) await listener.waitFor(1)
      await t.editor.create({ _id: 'drafts.layered-1', _type: 'layered', title: 'draft' })
      await t.editor.releases.create({ releaseId: 'rLayers' })
      await t.editor.createVersion({ document: { _id: 'versions.rLayers.layered-1', _type: 'layered', title: 'version' }, publishedId: 'layered-1', releaseId: 'rLayers' })
      await t.editor.create({ _id: 'layered-1', _type: 'layered', title: 'published' })
      // The published document comes last: once every listener has heard it, none hears more.
      const heard = async (listener: ReturnType<typeof collect>, count: number) => ((await listener.waitFor(count + 1)).slice(1) as MutationEvent<Doc>[]).map((event) => event.documentId)
      assert.deepEqual(await heard(listeners.current, 1), ['layered-1'])
      assert.deepEqual(await heard(listeners.currentAll, 3), ['drafts.layered-1', 'versions.rLayers.layered-1', 'layered-1'])
      assert.deepEqual(await heard(listeners.older, 2), ['drafts.layered-1', 'layered-1'])
      assert.deepEqual(await heard(listeners.olderAll, 3), ['drafts.layered-1', 'versions.rLayers.layered-1', 'layered-1'])
      await new Promise((resolve) => setTimeout(resolve, 200))
      assert.deepEqual(
        Object.values(listeners).map((listener) => listener.events.length),
        [2, 4, 3, 4],
        'no listener heard more',
      )
    } finally {
      for (const listener of Object.values(listeners)) listener.stop()
    }
  })

  test('a bad listener query is a 400 JSON error', async () => {
    const response = await fetch(`${t.lake.httpUrl}/v1/data/listen/production?query=${encodeURIComponent('*[')}`)
    assert.equal(response.status, 400)
    const body = (await response.json()) as { error: { type: string } }
    assert.equal(body.error.type, 'queryParseError')
  })
})
