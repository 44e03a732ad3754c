/**
 * Property test of content source maps: for generated documents and generated queries, over the
 * real lake and the real @sanity/client, in the published, drafts and raw perspectives,
 *
 * - the result with `resultSourceMap` is the result without it;
 * - every value of the result, found as @sanity/client finds it (the closest mapped prefix of its
 *   path, the rest named as stega names it), is exactly the value at that place of the named
 *   stored document (and the document's `_type` is the one named); a whole object or array
 *   mapped at once holds in its document exactly what the result holds;
 * - a value mapped in the published perspective comes from a published document, and one mapped
 *   in the drafts perspective from the draft whenever the document has one (real ids);
 * - a value mapped as `literal` is written in the query or passed as a parameter;
 * - mapping keys are written exactly as @sanity/client's `jsonPath()` writes them (its lookups
 *   find them), and with `withKeyArraySelector` keyed items are named by `_key`.
 *
 * - a value of a projected object maps to the document that object was projected from: every
 *   document carries a unique `uid`, every generated projection names it, so the test knows,
 *   independently of the map, which document each object is (and which names, `->` or a
 *   sub-query, lead elsewhere).
 *
 * Strings are drawn from a small pool as well as unique ones, and some documents are copies of
 * others under another id, so ties (in `order()`, in `coalesce`, between documents) are common:
 * a value found in the wrong document would often be equal, which the value check alone would
 * miss and the `uid` check catches. Coverage is asserted too, so the properties cannot hold by
 * mapping nothing.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { isDeepStrictEqual } from 'node:util'
import type { ContentSourceMap, ContentSourceMapParsedPath } from '@sanity/client'
import { jsonPath, parseJsonPath, resolveMapping, resolvedKeyedSourcePath } from '@sanity/client/csm'
import { seededRandom, startTestLake } from './helpers'
import type { TestLake } from './helpers'

type Random = () => number
type Stored = Record<string, unknown> & { _id: string; _type: string }

const TYPES = ['a', 'b', 'c']
const POOL = ['alpha', 'beta', 'gamma', 'Alpha', '', "it's", 'ünï "q"', 'line\nbreak']
const QUERIES = 240
const PERSPECTIVES = ['published', 'drafts', 'raw'] as const

function generator(random: Random) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const chance = (p: number) => random() < p
  let unique = 0
  const text = () => (chance(0.5) ? pick(POOL) : `v${unique++}`)
  const int = () => Math.floor(random() * 10)
  return { pick, chance, text, int }
}

/** Published documents, some with drafts, some drafts only, over three types. */
function generatedDocuments(random: Random): Stored[] {
  const { pick, chance, text, int } = generator(random)
  const ids = Array.from({ length: 40 }, (_, i) => `doc-${i}`)
  const key = (i: number) => pick([`k${i}`, `k.${i}`, `k-${i}-x`])
  const block = (i: number) => ({
    _type: 'block',
    _key: `b${i}`,
    style: 'normal',
    markDefs: [],
    children: Array.from({ length: 1 + (int() % 2) }, (_, j) => ({ _type: 'span', _key: `s${i}${j}`, marks: [], text: text() })),
  })
  const documentFor = (id: string): Stored => {
    const doc: Stored = { _id: id, _type: pick(TYPES), uid: `uid-${id}` }
    if (chance(0.9)) doc.s = text()
    if (chance(0.8)) doc.n = int()
    if (chance(0.5)) doc.flag = chance(0.5)
    if (chance(0.7)) doc.o = { p: text(), q: int(), ...(chance(0.5) ? { deep: { r: text() } } : {}) }
    if (chance(0.7)) doc.tags = Array.from({ length: int() % 4 }, () => text())
    if (chance(0.7)) {
      doc.items = Array.from({ length: int() % 4 }, (_, i) => ({ ...(chance(0.8) ? { _key: key(i) } : {}), _type: 'item', x: text(), y: int(), tags: [text()] }))
    }
    if (chance(0.6)) doc.ref = { _type: 'reference', _ref: pick(ids), _weak: true }
    if (chance(0.5)) doc.refs = Array.from({ length: int() % 3 }, (_, i) => ({ _key: `r${i}`, _type: 'reference', _ref: pick(ids), _weak: true }))
    if (chance(0.4)) doc.body = Array.from({ length: 1 + (int() % 2) }, (_, i) => block(i))
    return doc
  }
  const docs = ids.map(documentFor)
  for (const doc of docs.slice(0, 12)) docs.push({ ...documentFor(`drafts.${doc._id}`), _type: doc._type })
  // Ties between documents: copies of others' values under other ids.
  for (const doc of docs.slice(20, 26)) docs.push({ ...doc, _id: `${doc._id}-twin`, uid: `uid-${doc._id}-twin` })
  for (let i = 0; i < 4; i++) docs.push(documentFor(`drafts.new-${i}`))
  return docs
}

