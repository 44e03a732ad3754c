/**
 * Sync tags, as Sanity's Live Content API uses them: a query response carries `syncTags` naming
 * what its result depends on, and `/data/live/events/{dataset}` names, after each commit, the tags
 * the change may have altered. next-sanity's `defineLive` caches each result under its tags and
 * refetches the results whose tags a live event names, so a tag the event omits is a page that
 * stays stale, and a tag it names needlessly is a refetch too many.
 *
 * Tags are opaque strings (`s1:` + 8 base64url characters of a SHA-256 hash) of three kinds:
 *
 * - a *type* tag per `_type` a query's filter is limited to (`*[_type == "x" && …]`,
 *   `_type in [...]`);
 * - an *id* tag per document a query is limited to (`*[_id == $id]`, `_id in $ids`) or reads
 *   through `->` (recorded while groq-js evaluates, so `a->` costs one tag for the id it followed);
 *   drafts and release versions share their published document's id tag;
 * - the dataset's *fallback* tag, for any `*` whose filter names neither (`*[slug.current == $s]`,
 *   `count(*)`); it then stands alone, since every change names it.
 *
 * A committed change names the fallback, its document's id and the types it had before and after,
 * with the types of the document's other stored layers (a draft whose type differs from its
 * published version changes which type the drafts perspective shows). Why no change a query could
 * see goes unnamed: groq-js reads documents only through `*` and `->` (and `releases::all()`,
 * which is `*` of type `system.release`); a `*` limited to type T only ever holds documents that
 * are T in the query's view, so a change that alters what it holds had T before or after in
 * some layer, and a `->` reads one id.
 */
import { createHash } from 'node:crypto'
import type { ExprNode } from 'groq-js'
import { layerOf } from './perspective'
import { constantValue, elementPath } from './query-plan'

type Params = Record<string, unknown>

/** What a query's result depends on, read from its tree before evaluation. */
export type QueryDependencies = {
  /** Some `*` is not limited by type or id: the result may change with any document. */
  any: boolean
  types: Set<string>
  ids: Set<string>
}

/**
 * Above this many tags a response carries the fallback alone: a result that followed thousands of
 * references is cheaper to refetch on every change than to announce and match tag by tag.
 */
export const MAX_QUERY_TAGS = 256

/** Id lists longer than this are not used to narrow when the filter also names a type. */
const PREFERRED_ID_LIST = 64

/**
 * Tags already hashed: a trip page names a few dozen ids, the same ones on every request, and a
 * hash each costs more than the rest of the tags together. Bounded: emptied when full.
 */
const hashed = new Map<string, string>()
const MAX_HASHED = 50_000

function tag(dataset: string, kind: string, key: string): string {
  const input = `${dataset}\0${kind}\0${key}`
  let found = hashed.get(input)
  if (found === undefined) {
    found = `s1:${createHash('sha256').update(input).digest('base64url').slice(0, 8)}`
    if (hashed.size >= MAX_HASHED) hashed.clear()
    hashed.set(input, found)
  }
  return found
}

export function fallbackTag(dataset: string): string {
  return tag(dataset, '*', '')
}

export function typeTag(dataset: string, type: string): string {
  return tag(dataset, 't', type)
}

/** The same for a document's published, draft and release versions. */
export function idTag(dataset: string, id: string): string {
  return tag(dataset, 'i', layerOf(id).baseId)
}

/** The dependencies a query's tree shows before it runs (the ids `->` follows are added later). */
export function queryDependencies(tree: ExprNode, params: Params): QueryDependencies {
  const found: QueryDependencies = { any: false, types: new Set(), ids: new Set() }
  const visit = (node: unknown): void => {
    if (found.any) return
    if (Array.isArray(node)) {
      for (const child of node) visit(child)
      return
    }
    if (!isNode(node)) return
    if (node.type === 'Value' || node.type === 'Parameter') return
    if (node.type === 'Everything') {
      found.any = true
      return
    }
    if (node.type === 'Filter' && isNode(node.base) && node.base.type === 'Everything') {
      const limit = filterLimit(node.expr as ExprNode, params)
      if (!limit) {
        found.any = true
        return
      }
      for (const type of limit.types) found.types.add(type)
      for (const id of limit.ids) found.ids.add(id)
      // The filter expression may hold subqueries of its own (`references(*[…]._id)`).
      visit(node.expr)
      return
    }
    if (node.type === 'FuncCall' && node.namespace === 'releases' && node.name === 'all') {
      found.types.add('system.release')
      return
    }
    // Every child (for…in rather than Object.values: the walk runs on every query response).
    const record = node as Record<string, unknown>
    for (const key in record) {
      const value = record[key]
      if (typeof value === 'object' && value !== null) visit(value)
    }
  }
  visit(tree)
  return found
}

