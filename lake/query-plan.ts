/**
 * Query planning: narrows what each `*[filter]` in a GROQ query looks at, before groq-js runs it.
 *
 * groq-js evaluates `*[filter]` by testing every document of the dataset, and `ref->` by scanning
 * the dataset for the `_id`; a trip page (one trip, its meetings, a few dozen references) then
 * costs a few full scans per request, which grows with the dataset rather than with the answer.
 *
 * The plan keeps groq-js as the evaluator (results stay groq-js's own) and only changes where each
 * filter gets its candidates:
 *
 * - Each conjunct of a filter that can only be true for documents found through an index gives a
 *   candidate list: `_type == "x"`, `_id == $id`, `slug.current == $slug`, any attribute path
 *   `a.b == "string"`, `path in ["x", "y"]`, `references("id")`, and `a || b` when both sides
 *   give one. Since a filter keeps an element only when the whole `&&` is true, any one conjunct's
 *   list holds every match; the shortest one is used. Lists keep dataset order, so the filter
 *   yields the same documents in the same order.
 * - Keys may be constants (literals and parameters, which groq-js inlines at parse time) or
 *   correlated with an enclosing scope: `references(^._id)`, `trip._ref == ^._id`. A correlated
 *   key is only known while groq-js runs, so the `*` is replaced by an expression that computes the
 *   key in the filter's own scope and asks the index through groq-js's `dereference` hook (the one
 *   `->` uses, the only call-out groq-js offers): the key travels as a `_ref` carrying a per-process
 *   marker. When the key is not a string (null, a number, an array) the expression falls back to
 *   the whole dataset, i.e. to groq-js's own scan.
 * - Every other `->` is answered from the `_id` index through the same hook.
 *
 * Filters the plan cannot narrow run over the whole dataset exactly as before. The equivalence
 * test (test/lake/query-plan.test.ts) runs the portal's queries and generated ones both ways.
 */
import { randomUUID } from 'node:crypto'
import type { DereferenceFunction, Document, DerefNode, ExprNode, FilterNode, ObjectNode, OpCallNode, ProjectionNode, SelectNode, ValueNode } from 'groq-js'
import type { ViewIndex } from './index-view'
import type { Doc } from './types'

type Params = Record<string, unknown>

/** Where a correlated key is looked up once groq-js has computed it. */
type Lookup = (key: string) => readonly Doc[]

type Narrowing =
  /** Candidates known before evaluation. */
  | { kind: 'static'; docs: readonly Doc[] }
  /** Candidates that depend on an enclosing scope: `key` evaluated in the filter's scope. */
  | { kind: 'correlated'; key: ExprNode; lookup: Lookup; refKeyed: boolean }

type Slot = { lookup: Lookup; fallback: readonly Doc[] | null; keys: CorrelatedKeys }

/**
 * What one correlated filter looked up while the query ran, for its sync tags (lake/sync-tags.ts):
 * the keys it looked up, when every document its lookup yields references that key (`_ref ==`,
 * `references()`), and whether any evaluation fell back to a list that is not limited to them (a
 * non-string key, or a lookup by another attribute).
 */
export type CorrelatedKeys = { keys: Set<string>; fallback: boolean }

/** Per original `*[filter]` node of the tree the planner gave a correlated lookup. */
export type CorrelatedLookups = Map<ExprNode, CorrelatedKeys>

export type QueryPlan = {
  tree: ExprNode
  /** groq-js's `dereference` option: plain `->` lookups and correlated candidate lists. */
  dereference: DereferenceFunction
}

/** Marks a `_ref` that is a planner lookup rather than a document id; unguessable per process. */
const MARKER = `\u0000lake-plan-${randomUUID()}:`

/**
 * `guard` wraps every candidate list before groq-js reads it (the lake's query deadline, see
 * limits.ts); identity by default. `onFollow` is told each id a `->` looks up (the sync tags of
 * lake/sync-tags.ts name them), not the planner's own lookups.
 */