/** A query from the constructs the map follows (and some it must leave unmapped). */
function generatedQuery(random: Random): string {
  const { pick, chance, int } = generator(random)
  const type = () => JSON.stringify(pick(TYPES))
  const source = () =>
    pick([
      () => `*[_type == ${type()}]`,
      () => `*[_type == ${type()} && n > ${int()}]`,
      () => `*[_type == ${type()}] | order(n desc)`,
      () => `*[_type == ${type()}] | order(s asc)`,
      () => `*[defined(o)]`,
      () => `*[_id == "doc-${int()}"]`,
      () => `*[references("doc-${int()}")]`,
      () => `*[s == "alpha" || s == "beta"]`,
    ])()
  const field = (): string =>
    pick([
      's',
      'n',
      'flag',
      'o',
      '"p": o.p',
      '"r": o.deep.r',
      'tags',
      '"t0": tags[0]',
      '"tl": tags[-1]',
      '"ts": tags[1..2]',
      '"it": items[]{x, y, _key}',
      '"ix": items[y > 4]{x}',
      '"ik": items[_key == "k1"][0].x',
      '"i0": items[0].x',
      '"flat": items[].x',
      '"flatTags": items[].tags[]',
      '"deref": ref->s',
      '"derefObj": ref->{uid, s, n, o}',
      '"derefs": refs[]->s',
      '"derefSplat": refs[]->{...}',
      '"c": coalesce(missing, s, "none")',
      '"c2": coalesce(o.p, tags[0])',
      '"sel": select(n > 5 => s, o.p)',
      '"sel2": select(flag => "yes", "no")',
      '...',
      '"o2": o{...}',
      '"sp": {...o}',
      '"sp2": {...o, "p": s}',
      '"pt": pt::text(body)',
      'body',
      '"u": upper(s)',
      '"cat": s + "-" + o.p',
      '"cnt": count(tags)',
      '"sub": *[_type == "a" && ref._ref == ^._id]{uid, s, "up": ^.s}',
      '"sub0": *[_type == "b" && n < ^.n] | order(n asc)[0].s',
      '"lit": "literal text"',
      '"num": 42',
      '"param": $p',
      '"nested": {"a": s, "b": {"c": o.p}}',
      '"arr": [s, o.p, "x", ...tags]',
      '"k": {"k": s}.k',
      '"id": _id',
      '_originalId',
    ])
  // Every projection names its document's `uid`: the test's own record of where each object came from.
  const projection = () => `{uid, ${Array.from({ length: 1 + (int() % 5) }, field).join(', ')}}`
  const slice = () => (chance(0.3) ? pick(['[0...3]', '[1]', '[0]', '[-1]']) : '')
  return pick([
    () => `${source()}${slice()}${projection()}`,
    () => `${source()}${projection()}${slice()}`,
    () => `${source()}${projection()} | order(n desc)`,
    () => `${source()}${projection()}[s == "alpha"]`,
    () => `${source()}.s`,
    () => `${source()}[0].o`,
    () => `${source()}[0]`,
    () => `${source()}`,
    () => `{"first": ${source()}[0]${projection()}, "count": count(${source()})}`,
  ])()
}

type Segment = string | number | { _key: string }

/** Projected names whose values come from another document than the object's own. */
const OTHER_DOCUMENT = new Set(['deref', 'derefObj', 'derefs', 'derefSplat', 'sub', 'sub0', 'up'])

/**
 * For each leaf of `result`, the stored document it must come from when the test knows: the one
 * whose `uid` the nearest enclosing object carries, unless a name on the way leads elsewhere.
 */
function ownersOf(result: unknown, uids: ReadonlyMap<string, string>): Map<string, string> {
  const owners = new Map<string, string>()
  const walk = (value: unknown, path: Segment[], owner: string | undefined) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index], owner))
      return
    }
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>
      const own = typeof record.uid === 'string' ? uids.get(record.uid) : undefined
      for (const [name, item] of Object.entries(record)) walk(item, [...path, name], OTHER_DOCUMENT.has(name) ? undefined : (own ?? owner))
      return
    }
    if (owner) owners.set(jsonPath(path.map((segment) => (typeof segment === 'object' ? { _key: segment._key, _index: -1 } : segment))), owner)
  }
  walk(result, [], undefined)
  return owners
}