/** The tags of a response: its dependencies plus the ids its `->` followed. */
export function queryTags(dataset: string, dependencies: QueryDependencies, followed: Iterable<string>): string[] {
  if (dependencies.any) return [fallbackTag(dataset)]
  const ids = new Set<string>()
  for (const id of dependencies.ids) ids.add(layerOf(id).baseId)
  for (const id of followed) {
    ids.add(layerOf(id).baseId)
    if (ids.size + dependencies.types.size > MAX_QUERY_TAGS) return [fallbackTag(dataset)]
  }
  if (ids.size + dependencies.types.size > MAX_QUERY_TAGS) return [fallbackTag(dataset)]
  const tags = new Set<string>()
  for (const type of dependencies.types) tags.add(typeTag(dataset, type))
  for (const id of ids) tags.add(idTag(dataset, id))
  return [...tags]
}

/**
 * The tags a committed change names. `otherLayerTypes` are the types of the document's other
 * stored layers that the listener may see (none for a published-only listener).
 */
export function changeTags(dataset: string, change: { id: string; before: { _type?: unknown } | null; after: { _type?: unknown } | null }, otherLayerTypes: Iterable<string> = []): string[] {
  const tags = new Set([fallbackTag(dataset), idTag(dataset, change.id)])
  for (const doc of [change.before, change.after]) if (typeof doc?._type === 'string') tags.add(typeTag(dataset, doc._type))
  for (const type of otherLayerTypes) tags.add(typeTag(dataset, type))
  return [...tags]
}

type Limit = { types: string[]; ids: string[] }

/**
 * What a filter's matches are limited to: the types or ids one of its conjuncts requires, or null
 * when it does not name them. Any conjunct will do (an element is kept only when all are true);
 * the one giving the fewest spurious refetches is chosen.
 */
function filterLimit(expr: ExprNode, params: Params): Limit | null {
  const limits = conjuncts(expr)
    .map((conjunct) => conjunctLimit(conjunct, params))
    .filter((limit): limit is Limit => limit !== null)
  return limits.sort((a, b) => cost(a) - cost(b))[0] ?? null
}

/** Ids first (a change names one), unless the list is long; then types, each shared by many. */
function cost(limit: Limit): number {
  const ids = limit.ids.length
  return limit.types.length * PREFERRED_ID_LIST + (ids <= PREFERRED_ID_LIST ? ids : ids * PREFERRED_ID_LIST)
}

function conjuncts(expr: ExprNode): ExprNode[] {
  if (expr.type === 'And') return [...conjuncts(expr.left), ...conjuncts(expr.right)]
  if (expr.type === 'Group') return conjuncts(expr.base)
  return [expr]
}

function conjunctLimit(expr: ExprNode, params: Params): Limit | null {
  switch (expr.type) {
    case 'Group':
      return conjunctLimit(expr.base, params)
    case 'And':
      return filterLimit(expr, params)
    case 'Or': {
      const left = conjunctLimit(expr.left, params)
      const right = conjunctLimit(expr.right, params)
      if (!left || !right) return null
      return { types: [...left.types, ...right.types], ids: [...left.ids, ...right.ids] }
    }
    case 'OpCall':
      if (expr.op === '==') return equalityLimit(expr.left, expr.right, params) ?? equalityLimit(expr.right, expr.left, params)
      if (expr.op === 'in') return inLimit(expr.left, expr.right, params)
      return null
    default:
      return null
  }
}

/** `_type == "x"` / `_id == "x"`: a string constant compared with the element's own attribute. */
function equalityLimit(pathNode: ExprNode, keyNode: ExprNode, params: Params): Limit | null {
  const field = ownField(pathNode)
  if (!field) return null
  const key = constantValue(keyNode, params)
  if (!key.known || typeof key.value !== 'string') return null
  return field === '_type' ? { types: [key.value], ids: [] } : { types: [], ids: [key.value] }
}

/** `_type in ["x", "y"]`: every item a string (another kind of item could match a non-string). */
function inLimit(pathNode: ExprNode, listNode: ExprNode, params: Params): Limit | null {
  const field = ownField(pathNode)
  if (!field) return null
  const list = constantValue(listNode, params)
  if (!list.known || !Array.isArray(list.value) || !list.value.every((item): item is string => typeof item === 'string')) return null
  return field === '_type' ? { types: list.value, ids: [] } : { types: [], ids: list.value }
}

function ownField(node: ExprNode): '_type' | '_id' | null {
  const path = elementPath(node)
  if (path?.length !== 1) return null
  return path[0] === '_type' || path[0] === '_id' ? path[0] : null
}

function isNode(value: unknown): value is ExprNode & Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string'
}
