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
 * - a *referrer* tag per id K every match of a filter references: a constant `path._ref == "K"` or
 *   `references("K")`, or a correlated one (`trip._ref == ^._id`), named per key the planner
 *   looked up while the query ran (lake/query-plan.ts); a filter whose lookup fell back (a
 *   non-string key: `trip._ref == null` holds documents that reference nothing) keeps its type tag;
 * - the dataset's *fallback* tag, for any `*` whose filter names neither (`*[slug.current == $s]`,
 *   `count(*)`); it then stands alone, since every change names it.
 *
 * A committed change names the fallback, its document's id and the types and `_ref`s it had before
 * and after, with those of the document's other stored layers (a draft whose type differs from its
 * published version changes which type the drafts perspective shows). Why no change a query could
 * see goes unnamed: groq-js reads documents only through `*` and `->` (and `releases::all()`,
 * which is `*` of type `system.release`); a `*` limited to type T only ever holds documents that
 * are T in the query's view, so a change that alters what it holds had T before or after in
 * some layer, and a `->` reads one id. Likewise a filter limited to documents referencing K only
 * holds documents with a `_ref` K in the query's view, which is one of the document's layers.
 */
import { createHash } from 'node:crypto'
import type { ExprNode } from 'groq-js'
import { layerOf } from './perspective'
import { constantValue, elementPath } from './query-plan'
import type { CorrelatedLookups } from './query-plan'

type Params = Record<string, unknown>

/** What a query's result depends on, read from its tree before evaluation. */
export type QueryDependencies = {
  /** Some `*` is not limited by type or id: the result may change with any document. */
  any: boolean
  types: Set<string>
  ids: Set<string>
  /** Referrer tags: every match of some filter references one of these ids. */
  refs: Set<string>
  /**
   * Filters limited by no id whose planner lookup may be correlated (`trip._ref == ^._id`): their
   * tags are the keys looked up while the query ran, or `limit` (the fallback when null) when the
   * lookup fell back or was not recorded.
   */
  deferred: { filter: ExprNode; limit: Limit | null }[]
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
/** Documents holding a `_ref` equal to `ref` (exactly: a draft id is another key). */
export function refTag(dataset: string, ref: string): string {
  return tag(dataset, 'r', ref)
}

export function idTag(dataset: string, id: string): string {
  return tag(dataset, 'i', layerOf(id).baseId)
}

/** The dependencies a query's tree shows before it runs (the ids `->` follows are added later). */
export function queryDependencies(tree: ExprNode, params: Params): QueryDependencies {
  const found: QueryDependencies = { any: false, types: new Set(), ids: new Set(), refs: new Set(), deferred: [] }
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
      if (!limit || limit.ids.length === 0) {
        // Settled once the query has run (queryTags): the planner may look this filter up by key.
        found.deferred.push({ filter: node, limit })
        visit(node.expr)
        return
      }
      for (const type of limit.types) found.types.add(type)
      for (const id of limit.ids) found.ids.add(id)
      for (const ref of limit.refs) found.refs.add(ref)
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
export function queryTags(dataset: string, dependencies: QueryDependencies, followed: Iterable<string>, correlated?: CorrelatedLookups): string[] {
  if (dependencies.any) return [fallbackTag(dataset)]
  const types = new Set(dependencies.types)
  const refs = new Set(dependencies.refs)
  for (const { filter, limit } of dependencies.deferred) {
    const looked = correlated?.get(filter)
    if (looked && !looked.fallback) {
      // Every evaluation looked up a string key K by reference: what it held references K.
      for (const key of looked.keys) refs.add(key)
      continue
    }
    if (!limit) return [fallbackTag(dataset)]
    for (const type of limit.types) types.add(type)
    for (const ref of limit.refs) refs.add(ref)
  }
  const ids = new Set<string>()
  for (const id of dependencies.ids) ids.add(layerOf(id).baseId)
  for (const id of followed) {
    ids.add(layerOf(id).baseId)
    if (ids.size + types.size + refs.size > MAX_QUERY_TAGS) return [fallbackTag(dataset)]
  }
  if (ids.size + types.size + refs.size > MAX_QUERY_TAGS) return [fallbackTag(dataset)]
  const tags = new Set<string>()
  for (const type of types) tags.add(typeTag(dataset, type))
  for (const ref of refs) tags.add(refTag(dataset, ref))
  for (const id of ids) tags.add(idTag(dataset, id))
  return [...tags]
}

/**
 * The tags a committed change names: the fallback, its id, and the types and referrer tags (each
 * `_ref` anywhere in it) of the document before and after and of its other stored layers the
 * listener may see (`otherLayers`, none for a published-only listener): a view may show another
 * layer under the same id before or after.
 */
export function changeTags(dataset: string, change: { id: string; before: object | null; after: object | null }, otherLayers: Iterable<object> = []): string[] {
  const tags = new Set([fallbackTag(dataset), idTag(dataset, change.id)])
  for (const doc of [change.before, change.after, ...otherLayers]) {
    if (!doc) continue
    const type: unknown = (doc as { _type?: unknown })._type
    if (typeof type === 'string') tags.add(typeTag(dataset, type))
    for (const ref of referencesIn(doc)) tags.add(refTag(dataset, ref))
  }
  return [...tags]
}

/** Every string `_ref` at any depth, as groq-js's `references()` and `path._ref` read them. */
function referencesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, found)
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    for (const key in record) {
      const child = record[key]
      if (key === '_ref' && typeof child === 'string') found.add(child)
      else if (typeof child === 'object' && child !== null) referencesIn(child, found)
    }
  }
  return found
}

