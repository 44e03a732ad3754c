/**
 * The query planner must never change an answer: every query here runs through the lake's
 * `runQuery` (indexes + plan + groq-js) and through groq-js alone over the same documents, and the
 * results must be deeply equal, order included.
 *
 * Corpus: every query the portal runs (sanity/queries.ts) with the parameters it is called with,
 * and a few hundred generated queries (fixed seed) mixing the filter shapes the planner narrows
 * (type, id, slug, attribute paths, `in`, `references`, correlated `^` keys, `||`) with shapes it
 * must leave alone (non-string keys, negations, missing attributes), over real-shaped content
 * plus drafts and deliberately odd documents.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { evaluate, parse } from 'groq-js'
import type { ExprNode } from 'groq-js'
import { runQuery } from '../../lake/groq'
import { indexFor } from '../../lake/index-view'
import { applyPerspective } from '../../lake/perspective'
import { planQuery } from '../../lake/query-plan'
import type { Doc } from '../../lake/types'
import * as queries from '../../sanity/queries'
import { syntheticDataset } from '../../scripts/lib/synthetic-content'
import { seededRandom } from './helpers'

const CONTEXT = { dataset: 'production', identity: 'test' }

/** Three copies of the seed, a draft of some of it, and documents with unusual shapes. */
function corpusDocuments(): Doc[] {
  const docs = syntheticDataset(60) as Doc[]
  const drafts = docs.filter((doc, index) => index % 7 === 0).map((doc) => ({ ...doc, _id: `drafts.${doc._id}`, title: `Draft of ${String(doc.title ?? doc._id)}` }))
  const odd: Doc[] = [
    // A document that is itself shaped like a reference: references() stops at its top.
    { _id: 'odd-ref', _type: 'meeting', _ref: 'trip-2021-03-tokyo-2plus2', trip: { _ref: 'trip-2021-03-tokyo-2plus2' } },
    { _id: 'odd-number-type', _type: 5 as unknown as string, slug: { current: 7 } },
    { _id: 'odd-slug-array', _type: 'trip', slug: [{ current: 'tokyo' }], trip: [{ _ref: 'x' }] },
    { _id: 'odd-null-slug', _type: 'trip', slug: null, title: 'No slug' },
    { _id: 'odd-nested', _type: 'meeting', trip: { _type: 'reference', _ref: '', deep: { _ref: 'official-x' } } },
    { _id: 'odd-dup', _type: 'topic', title: 'First of a duplicate id' },
    { _id: 'odd-dup', _type: 'topic', title: 'Second of a duplicate id' },
  ]
  return [...docs, ...drafts, ...odd]
}

async function plain(tree: ExprNode, docs: readonly Doc[], params: Record<string, unknown>): Promise<unknown> {
  const value = await evaluate(tree, {
    dataset: docs,
    params,
    identity: CONTEXT.identity,
    timestamp: new Date(),
    sanity: { projectId: 'local', dataset: CONTEXT.dataset },
  })
  return value.get()
}

async function assertSame(query: string, docs: readonly Doc[], params: Record<string, unknown>): Promise<void> {
  const tree = parse(query, { params })
  const expected = await plain(tree, docs, params)
  const actual = await runQuery(tree, docs, params, CONTEXT)
  assert.deepStrictEqual(actual, expected, `different result for ${query} with ${JSON.stringify(params)}`)
}

const all = corpusDocuments()
const views: [string, readonly Doc[]][] = [
  ['raw', all],
  ['published', applyPerspective(all, { kind: 'published' })],
  ['drafts', applyPerspective(all, { kind: 'stack', layers: ['drafts'] })],
]

// Parameter values the portal passes, including ones that match nothing.
const PARAM_CHOICES: Record<string, unknown[]> = {
  slug: ['2021-03-tokyo-2plus2', '2021-03-tokyo-2plus2-copy2', 'antony-j-blinken', 'japan', 'alliance', 'no-such-slug'],
  terms: [['jap*'], ['alliance*', 'secur*'], ['zzz*']],
  year: ['', '2021', '1999'],
  country: ['', 'japan'],
  official: ['', 'antony-j-blinken'],
  topic: ['', 'alliance'],
  // Revalidation (lib/revalidation/pageTags.ts): changed ids, and ids found from them.
  ids: [['fact-security-advanced-assets'], ['official-toshimitsu-motegi', 'country-japan'], ['no-such-id'], []],
  direct: [['country-japan', 'trip-2021-03-tokyo-2plus2'], ['official-antony-blinken'], []],
  through: [['fact-security-advanced-assets', 'quote-biden-2021-02-04-alliances'], []],
  // The daily public schedule: a day of the seed trip (undated engagements) and one with none.
  date: ['2021-03-15', '2030-06-10'],
  // Whether a document is published (preview's "not published yet").
  id: ['trip-2021-03-tokyo-2plus2', 'drafts.trip-2021-03-tokyo-2plus2', 'no-such-id'],
}

/** The first value of every parameter a query references, then each other value one at a time. */
function paramSets(query: string): Record<string, unknown>[] {
  const names = [...new Set([...query.matchAll(/\$([A-Za-z_]\w*)/g)].map((match) => match[1] as string))]
  const choices = names.map((name) => {
    const values = PARAM_CHOICES[name]
    assert.ok(values, `no test values for $${name}: add some to PARAM_CHOICES`)
    return [name, values] as const
  })
  const base = Object.fromEntries(choices.map(([name, values]) => [name, values[0]]))
  return [base, ...choices.flatMap(([name, values]) => values.slice(1).map((value) => ({ ...base, [name]: value })))]
}

