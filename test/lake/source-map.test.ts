/**
 * Content source maps over HTTP: `resultSourceMap=true|withKeyArraySelector` on the real lake,
 * read by the real @sanity/client (raw responses, and stega-encoded results decoded with
 * @vercel/stega, the encoding @sanity/client uses).
 */
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { ContentSourceMap, ContentSourceMapDocumentValueSource, ContentSourceMapParsedPath } from '@sanity/client'
import { jsonPath, parseJsonPath, resolveMapping, resolvedKeyedSourcePath } from '@sanity/client/csm'
import { vercelStegaDecode } from '@vercel/stega'
import { rejection, startTestLake, tempDir } from './helpers'
import type { TestLake } from './helpers'

const BODY = [
  { _key: 'b1', _type: 'block', style: 'normal', markDefs: [], children: [{ _key: 's1', _type: 'span', marks: [], text: 'Talks on trade.' }] },
  {
    _key: 'b2',
    _type: 'block',
    style: 'normal',
    markDefs: [],
    children: [
      { _key: 's2', _type: 'span', marks: [], text: 'Then lunch ' },
      { _key: 's3', _type: 'span', marks: [], text: 'with the mayor.' },
    ],
  },
]

type Source = { id: string; type: string; path: string }

/**
 * Where the map says the value at `resultPath` comes from, found as @sanity/client finds it: by
 * the closest mapped prefix of the path (a stored object passed through whole has one mapping).
 * With `result`, the rest of the path names keyed items by `_key`, as stega writes it; without,
 * by index. 'literal', or undefined when unmapped.
 */
function sourceOf(map: ContentSourceMap | undefined, resultPath: string, result?: unknown): Source | 'literal' | undefined {
  if (!map) return undefined
  const parsed = parseJsonPath(resultPath)
  const resolved = resolveMapping(parsed, map)
  if (!resolved) return undefined
  const { mapping, pathSuffix } = resolved
  if (mapping.source.type === 'literal') return 'literal'
  if (mapping.source.type !== 'documentValue') return undefined
  const source: ContentSourceMapDocumentValueSource = mapping.source
  const document = map.documents[source.document]
  const base = map.paths[source.path]
  assert.ok(document && base !== undefined, `mapping ${resultPath} points past the lookup tables`)
  const path = result === undefined ? base + pathSuffix : jsonPath(resolvedKeyedSourcePath({ keyedResultPath: keyedPath(result, parsed), pathSuffix, sourceBasePath: base }))
  return { id: document._id, type: document._type, path }
}

/** `path` in `result`, with each array item that has a `_key` named by it too (as stega's walk names it). */
function keyedPath(result: unknown, path: ContentSourceMapParsedPath): ContentSourceMapParsedPath {
  let current = result
  return path.map((segment) => {
    const item: unknown =
      typeof segment === 'number' && Array.isArray(current)
        ? current[segment]
        : typeof segment === 'string' && typeof current === 'object' && current !== null
          ? (current as Record<string, unknown>)[segment]
          : undefined
    current = item
    const key = typeof item === 'object' && item !== null ? (item as { _key?: unknown })._key : undefined
    return typeof segment === 'number' && typeof key === 'string' ? { _key: key, _index: segment } : segment
  })
}