function valueAt(value: unknown, path: readonly Segment[]): { found: boolean; value?: unknown } {
  let current: unknown = value
  for (const segment of path) {
    if (typeof segment === 'string') {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, segment)) return { found: false }
      current = (current as Record<string, unknown>)[segment]
    } else if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return { found: false }
      current = current[segment]
    } else {
      if (!Array.isArray(current)) return { found: false }
      const matches = current.filter((item: unknown) => typeof item === 'object' && item !== null && (item as { _key?: unknown })._key === segment._key)
      // A keyed segment must name one item, or an edit would go to an ambiguous place.
      if (matches.length !== 1) return { found: false }
      current = matches[0]
    }
  }
  return { found: true, value: current }
}

/** Every string, number and boolean of `value`, with its path by index and as stega names it (keyed items by `_key`). */
function leavesOf(value: unknown): { indexPath: ContentSourceMapParsedPath; keyedPath: ContentSourceMapParsedPath; leaf: string | number | boolean }[] {
  const leaves: { indexPath: ContentSourceMapParsedPath; keyedPath: ContentSourceMapParsedPath; leaf: string | number | boolean }[] = []
  const walk = (current: unknown, indexPath: ContentSourceMapParsedPath, keyedPath: ContentSourceMapParsedPath) => {
    if (isLeaf(current)) leaves.push({ indexPath, keyedPath, leaf: current })
    else if (Array.isArray(current)) {
      current.forEach((item: unknown, index) => {
        const key = typeof item === 'object' && item !== null ? (item as { _key?: unknown })._key : undefined
        walk(item, [...indexPath, index], [...keyedPath, typeof key === 'string' ? { _key: key, _index: index } : index])
      })
    } else if (typeof current === 'object' && current !== null) for (const [name, item] of Object.entries(current)) walk(item, [...indexPath, name], [...keyedPath, name])
  }
  walk(value, [], [])
  return leaves
}

