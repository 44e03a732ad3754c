/**
 * Sync tags and the Live Content API, through the real @sanity/client: query responses carry
 * `syncTags`, `client.live.events()` names them after a change that alters the result, a resumed
 * stream replays what it missed, and a property test over generated queries and mutations shows
 * that no change a query would see goes unnamed (and how many names are spurious).
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LiveEvent, SanityClient } from '@sanity/client'
import type { Subscription } from 'rxjs'
import { clientFor, startTestLake, takeSseEvents } from './helpers'
import type { TestLake } from './helpers'

type Response = { result: unknown; syncTags: string[] }

async function fetchWithTags(client: SanityClient, query: string, perspective: 'published' | 'drafts' = 'published'): Promise<Response> {
  const response = await client.fetch(query, {}, { filterResponse: false, perspective })
  assert.ok(Array.isArray(response.syncTags), `syncTags in the response to ${query}`)
  return { result: response.result, syncTags: response.syncTags }
}

/** Collects a live stream's messages by transaction id (tags of split messages merged). */
class LiveRecorder {
  readonly byTransaction = new Map<string, Set<string>>()
  readonly events: LiveEvent[] = []
  private readonly subscription: Subscription
  private waiters: { id: string; resolve: () => void }[] = []
  private pendingTags: string[] = []
  readonly welcomed: Promise<void>

  constructor(client: SanityClient, includeDrafts: boolean) {
    let welcome: () => void = () => undefined
    this.welcomed = new Promise((resolve) => (welcome = resolve))
    this.subscription = client.live.events({ includeDrafts }).subscribe({
      next: (event) => {
        this.events.push(event)
        if (event.type === 'welcome') welcome()
        if (event.type !== 'message') return
        this.pendingTags.push(...event.tags)
        const set = this.byTransaction.get(event.id) ?? new Set()
        for (const tag of this.pendingTags) set.add(tag)
        this.pendingTags = []
        this.byTransaction.set(event.id, set)
        this.waiters = this.waiters.filter((waiter) => (waiter.id === event.id ? (waiter.resolve(), false) : true))
      },
      error: (error: unknown) => console.error('live events failed', error),
    })
  }