export function planQuery(
  tree: ExprNode,
  params: Params,
  index: ViewIndex,
  guard: (docs: readonly Doc[]) => readonly Doc[] = (docs) => docs,
  onFollow?: (id: string) => void,
  correlatedLookups?: CorrelatedLookups,
): QueryPlan {
  const slots: Slot[] = []

  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite)
    if (!isNode(node)) return node
    if (node.type === 'Value') return node
    const copy: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node)) copy[key] = rewrite(value)
    if (node.type === 'Filter' && isNode(node.base) && node.base.type === 'Everything') {
      // Narrow from the filter as written; the copy's expression may already hold planned lists.
      const filter = copy as unknown as FilterNode
      return { ...filter, base: candidatesNode(node as unknown as FilterNode) }
    }
    return copy
  }

  /** What replaces the `*` under a filter: the narrowest candidates the filter allows. */
  const candidatesNode = (filter: FilterNode): ExprNode => {
    const expr = filter.expr
    const narrowings = conjuncts(expr)
      .map((conjunct) => narrow(conjunct, params, index))
      .filter((n): n is Narrowing => n !== null)
    const statics = narrowings.flatMap((n) => (n.kind === 'static' ? [n.docs] : []))
    const smallest = statics.reduce<readonly Doc[] | null>((best, docs) => (best === null || docs.length < best.length ? docs : best), null)
    const correlated = narrowings.find((n) => n.kind === 'correlated')
    if (!correlated) return smallest ? value(guard(smallest)) : { type: 'Everything' }
    const keys: CorrelatedKeys = { keys: new Set(), fallback: !correlated.refKeyed }
    correlatedLookups?.set(filter, keys)
    const slot = slots.push({ lookup: correlated.lookup, fallback: smallest, keys }) - 1
    // The key is computed as if inside the filter: a projection nests a scope exactly as a
    // filter's element does, so `^` in the key means what it means in the filter.
    const key: ProjectionNode = {
      type: 'Projection',
      base: value({}),
      expr: op('+', value(`${MARKER}${slot}:`), correlated.key),
    }
    const lookup: DerefNode = { type: 'Deref', base: object({ _ref: key }) }
    const select: SelectNode = {
      type: 'Select',
      alternatives: [
        { type: 'SelectAlternative', condition: op('!=', key, value(null)), value: lookup },
        // Never taken (the call-out answers null): it tells the sync tags this evaluation fell back.
        { type: 'SelectAlternative', condition: { type: 'Deref', base: object({ _ref: value(`${MARKER}!${slot}`) }) }, value: value(null) },
      ],
      fallback: smallest ? value(guard(smallest)) : { type: 'Everything' },
    }
    return select
  }

  const planned = rewrite(tree) as ExprNode

  return {
    tree: planned,
    dereference: ({ _ref }) => {
      if (!_ref.startsWith(MARKER)) {
        onFollow?.(_ref)
        return index.byId(_ref)
      }
      const rest = _ref.slice(MARKER.length)
      if (rest.startsWith('!')) {
        const fellBack = slots[Number(rest.slice(1))]
        if (!fellBack) throw new Error('Query plan lookup for an unknown slot')
        fellBack.keys.fallback = true
        return null as unknown as Document
      }
      const colon = rest.indexOf(':')
      const slot = slots[Number(rest.slice(0, colon))]
      if (!slot) throw new Error('Query plan lookup for an unknown slot')
      const keyValue = rest.slice(colon + 1)
      slot.keys.keys.add(keyValue)
      const found = slot.lookup(keyValue)
      const candidates = guard(slot.fallback && slot.fallback.length < found.length ? slot.fallback : found)
      // groq-js types the hook's answer as one document, but takes any value (it wraps it with
      // fromJS); here the answer is the candidate array the rewritten `*` stands for.
      return candidates as unknown as Document
    },
  }
}

/** The `&&` operands of a filter (groups unwrapped). */
function conjuncts(expr: ExprNode): ExprNode[] {
  if (expr.type === 'And') return [...conjuncts(expr.left), ...conjuncts(expr.right)]
  if (expr.type === 'Group') return conjuncts(expr.base)
  return [expr]
}

/** Candidates for the documents that can make `expr` true, or null when any document might. */
function narrow(expr: ExprNode, params: Params, index: ViewIndex): Narrowing | null {
  switch (expr.type) {
    case 'Group':
      return narrow(expr.base, params, index)
    case 'And': {
      // Reached only under an `||`: either side's list holds every match of the conjunction.
      const sides = [narrow(expr.left, params, index), narrow(expr.right, params, index)]
      const statics = sides.filter((side): side is Extract<Narrowing, { kind: 'static' }> => side?.kind === 'static')
      return statics.sort((a, b) => a.docs.length - b.docs.length)[0] ?? null
    }
    case 'Or': {
      const left = narrow(expr.left, params, index)
      const right = narrow(expr.right, params, index)
      if (left?.kind !== 'static' || right?.kind !== 'static') return null
      return { kind: 'static', docs: index.union([left.docs, right.docs]) }
    }
    case 'OpCall':
      if (expr.op === '==') return narrowEquality(expr.left, expr.right, params, index) ?? narrowEquality(expr.right, expr.left, params, index)
      if (expr.op === 'in') return narrowIn(expr.left, expr.right, params, index)
      return null
    case 'FuncCall':
      if (expr.namespace === 'global' && expr.name === 'references') return narrowReferences(expr.args, params, index)
      return null
    default:
      return null
  }
}