type Limit = { types: string[]; ids: string[]; refs: string[] }

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

/** Ids and refs first (a change names one), unless the list is long; then types, each shared by many. */
function cost(limit: Limit): number {
  const ids = limit.ids.length + limit.refs.length
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
      return { types: [...left.types, ...right.types], ids: [...left.ids, ...right.ids], refs: [...left.refs, ...right.refs] }
    }
    case 'OpCall':
      if (expr.op === '==') return equalityLimit(expr.left, expr.right, params) ?? equalityLimit(expr.right, expr.left, params)
      if (expr.op === 'in') return inLimit(expr.left, expr.right, params)
      return null
    case 'FuncCall':
      if (expr.namespace === 'global' && expr.name === 'references') return referencesLimit(expr.args, params)
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
  return limitOf(field, [key.value])
}

/** `_type in ["x", "y"]`: every item a string (another kind of item could match a non-string). */
function inLimit(pathNode: ExprNode, listNode: ExprNode, params: Params): Limit | null {
  const field = ownField(pathNode)
  if (!field) return null
  const list = constantValue(listNode, params)
  if (!list.known || !Array.isArray(list.value) || !list.value.every((item): item is string => typeof item === 'string')) return null
  return limitOf(field, list.value)
}

/** `references("a", ["b"])`: groq-js keeps string and string-array arguments and ignores the rest. */
function referencesLimit(args: ExprNode[], params: Params): Limit | null {
  const refs: string[] = []
  for (const arg of args) {
    const constant = constantValue(arg, params)
    if (!constant.known) return null
    if (typeof constant.value === 'string') refs.push(constant.value)
    else if (Array.isArray(constant.value)) refs.push(...constant.value.filter((item): item is string => typeof item === 'string'))
  }
  return refs.length > 0 ? { types: [], ids: [], refs } : null
}

function limitOf(field: '_type' | '_id' | '_ref', keys: string[]): Limit {
  if (field === '_type') return { types: keys, ids: [], refs: [] }
  if (field === '_id') return { types: [], ids: keys, refs: [] }
  return { types: [], ids: [], refs: keys }
}

/** `_type`/`_id` of the element itself, or `…_ref` at any path (the element then references the key). */
function ownField(node: ExprNode): '_type' | '_id' | '_ref' | null {
  const path = elementPath(node)
  if (!path) return null
  if (path[path.length - 1] === '_ref') return '_ref'
  if (path.length !== 1) return null
  return path[0] === '_type' || path[0] === '_id' ? path[0] : null
}

function isNode(value: unknown): value is ExprNode & Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string'
}