  async tagsOf(transactionId: string, timeoutMs = 5000): Promise<Set<string>> {
    const known = this.byTransaction.get(transactionId)
    if (known) return known
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No live message for transaction ${transactionId}`)), timeoutMs)
      this.waiters.push({ id: transactionId, resolve: () => (clearTimeout(timer), resolve()) })
    })
    return this.byTransaction.get(transactionId) ?? new Set()
  }

  close(): void {
    this.subscription.unsubscribe()
  }
}

function intersects(tags: Iterable<string>, others: ReadonlySet<string>): boolean {
  for (const tag of tags) if (others.has(tag)) return true
  return false
}

describe('sync tags in query responses', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake()
    await t.editor
      .transaction()
      .createOrReplace({ _id: 'post-1', _type: 'post', title: 'One', author: { _type: 'reference', _ref: 'person-1' } })
      .createOrReplace({ _id: 'post-2', _type: 'post', title: 'Two' })
      .createOrReplace({ _id: 'person-1', _type: 'person', name: 'Ada' })
      .createOrReplace({ _id: 'person-2', _type: 'person', name: 'Grace' })
      .commit()
  })
  after(() => t.stop())

  test('every query response carries opaque s1: tags, the same for the same dependencies', async () => {
    const posts = await fetchWithTags(t.anonymous, '*[_type == "post"]{title}')
    assert.ok(posts.syncTags.length > 0 && posts.syncTags.every((tag) => /^s1:[A-Za-z0-9_-]+$/.test(tag)))
    const again = await fetchWithTags(t.editor, '*[_type == "post"] | order(title desc)[0]')
    assert.deepEqual(again.syncTags, posts.syncTags)
    const people = await fetchWithTags(t.anonymous, '*[_type == "person"]')
    assert.ok(!intersects(people.syncTags, new Set(posts.syncTags)), 'different types, different tags')
    // The raw response (GET and POST alike) has the field, as Sanity's does.
    const raw = (await (await fetch(`${t.lake.httpUrl}/v2025-02-19/data/query/production?query=${encodeURIComponent('count(*)')}`)).json()) as Record<string, unknown>
    assert.ok(Array.isArray(raw.syncTags) && raw.syncTags.length === 1)
  })

  test('a followed reference adds its document to the tags; a lookup by id is one tag', async () => {
    const withAuthor = await fetchWithTags(t.anonymous, '*[_type == "post"]{title, "author": author->name}')
    const plain = await fetchWithTags(t.anonymous, '*[_type == "post"]{title}')
    assert.equal(withAuthor.syncTags.length, plain.syncTags.length + 1)
    const byId = await fetchWithTags(t.anonymous, '*[_id == "person-2"][0]')
    assert.equal(byId.syncTags.length, 1)
    assert.ok(!intersects(byId.syncTags, new Set(withAuthor.syncTags)), 'person-2 is not followed from any post')
  })

  test('anonymous tags say nothing of drafts', async () => {
    const query = '*[_id == "post-2"]{title, "author": author->name}'
    const beforeDraft = await fetchWithTags(t.anonymous, query)
    await t.editor.createOrReplace({ _id: 'drafts.post-2', _type: 'post', title: 'Two (draft)', author: { _type: 'reference', _ref: 'person-2' } })
    const afterDraft = await fetchWithTags(t.anonymous, query)
    assert.deepEqual(afterDraft.syncTags, beforeDraft.syncTags)
    // The drafts perspective does follow the draft's reference: one more tag, for person-2.
    const preview = await fetchWithTags(t.viewer, query, 'drafts')
    assert.equal(preview.syncTags.length, beforeDraft.syncTags.length + 1)
  })

  test('/check/cors answers as Sanity does for allowed and refused origins', async () => {
    const direct = (await (await fetch(`${t.lake.httpUrl}/v2025-02-19/check/cors`)).json()) as unknown
    assert.deepEqual(direct, { result: { allowed: true, withCredentials: true } })
    const refused = await fetch(`${t.lake.httpUrl}/v2025-02-19/check/cors`, { headers: { origin: 'https://elsewhere.example' } })
    assert.equal(refused.headers.get('access-control-allow-origin'), '*', 'a refused origin can still read the answer')
    assert.deepEqual(await refused.json(), { result: { allowed: false, withCredentials: false } })
  })
})

describe('live events name the tags of the queries a change alters', () => {
  let t: TestLake
  let live: LiveRecorder
  before(async () => {
    t = await startTestLake()
    await t.editor.transaction().createOrReplace({ _id: 'article-1', _type: 'article', title: 'First' }).createOrReplace({ _id: 'venue-1', _type: 'venue', name: 'Hall' }).commit()
    live = new LiveRecorder(t.anonymous, false)
    await live.welcomed
  })
  after(async () => {
    live.close()
    await t.stop()
  })

  test('a relevant mutation names a tag of the query, an unrelated one names none', async () => {
    const articles = await fetchWithTags(t.anonymous, '*[_type == "article"]{title}')
    const relevant = await t.editor.patch('article-1').set({ title: 'First, edited' }).commit()
    assert.ok(intersects(await live.tagsOf(relevant._rev), new Set(articles.syncTags)))
    const unrelated = await t.editor.patch('venue-1').set({ name: 'Hall B' }).commit()
    const unrelatedTags = await live.tagsOf(unrelated._rev)
    assert.ok(unrelatedTags.size > 0)
    assert.ok(!intersects(unrelatedTags, new Set(articles.syncTags)), 'a venue edit does not touch the articles query')
    // A query the tags cannot narrow is named by every change.
    const anything = await fetchWithTags(t.anonymous, '*[name == "Hall B"][0]')
    assert.ok(intersects(unrelatedTags, new Set(anything.syncTags)))
  })

  test('a draft-only change is not announced to anonymous listeners', async () => {
    const draft = await t.editor.createOrReplace({ _id: 'drafts.article-1', _type: 'article', title: 'Secret draft' })
    const published = await t.editor.patch('venue-1').set({ name: 'Hall C' }).commit()
    await live.tagsOf(published._rev)
    assert.equal(live.byTransaction.has(draft._rev), false)
  })
})

describe('resuming a live events stream from its last event id', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake()
  })
  after(() => t.stop())

  /** Reads events from the raw stream until `until` is satisfied or 5 s pass. */
  async function readStream(headers: Record<string, string>, until: (events: { event: string; id?: string; data: string }[]) => boolean) {
    const controller = new AbortController()
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/live/events/production`, { headers, signal: controller.signal })
    assert.equal(response.status, 200)
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const events: { event: string; id?: string; data: string }[] = []
    let buffer = ''
    const deadline = setTimeout(() => controller.abort(), 5000)
    try {
      while (!until(events)) {
        const { value, done } = await reader.read()
        if (done) break
        const taken = takeSseEvents(buffer + new TextDecoder().decode(value))
        buffer = taken.rest
        events.push(...taken.events)
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error
    } finally {
      clearTimeout(deadline)
      controller.abort()
    }
    return events
  }