/** `path == key` where `path` reads the element and `key` does not. */
function narrowEquality(pathNode: ExprNode, keyNode: ExprNode, params: Params, index: ViewIndex): Narrowing | null {
  const path = elementPath(pathNode)
  if (!path) return null
  const constant = constantValue(keyNode, params)
  if (constant.known) {
    // A non-string key could equal a non-string attribute, which the index does not hold.
    return typeof constant.value === 'string' ? { kind: 'static', docs: index.byPath(path, constant.value) } : null
  }
  // Keyed by reference when the path ends in `_ref`: every match then holds a `_ref` equal to the key.
  if (isCorrelated(keyNode)) return { kind: 'correlated', key: keyNode, lookup: (key) => index.byPath(path, key), refKeyed: path[path.length - 1] === '_ref' }
  return null
}

/** `path in [constants]`, when every constant is a string. */
function narrowIn(pathNode: ExprNode, listNode: ExprNode, params: Params, index: ViewIndex): Narrowing | null {
  const path = elementPath(pathNode)
  if (!path) return null
  const list = constantValue(listNode, params)
  if (!list.known || !Array.isArray(list.value) || !list.value.every((item) => typeof item === 'string')) return null
  const keys = list.value as string[]
  return { kind: 'static', docs: index.union(keys.map((key) => index.byPath(path, key))) }
}

/** `references(ids...)`: groq-js keeps string and string-array arguments and ignores the rest. */
function narrowReferences(args: ExprNode[], params: Params, index: ViewIndex): Narrowing | null {
  if (args.length === 1 && args[0] && !constantValue(args[0], params).known && isCorrelated(args[0])) {
    return { kind: 'correlated', key: args[0], lookup: (key) => index.referencing(key), refKeyed: true }
  }
  const ids: string[] = []
  for (const arg of args) {
    const constant = constantValue(arg, params)
    if (!constant.known) return null
    if (typeof constant.value === 'string') ids.push(constant.value)
    else if (Array.isArray(constant.value)) ids.push(...constant.value.filter((item): item is string => typeof item === 'string'))
  }
  return { kind: 'static', docs: index.union(ids.map((id) => index.referencing(id))) }
}

/** `a.b.c` / `@.a.b` read from the element: the attribute names, or null for anything else. */
export function elementPath(node: ExprNode): string[] | null {
  if (node.type !== 'AccessAttribute') return null
  if (!node.base || node.base.type === 'This') return [node.name]
  const base = elementPath(node.base)
  return base ? [...base, node.name] : null
}

/** Literals and parameters (groq-js usually inlines parameters as values already). */
export function constantValue(node: ExprNode, params: Params): { known: true; value: unknown } | { known: false } {
  switch (node.type) {
    case 'Value':
      return { known: true, value: node.value }
    case 'Parameter':
      return { known: true, value: params[node.name] ?? null }
    case 'Group':
      return constantValue(node.base, params)
    case 'Array': {
      const items: unknown[] = []
      for (const element of node.elements) {
        if (element.isSplat) return { known: false }
        const item = constantValue(element.value, params)
        if (!item.known) return { known: false }
        items.push(item.value)
      }
      return { known: true, value: items }
    }
    default:
      return { known: false }
  }
}

/**
 * Whether a key reads only enclosing scopes (`^`, `^.^`), constants and attributes of those:
 * then it has one value per evaluation of the filter, not one per element.
 */
function isCorrelated(node: ExprNode): boolean {
  switch (node.type) {
    case 'Parent':
      return node.n >= 1
    case 'AccessAttribute':
      return node.base !== undefined && (isCorrelated(node.base) || isConstantNode(node.base))
    case 'Group':
      return isCorrelated(node.base)
    default:
      return false
  }
}

function isConstantNode(node: ExprNode): boolean {
  return node.type === 'Value' || node.type === 'Parameter'
}

function isNode(value: unknown): value is ExprNode & Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string'
}

function value<T>(data: T): ValueNode<T> {
  return { type: 'Value', value: data }
}

function op(operator: '+' | '!=', left: ExprNode, right: ExprNode): OpCallNode {
  return { type: 'OpCall', op: operator, left, right }
}

function object(attributes: Record<string, ExprNode>): ObjectNode {
  return {
    type: 'Object',
    attributes: Object.entries(attributes).map(([name, node]) => ({ type: 'ObjectAttributeValue', name, value: node })),
  }
}