describe('query plan equivalence with groq-js', () => {
  const portalQueries: [string, string][] = Object.entries(queries).flatMap(([name, query]) => (typeof query === 'string' ? [[name, query]] : []))

  test('the corpus covers the portal’s queries', () => {
    assert.ok(portalQueries.length >= 15, `only ${portalQueries.length} queries found in sanity/queries.ts`)
  })

  for (const [view, docs] of views) {
    test(`every portal query gives groq-js's result (${view} view)`, async () => {
      for (const [, query] of portalQueries) {
        for (const params of paramSets(query)) await assertSame(query, docs, params)
      }
    })

    test(`generated queries give groq-js's result (${view} view)`, async () => {
      const random = seededRandom(view.length * 7919 + 17)
      for (let i = 0; i < 150; i++) {
        const { query, params } = generatedQuery(random)
        await assertSame(query, docs, params)
      }
    })
  }

  test('the trip page query is narrowed: no filter of it scans the whole dataset', () => {
    const params = { slug: '2021-03-tokyo-2plus2' }
    const published = applyPerspective(all, { kind: 'published' })
    const plan = planQuery(parse(queries.TRIP_QUERY, { params }), params, indexFor(published))
    const scans: string[] = []
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk)
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>
        if (record.type === 'Value') return
        const base = record.base as { type?: string } | undefined
        if (record.type === 'Filter' && base?.type === 'Everything') scans.push(JSON.stringify(record.expr).slice(0, 80))
        Object.values(record).forEach(walk)
      }
    }
    walk(plan.tree)
    assert.deepEqual(scans, [])
  })
})

// ---------------------------------------------------------------------------------------------
// Generated queries
// ---------------------------------------------------------------------------------------------

const TYPES = ['trip', 'meeting', 'official', 'factBullet', 'country', 'topic', 'quote', 'nothing']
const IDS = ['trip-2021-03-tokyo-2plus2', 'trip-2021-03-tokyo-2plus2-copy1', 'country-japan', 'topic-alliance', 'odd-dup', 'odd-ref', 'missing-id', '']
const SLUGS = ['2021-03-tokyo-2plus2', '2021-03-tokyo-2plus2-copy2', 'japan', 'tokyo', 'nope']

function generatedQuery(random: () => number): { query: string; params: Record<string, unknown> } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const params: Record<string, unknown> = {}
  const str = (value: string) => JSON.stringify(value)
  const list = (items: readonly string[]) => `[${[pick(items), pick(items)].map(str).join(', ')}]`

  const atom = (depth: number): string => {
    switch (Math.floor(random() * 18)) {
      case 0:
        return `_type == ${str(pick(TYPES))}`
      case 1:
        return `${str(pick(TYPES))} == _type`
      case 2:
        return `_type in ${list(TYPES)}`
      case 3:
        return `_id == ${str(pick(IDS))}`
      case 4:
        return `_id in ${list(IDS)}`
      case 5:
        return `slug.current == ${str(pick(SLUGS))}`
      case 6:
        return `@.slug.current == ${str(pick(SLUGS))}`
      case 7:
        return `references(${str(pick(IDS))})`
      case 8:
        return `references(${list(IDS)})`
      case 9:
        return `trip._ref == ${str(pick(IDS))}`
      case 10:
        params.t = pick(TYPES)
        return '_type == $t'
      case 11:
        params.ids = [pick(IDS), pick(IDS)]
        return '_id in $ids'
      case 12:
        // Keys the planner must not narrow on: numbers, null, mixed lists.
        return pick(['_type == 5', 'slug.current == 7', 'slug.current == null', '_id in ["country-japan", 3]', 'references(5)', '_type == null'])
      case 13:
        return `!(_type == ${str(pick(TYPES))})`
      case 14:
        return 'defined(slug.current)'
      case 15:
        return depth > 0 ? `(${atom(depth - 1)} || ${atom(depth - 1)})` : `_type == ${str(pick(TYPES))}`
      case 16:
        return depth > 0 ? `(${atom(depth - 1)} && ${atom(depth - 1)})` : 'true'
      default:
        return `count(officials) > ${Math.floor(random() * 3)}`
    }
  }
  const filter = (): string => {
    const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => atom(2))
    return parts.join(' && ')
  }
  // Correlated sub-queries: keys read from `^` (and `^.^`), which the planner looks up at run time.
  const correlated = (parent: string): string =>
    pick([
      `*[_type == "meeting" && references(${parent}._id)]._id`,
      `*[_type == "meeting" && trip._ref == ${parent}._id] | order(_id asc) { _id, "host": hosts[0]->name }`,
      `*[_id == ${parent}.trip._ref][0]{ _id, title }`,
      `*[references(${parent}._id) || _type == "topic"]._id`,
      `count(*[_type == "factBullet" && references(${parent}._id)])`,
      `*[slug.current == ${parent}.slug.current]._id`,
      `*[_id == ${parent}.nothing]._id`,
      `*[_id in ${parent}.officials[]._ref]._id`,
    ])
  const shape = Math.floor(random() * 5)
  let query: string
  if (shape === 0) query = `*[${filter()}] | order(_id asc) { _id, _type }`
  else if (shape === 1) query = `count(*[${filter()}])`
  else if (shape === 2) query = `*[${filter()}]{ _id, "sub": ${correlated('^')}, "ref": trip->title, "officials": officials[]->_id }`
  else if (shape === 3) query = `*[${filter()}]{ _id, "nested": *[_type == "meeting" && trip._ref == ^._id]{ _id, "back": ${correlated('^.^')} } }`
  else query = `*[${filter()}][0...3]._id`
  return { query, params }
}