  test('Last-Event-ID replays the transactions after it, in order, without a restart', async () => {
    const first = await t.editor.create({ _id: 'note-1', _type: 'note', text: 'a' })
    const second = await t.editor.patch('note-1').set({ text: 'b' }).commit()
    const third = await t.editor.create({ _id: 'note-2', _type: 'note', text: 'c' })
    const events = await readStream({ 'last-event-id': first._rev }, (seen) => seen.filter((e) => e.event === 'message').length >= 2)
    assert.deepEqual(
      events.map((e) => e.event),
      ['welcome', 'message', 'message'],
    )
    assert.deepEqual(
      events.slice(1).map((e) => e.id),
      [second._rev, third._rev],
    )
    // The replayed message names the same tags as the live one did.
    const query = await fetchWithTags(t.anonymous, '*[_id == "note-2"][0]')
    assert.ok(intersects((JSON.parse(events[2]!.data) as { tags: string[] }).tags, new Set(query.syncTags)))
  })

  test('an id the lake cannot resume from starts with restart, carrying the latest id', async () => {
    const latest = await t.editor.patch('note-2').set({ text: 'd' }).commit()
    const events = await readStream({ 'last-event-id': 'no-such-transaction' }, (seen) => seen.some((e) => e.event === 'welcome'))
    assert.deepEqual(
      events.map((e) => e.event),
      ['restart', 'welcome'],
    )
    assert.equal(events[0]!.id, latest._rev)
  })

  test('the real client sees messages whose id it can resume from', async () => {
    const live = new LiveRecorder(clientFor(t.lake), false)
    await live.welcomed
    const change = await t.editor.patch('note-1').set({ text: 'e' }).commit()
    await live.tagsOf(change._rev)
    live.close()
    const after = await t.editor.patch('note-1').set({ text: 'f' }).commit()
    const replayed = await readStream({ 'last-event-id': change._rev }, (seen) => seen.some((e) => e.event === 'message'))
    assert.equal(replayed.find((e) => e.event === 'message')?.id, after._rev)
  })
})