describe('content source maps', () => {
  let t: TestLake

  before(async () => {
    t = await startTestLake()
    await t.editor
      .transaction()
      .create({ _id: 'country-fr', _type: 'country', name: 'France' })
      .create({
        _id: 'trip-paris',
        _type: 'trip',
        title: 'Paris',
        slug: { _type: 'slug', current: 'paris' },
        tags: ['trade', 'climate', 'culture'],
        country: { _type: 'reference', _ref: 'country-fr' },
        summary: BODY,
        stops: [
          { _key: 'k-louvre', _type: 'stop', name: 'Louvre', minutes: 90 },
          { _key: "k'elysee", _type: 'stop', name: 'Élysée', minutes: 45 },
        ],
      })
      .create({ _id: 'meeting-1', _type: 'meeting', title: 'Bilateral', trip: { _type: 'reference', _ref: 'trip-paris' }, order: 1 })
      .create({ _id: 'meeting-2', _type: 'meeting', title: 'Press', trip: { _type: 'reference', _ref: 'trip-paris' }, order: 2 })
      .create({ _id: 'drafts.trip-paris', _type: 'trip', title: 'Paris (edited)', slug: { _type: 'slug', current: 'paris' }, tags: ['trade'] })
      .commit()
  })
  after(() => t.stop())

  const fetchMapped = async (query: string, params: Record<string, unknown> = {}, options: { resultSourceMap?: true | 'withKeyArraySelector'; perspective?: 'published' | 'drafts' | 'raw' } = {}) => {
    const response = await t.viewer.fetch(query, params, { filterResponse: false, resultSourceMap: options.resultSourceMap ?? 'withKeyArraySelector', perspective: options.perspective ?? 'published' })
    return { result: response.result, map: response.resultSourceMap }
  }

  test("a projection maps each value to its document and path, in Sanity's shape", async () => {
    const { result, map } = await fetchMapped('*[_type == "trip"][0]{title, "slug": slug.current, "firstTag": tags[0]}')
    assert.deepEqual(result, { title: 'Paris', slug: 'paris', firstTag: 'trade' })
    assert.deepEqual(sourceOf(map, "$['title']"), { id: 'trip-paris', type: 'trip', path: "$['title']" })
    assert.deepEqual(sourceOf(map, "$['slug']"), { id: 'trip-paris', type: 'trip', path: "$['slug']['current']" })
    assert.deepEqual(sourceOf(map, "$['firstTag']"), { id: 'trip-paris', type: 'trip', path: "$['tags'][0]" })
    // Lookup tables hold each document and path once.
    assert.deepEqual(map?.documents, [{ _id: 'trip-paris', _type: 'trip' }])
    assert.equal(new Set(map?.paths).size, map?.paths.length)
  })

  test('withKeyArraySelector names keyed array items by _key; true by index', async () => {
    const query = '*[_id == "trip-paris"][0]{"stops": stops[]{name}, "long": stops[minutes > 60][0].name}'
    const keyed = await fetchMapped(query)
    assert.deepEqual(keyed.result, { stops: [{ name: 'Louvre' }, { name: 'Élysée' }], long: 'Louvre' })
    assert.deepEqual(sourceOf(keyed.map, "$['stops'][0]['name']"), { id: 'trip-paris', type: 'trip', path: "$['stops'][?(@._key=='k-louvre')]['name']" })
    assert.deepEqual(sourceOf(keyed.map, "$['stops'][1]['name']"), { id: 'trip-paris', type: 'trip', path: "$['stops'][?(@._key=='k\\'elysee')]['name']" })
    assert.deepEqual(sourceOf(keyed.map, "$['long']"), { id: 'trip-paris', type: 'trip', path: "$['stops'][?(@._key=='k-louvre')]['name']" })
    const indexed = await fetchMapped(query, {}, { resultSourceMap: true })
    assert.deepEqual(indexed.result, keyed.result)
    assert.deepEqual(sourceOf(indexed.map, "$['stops'][1]['name']"), { id: 'trip-paris', type: 'trip', path: "$['stops'][1]['name']" })
  })

  test('dereferences, sub-queries, slices, coalesce, select and splats map to the documents they read', async () => {
    const { result, map } = await fetchMapped(`*[_id == "trip-paris"][0]{
      "country": country->name,
      "meetings": *[_type == "meeting" && trip._ref == ^._id] | order(order asc) {title, "trip": ^.title},
      "firstTwo": tags[0..1],
      "name": coalesce(subtitle, title),
      "label": select(count(tags) > 2 => tags[2], "none"),
      "whole": country->{...}
    }`)
    assert.deepEqual(sourceOf(map, "$['country']"), { id: 'country-fr', type: 'country', path: "$['name']" })
    assert.deepEqual(sourceOf(map, "$['meetings'][1]['title']"), { id: 'meeting-2', type: 'meeting', path: "$['title']" })
    assert.deepEqual(sourceOf(map, "$['meetings'][1]['trip']"), { id: 'trip-paris', type: 'trip', path: "$['title']" })
    assert.deepEqual(sourceOf(map, "$['firstTwo'][1]"), { id: 'trip-paris', type: 'trip', path: "$['tags'][1]" })
    assert.deepEqual(sourceOf(map, "$['name']"), { id: 'trip-paris', type: 'trip', path: "$['title']" })
    assert.deepEqual(sourceOf(map, "$['label']"), { id: 'trip-paris', type: 'trip', path: "$['tags'][2]" })
    assert.deepEqual(sourceOf(map, "$['whole']['name']"), { id: 'country-fr', type: 'country', path: "$['name']" })
    assert.equal((result as { label: string }).label, 'culture')
  })

  test('computed values are left unmapped and literals are mapped as literal', async () => {
    const { result, map } = await fetchMapped('*[_id == "trip-paris"][0]{"loud": upper(title), "joined": title + "!", "count": count(tags), "kind": "trip", "text": pt::text(summary)}')
    assert.deepEqual(result, { loud: 'PARIS', joined: 'Paris!', count: 3, kind: 'trip', text: 'Talks on trade.\n\nThen lunch with the mayor.' })
    assert.equal(sourceOf(map, "$['loud']"), undefined)
    assert.equal(sourceOf(map, "$['joined']"), undefined)
    assert.equal(sourceOf(map, "$['count']"), undefined)
    assert.equal(sourceOf(map, "$['text']"), undefined)
    assert.equal(sourceOf(map, "$['kind']"), 'literal')
  })

  test('attributes named like what an object inherits read as stored and map to themselves', async () => {
    // (`hasOwnProperty` is refused when written: test/lake/attribute-names.test.ts.)
    await t.editor.createOrReplace({ _id: 'odd-names', _type: 'odd', constructor: 'built', toString: 'text', valueOf: 'value' })
    const query = '*[_id == "odd-names"][0]{constructor, toString, "all": @{...}, "has": defined(constructor)}'
    const plain = await t.viewer.fetch(query)
    const { result, map } = await fetchMapped(query)
    assert.deepEqual(result, plain)
    assert.deepEqual({ ...(result as object), all: undefined }, { constructor: 'built', toString: 'text', all: undefined, has: true })
    assert.deepEqual(sourceOf(map, "$['constructor']"), { id: 'odd-names', type: 'odd', path: "$['constructor']" })
    assert.deepEqual(sourceOf(map, "$['all']['valueOf']"), { id: 'odd-names', type: 'odd', path: "$['valueOf']" })
  })

  test('a stored `__proto__` attribute (JSON allows it; an import can hold one) stays an attribute', async () => {
    // The mutation API refuses such a body, but an NDJSON import keeps the key as an attribute.
    // The copies the traced evaluation reads must too: assigning it would set a prototype.
    const dir = tempDir()
    const seedFile = path.join(dir, 'seed.ndjson')
    writeFileSync(seedFile, '{"_id":"p1","_type":"odd","__proto__":{"polluted":"yes"},"nested":{"__proto__":"deep"}}\n')
    const imported = await startTestLake({ dir, seedFile })
    try {
      const query = '*[_id == "p1"][0]{"proto": __proto__.polluted, "deep": nested.__proto__, "nested": nested}'
      const plain = await imported.viewer.fetch(query)
      const response = await imported.viewer.fetch(query, {}, { filterResponse: false, resultSourceMap: 'withKeyArraySelector' })
      assert.deepEqual(response.result, plain)
      assert.deepEqual(plain, JSON.parse('{"proto":"yes","deep":"deep","nested":{"__proto__":"deep"}}'))
      assert.deepEqual(sourceOf(response.resultSourceMap, "$['proto']"), { id: 'p1', type: 'odd', path: "$['__proto__']['polluted']" })
      assert.deepEqual(sourceOf(response.resultSourceMap, "$['nested']['__proto__']"), { id: 'p1', type: 'odd', path: "$['nested']['__proto__']" })
      assert.equal(({} as { polluted?: unknown }).polluted, undefined)
    } finally {
      await imported.stop()
    }
  })

  test('a built object read again by the next projection is evaluated plainly: same answer, nothing mapped wrongly', async () => {
    const query = '*[_id == "trip-paris"][0]{"o": {"t": title, "n": country->name}}{"a": o, "b": o}'
    const plain = await t.viewer.fetch(query)
    const { result, map } = await fetchMapped(query)
    assert.deepEqual(result, plain)
    assert.deepEqual(result, { a: { t: 'Paris', n: 'France' }, b: { t: 'Paris', n: 'France' } })
    const expected: Record<string, Source> = { t: { id: 'trip-paris', type: 'trip', path: "$['title']" }, n: { id: 'country-fr', type: 'country', path: "$['name']" } }
    for (const key of ['a', 'b']) {
      for (const name of ['t', 'n']) {
        const source = sourceOf(map, `$['${key}']['${name}']`)
        if (source !== undefined) assert.deepEqual(source, expected[name])
      }
    }
  })

  test("queries naming many thousands of attributes in all neither grow a worker's shadow prototype without bound nor break later maps", async () => {
    // Each worker keeps one prototype with a getter per virtual name its queries used, up to 4,096
    // names, then starts a fresh one: 12,000 distinct names here, over every worker.
    for (let batch = 0; batch < 40; batch++) {
      const names = Array.from({ length: 300 }, (_, i) => `n${batch}_${i}`)
      const query = `*[_id == "trip-paris"][0]{${names.join(', ')}, title}`
      const { result, map } = await fetchMapped(query)
      assert.deepEqual(result, { ...Object.fromEntries(names.map((name) => [name, null])), title: 'Paris' })
      assert.deepEqual(sourceOf(map, "$['title']"), { id: 'trip-paris', type: 'trip', path: "$['title']" })
    }
    const { result, map } = await fetchMapped('*[_id == "trip-paris"][0]{title, "country": country->name}')
    assert.deepEqual(result, { title: 'Paris', country: 'France' })
    assert.deepEqual(sourceOf(map, "$['title']"), { id: 'trip-paris', type: 'trip', path: "$['title']" })
    assert.deepEqual(sourceOf(map, "$['country']"), { id: 'country-fr', type: 'country', path: "$['name']" })
  })

  test('portable text passed through maps every span', async () => {
    const { result, map } = await fetchMapped('*[_id == "trip-paris"][0]{summary}')
    // One mapping for the whole of it, as Sanity writes one, and every span found through it.
    assert.deepEqual(Object.keys(map?.mappings ?? {}), ["$['summary']"])
    assert.deepEqual(sourceOf(map, "$['summary'][1]['children'][1]['text']", result), {
      id: 'trip-paris',
      type: 'trip',
      path: "$['summary'][?(@._key=='b2')]['children'][?(@._key=='s3')]['text']",
    })
  })

  test("in the drafts perspective a draft's values map to the draft, under its real id", async () => {
    const { result, map } = await fetchMapped('*[_type == "trip"][0]{_id, title, "country": country->name, ...}', {}, { perspective: 'drafts' })
    assert.equal((result as { title: string }).title, 'Paris (edited)')
    assert.deepEqual(sourceOf(map, "$['title']"), { id: 'drafts.trip-paris', type: 'trip', path: "$['title']" })
    // The view's `_id` is the published id, which the draft does not hold: not mapped to it.
    assert.equal(sourceOf(map, "$['_id']"), undefined)
    assert.equal(sourceOf(map, "$['_originalId']"), undefined)
    assert.deepEqual(sourceOf(map, "$['tags'][0]"), { id: 'drafts.trip-paris', type: 'trip', path: "$['tags'][0]" })
  })

  test("a share link's overlay maps the overlaid draft to the draft", async () => {
    const query = encodeURIComponent('*[_id == "trip-paris"][0]{title, "meetings": *[_type == "meeting" && trip._ref == ^._id]{title}}')
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/query/production?query=${query}&overlayDrafts=trip-paris&resultSourceMap=true`, {
      headers: { authorization: `Bearer ${t.tokens.viewer}` },
    })
    assert.equal(response.status, 200)
    const body = (await response.json()) as { result: { title: string }; resultSourceMap: ContentSourceMap }
    assert.equal(body.result.title, 'Paris (edited)')
    assert.deepEqual(sourceOf(body.resultSourceMap, "$['title']"), { id: 'drafts.trip-paris', type: 'trip', path: "$['title']" })
    assert.deepEqual(sourceOf(body.resultSourceMap, "$['meetings'][0]['title']"), { id: 'meeting-1', type: 'meeting', path: "$['title']" })
  })

  test('the result is the same with and without a source map', async () => {
    const query = '*[_type in ["trip", "meeting"]] | order(_id) {..., "trip": trip->title, "n": count(*[references(^._id)])}'
    const plain = await t.viewer.fetch(query, {}, { perspective: 'raw' })
    const { result, map } = await fetchMapped(query, {}, { perspective: 'raw' })
    assert.deepEqual(result, plain)
    assert.ok(map && Object.keys(map.mappings).length > 10)
  })

  test('@sanity/client with stega encodes edit intents that open the right document and field', async () => {
    const stega = t.viewer.withConfig({ stega: { enabled: true, studioUrl: '/studio', filter: () => true } })
    const trip = await stega.fetch<{ title: string; stops: { name: string }[]; meetings: { title: string }[] }>(
      '*[_id == "trip-paris"][0]{title, stops[]{name}, "meetings": *[_type == "meeting" && trip._ref == ^._id] | order(order asc) {title}}',
      {},
      { perspective: 'published' },
    )
    const intent = (value: string) => {
      const decoded = vercelStegaDecode(value) as { href?: string } | undefined
      assert.ok(decoded?.href, `no edit intent encoded in ${JSON.stringify(value)}`)
      const query = new URL(decoded.href, 'http://studio.invalid').searchParams
      return { id: query.get('id'), type: query.get('type'), path: query.get('path'), perspective: query.get('perspective') }
    }
    // The client names the published id in the intent and says which version: `published` here.
    assert.deepEqual(intent(trip.title), { id: 'trip-paris', type: 'trip', path: 'title', perspective: 'published' })
    // (A key with a quote is written as @sanity/client's own jsonPath() writes it, see above; its
    // parser keeps the backslash, so the keyed stop without one is checked here.)
    assert.deepEqual(intent(trip.stops[0]?.name ?? ''), { id: 'trip-paris', type: 'trip', path: 'stops[_key=="k-louvre"].name', perspective: 'published' })
    assert.deepEqual(intent(trip.meetings[1]?.title ?? ''), { id: 'meeting-2', type: 'meeting', path: 'title', perspective: 'published' })
    // In the drafts perspective the title is the draft's: the intent opens the draft (no `published`).
    const draft = await stega.fetch<{ title: string }>('*[_id == "trip-paris"][0]{title}', {}, { perspective: 'drafts' })
    assert.equal(draft.title.startsWith('Paris (edited)'), true)
    assert.deepEqual(intent(draft.title), { id: 'trip-paris', type: 'trip', path: 'title', perspective: null })
  })

  test('an unknown resultSourceMap value is a 400 and no query runs', async () => {
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/query/production?query=${encodeURIComponent('*')}&resultSourceMap=yes`)
    assert.equal(response.status, 400)
    const body = (await response.json()) as { error: { description: string } }
    assert.match(body.error.description, /resultSourceMap/)
  })

  test('without the option the response has no map', async () => {
    const response = await t.viewer.fetch('*[_id == "trip-paris"][0].title', {}, { filterResponse: false })
    assert.equal('resultSourceMap' in response, false)
  })

  test('a map that would take the response past the result cap is refused with a 400', async () => {
    const small = await startTestLake({ queryLimits: { maxResultBytes: 400 } })
    try {
      await small.editor.create({ _id: 'many', _type: 'list', items: Array.from({ length: 12 }, (_, i) => `item ${i}`) })
      const plain = await small.viewer.fetch('*[_id == "many"][0].items')
      assert.equal(plain.length, 12)
      const error = await rejection(small.viewer.fetch('*[_id == "many"][0].items', {}, { resultSourceMap: true }))
      assert.equal(error.statusCode, 400)
      assert.match(error.message, /larger than the lake's limit/)
    } finally {
      await small.stop()
    }
  })
})