function isLeaf(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

function segmentsOf(path: string): Segment[] {
  return parseJsonPath(path).map((segment) => (typeof segment === 'object' ? { _key: segment._key } : segment))
}

describe('content source maps: property test', () => {
  let t: TestLake
  let stored: Map<string, Stored>
  let uids: Map<string, string>

  before(async () => {
    t = await startTestLake()
    const docs = generatedDocuments(seededRandom(1818))
    const transaction = t.editor.transaction()
    for (const doc of docs) transaction.createOrReplace(doc)
    await transaction.commit()
    // As stored (with the lake's system fields), read back through the raw perspective.
    const all = await t.viewer.fetch<Stored[]>('*', {}, { perspective: 'raw' })
    stored = new Map(all.map((doc) => [doc._id, doc]))
    uids = new Map(all.map((doc) => [String(doc.uid), doc._id]))
    assert.equal(stored.size, docs.length)
  })
  after(() => t.stop())

  test(`every mapped path resolves to the result's value in the named document (${QUERIES} generated queries)`, async (context) => {
    const random = seededRandom(18)
    const params = { p: 'param value' }
    let mapped = 0
    let queriesMapped = 0
    let keyedSegments = 0
    const failures: string[] = []
    for (let i = 0; i < QUERIES; i++) {
      const query = generatedQuery(random)
      const perspective = PERSPECTIVES[i % PERSPECTIVES.length] as (typeof PERSPECTIVES)[number]
      const keyed = i % 2 === 0
      const plain = await t.viewer.fetch(query, params, { perspective })
      const response = await t.viewer.fetch(query, params, { perspective, filterResponse: false, resultSourceMap: keyed ? 'withKeyArraySelector' : true })
      const where = `query ${i} (${perspective}, ${keyed ? 'withKeyArraySelector' : 'true'}): ${query}`
      assert.deepEqual(response.result, plain, `${where}: the result changed with resultSourceMap`)
      const map: ContentSourceMap | undefined = response.resultSourceMap
      if (response.result === null || response.result === undefined) continue
      assert.ok(map, `${where}: no resultSourceMap`)
      const owners = ownersOf(response.result, uids)
      let queryMapped = false
      // The map's own entries: keys as @sanity/client writes them, each at a value of the result,
      // and a whole object or array mapped at once holds, in its document, exactly what the result does.
      for (const [resultPath, mapping] of Object.entries(map.mappings)) {
        const fail = (message: string) => failures.push(`${where}\n  ${resultPath}: ${message}`)
        if (jsonPath(parseJsonPath(resultPath)) !== resultPath) fail("mapping key is not in @sanity/client's jsonPath form")
        const inResult = valueAt(response.result, segmentsOf(resultPath))
        if (!inResult.found) fail('mapped path is not in the result')
        else if (mapping.source.type === 'literal' && !isLeaf(inResult.value)) fail(`literal mapping of a container: ${JSON.stringify(inResult.value)}`)
        if (mapping.source.type !== 'documentValue' || !inResult.found || isLeaf(inResult.value)) continue
        const document = map.documents[mapping.source.document]
        const sourcePath = map.paths[mapping.source.path]
        const inSource = document && sourcePath !== undefined ? valueAt(stored.get(document._id), segmentsOf(sourcePath)) : { found: false }
        if (!inSource.found || !isDeepStrictEqual(inSource.value, inResult.value)) fail(`a container mapped to ${document?._id} ${sourcePath}, which holds something else`)
      }
      // Every value of the result as a client finds its place: by the closest mapped prefix of its
      // path, the rest of the path named as stega names it (keyed items by _key when keyed).
      for (const { indexPath, keyedPath, leaf } of leavesOf(response.result)) {
        const resultPath = jsonPath(indexPath)
        const fail = (message: string) => failures.push(`${where}\n  ${resultPath}: ${message}`)
        const resolved = resolveMapping(indexPath, map)
        if (!resolved) continue
        const { mapping, pathSuffix } = resolved
        if (mapping.source.type === 'literal') {
          if (pathSuffix !== '') fail('reached through a literal mapping of a container')
          const written = query.includes(JSON.stringify(leaf)) || query.includes(String(leaf)) || Object.values(params).includes(leaf as string)
          if (!written) fail(`literal ${JSON.stringify(leaf)} is not in the query or its parameters`)
          continue
        }
        if (mapping.source.type !== 'documentValue') {
          fail(`unexpected source ${mapping.source.type}`)
          continue
        }
        mapped++
        queryMapped = true
        const document = map.documents[mapping.source.document]
        const basePath = map.paths[mapping.source.path]
        if (!document || basePath === undefined) {
          fail('points past the lookup tables')
          continue
        }
        const doc = stored.get(document._id)
        if (!doc) {
          fail(`names ${document._id}, which is not stored`)
          continue
        }
        if (doc._type !== document._type) fail(`names type ${document._type}, the document is a ${doc._type}`)
        if (jsonPath(parseJsonPath(basePath)) !== basePath) fail(`source path ${basePath} is not in @sanity/client's jsonPath form`)
        const sourcePath = keyed ? jsonPath(resolvedKeyedSourcePath({ keyedResultPath: keyedPath, pathSuffix, sourceBasePath: basePath })) : basePath + pathSuffix
        const segments = segmentsOf(sourcePath)
        keyedSegments += segments.filter((segment) => typeof segment === 'object').length
        if (!keyed && segments.some((segment) => typeof segment === 'object')) fail(`keyed segment in ${sourcePath} without withKeyArraySelector`)
        const inSource = valueAt(doc, segments)
        if (!inSource.found) fail(`${document._id} has nothing at ${sourcePath}`)
        else if (inSource.value !== leaf) fail(`${document._id} ${sourcePath} holds ${JSON.stringify(inSource.value)}, the result ${JSON.stringify(leaf)}`)
        const owner = owners.get(resultPath)
        if (owner !== undefined && owner !== document._id) fail(`names ${document._id}, but the value is ${owner}'s (by its uid)`)
        const draftExists = stored.has(`drafts.${document._id}`)
        if (perspective === 'published' && document._id.startsWith('drafts.')) fail(`published perspective mapped to the draft ${document._id}`)
        if (perspective === 'drafts' && draftExists) fail(`drafts perspective mapped to ${document._id}, which has a draft`)
      }
      if (queryMapped) queriesMapped++
    }
    context.diagnostic(`${mapped} values mapped in ${queriesMapped} of ${QUERIES} queries, ${keyedSegments} keyed segments`)
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} wrong mappings`)
    // Coverage: most queries yield something mapped, and keyed items are named by key.
    assert.ok(queriesMapped > QUERIES / 2, `only ${queriesMapped} of ${QUERIES} queries had a mapped value`)
    assert.ok(mapped > 2000, `only ${mapped} values mapped`)
    assert.ok(keyedSegments > 50, `only ${keyedSegments} keyed segments`)
  })
})