/** A small seeded generator, so a failure can be replayed with the same seed. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T
  return { int, pick }
}

const TYPES = ['alpha', 'beta', 'gamma', 'delta'] as const
const IDS = Array.from({ length: 16 }, (_, i) => `doc-${i}`)

function randomQuery(random: ReturnType<typeof generator>): string {
  const type = random.pick(TYPES)
  const other = random.pick(TYPES)
  const id = random.pick(IDS)
  const n = random.int(10)
  const shapes = [
    () => `*[_type == "${type}"]{_id, title}`,
    () => `*[_type == "${type}" && n > ${n}]._id`,
    () => `*[_type in ["${type}", "${other}"] && n < ${n}] | order(_id)`,
    () => `count(*[_type == "${type}"])`,
    () => `*[_id == "${id}"][0]{title, n, "friend": friend->title}`,
    () => `*[_id in ["${id}", "${random.pick(IDS)}"]]{_id, _type}`,
    () => `*[_type == "${type}" || _id == "${id}"]{_id, title}`,
    () => `*[_type == "${type}"]{_id, "friend": friend->{_id, title, n}}`,
    () => `*[_type == "${type}"]{_id, "fans": *[_type == "${other}" && friend._ref == ^._id]._id}`,
    () => `*[title == "t${n}"]._id`,
    () => `*[references("${id}")]._id`,
    () => `*[_type == "${type}"] | order(n desc)[0].title`,
    // Referrer tags: constant and correlated `_ref ==` / `references()`, with and without a type,
    // string keys, non-string keys (`^.n`) and keys that are no id (`^.title`).
    () => `*[friend._ref == "${id}"]{_id, title}`,
    () => `*[_type == "${type}" && references("${id}", ["${random.pick(IDS)}"])]._id`,
    () => `*[_type == "${type}"]{_id, "fans": *[friend._ref == ^._id]{_id, n}}`,
    () => `*[_type == "${type}"]{_id, "linked": *[references(^._id)]._id}`,
    () => `*[_id == "${id}"][0]{"fans": *[_type == "${other}" && references(^.friend._ref)]._id}`,
    () => `*[_type == "${type}"]{"odd": *[friend._ref == ^.n]._id, "byTitle": *[friend._ref == ^.title]._id}`,
    // A null key (no friend) matches the documents that reference nothing there.
    () => `*[_type == "${type}"]{_id, "sameFriend": *[_type == "${other}" && friend._ref == ^.friend._ref]{_id, n}}`,
    () => `*[_type == "${type}"]{"both": *[references(^._id) && links[0]._ref == ^._id]._id}`,
  ]
  return random.pick(shapes)()
}

function randomDoc(random: ReturnType<typeof generator>, id: string) {
  return {
    _id: id,
    _type: random.pick(TYPES),
    title: `t${random.int(10)}`,
    n: random.int(10),
    ...(random.int(2) ? { friend: { _type: 'reference', _ref: random.pick(IDS), _weak: true } } : {}),
    ...(random.int(2) ? { links: [{ _key: 'k', _type: 'reference', _ref: random.pick(IDS), _weak: true }] } : {}),
  }
}

describe('property: no change a query would see goes unnamed', () => {
  let t: TestLake
  let published: LiveRecorder
  let drafts: LiveRecorder
  before(async () => {
    t = await startTestLake()
    const random = generator(7)
    const seed = t.editor.transaction()
    for (const id of IDS.slice(0, 12)) seed.createOrReplace(randomDoc(random, id))
    for (const id of IDS.slice(0, 3)) seed.createOrReplace(randomDoc(random, `drafts.${id}`))
    await seed.commit()
    published = new LiveRecorder(t.anonymous, false)
    drafts = new LiveRecorder(t.viewer, true)
    await Promise.all([published.welcomed, drafts.welcomed])
  })
  after(async () => {
    published.close()
    drafts.close()
    await t.stop()
  })

  test('50 generated queries × 50 generated mutations, published and drafts perspectives', async () => {
    const random = generator(2026)
    const queries = Array.from({ length: 50 }, (_, i) => ({ query: randomQuery(random), perspective: i % 2 === 0 ? ('published' as const) : ('drafts' as const) }))
    const run = (q: (typeof queries)[number]) => fetchWithTags(q.perspective === 'published' ? t.anonymous : t.viewer, q.query, q.perspective)
    let states = await Promise.all(queries.map(run))
    const misses: string[] = []
    let changedPairs = 0
    let notifiedPairs = 0
    let spurious = 0
    for (let m = 0; m < 50; m++) {
      const id = random.pick(IDS)
      const draft = random.int(3) === 0
      const target = draft ? `drafts.${id}` : id
      const kind = random.pick(['patch', 'replace', 'delete', 'replace'] as const)
      const exists = (await t.viewer.getDocument(target)) !== undefined
      let transactionId: string
      if (kind === 'delete' && exists) {
        transactionId = (await t.editor.transaction().delete(target).commit()).transactionId
      } else if (kind === 'patch' && exists) {
        transactionId = (
          await t.editor
            .transaction()
            .patch(target, (p) => p.set({ n: random.int(10), title: `t${random.int(10)}` }))
            .commit()
        ).transactionId
      } else {
        // createOrReplace with a random type: type changes happen here.
        transactionId = (await t.editor.transaction().createOrReplace(randomDoc(random, target)).commit()).transactionId
      }
      const draftTags = await drafts.tagsOf(transactionId)
      const publishedTags = draft ? new Set<string>() : await published.tagsOf(transactionId)
      const next = await Promise.all(queries.map(run))
      queries.forEach((q, i) => {
        const before = states[i] as Response
        const after = next[i] as Response
        const changed = JSON.stringify(before.result) !== JSON.stringify(after.result)
        const named = intersects(q.perspective === 'published' ? publishedTags : draftTags, new Set(before.syncTags))
        if (changed) changedPairs++
        if (named) notifiedPairs++
        if (changed && !named) misses.push(`${kind} ${target} changed ${q.perspective} ${q.query} without naming its tags`)
        if (!changed && named) spurious++
      })
      states = next
    }
    // Anonymous listeners never heard of a draft-only transaction.
    for (const [id] of published.byTransaction) assert.ok(drafts.byTransaction.has(id))
    console.log(
      `sync tags: ${changedPairs} changed results, ${notifiedPairs} notified, ${misses.length} missed, ${spurious} spurious ` +
        `(${((100 * spurious) / Math.max(1, notifiedPairs)).toFixed(1)}% of notifications)`,
    )
    assert.deepEqual(misses, [])
    assert.ok(changedPairs > 50, 'the generated mutations change many results')
  })
})
