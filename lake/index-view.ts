/**
 * Indexes over one view of a dataset (the array of documents a query runs over), built lazily.
 *
 * A view is what `documentsFor` hands to groq-js: an immutable array that the store replaces on
 * every commit (see store.ts, perspective.ts). Indexes are therefore keyed by the array itself
 * (a WeakMap: they go away with the view) and built the first time a query needs them, each in
 * one pass over the view. Nothing is updated in place: a commit makes a new view, and the next
 * query that needs an index pays one pass to build it, about what a single groq-js scan costs.
 *
 * Every list keeps the view's order, because groq-js yields `*[...]` matches in dataset order and
 * the planner must give identical results.
 */
import type { Doc } from './types'

type Lists = Map<string, Doc[]>

export class ViewIndex {
  private readonly paths = new Map<string, Lists>()
  private refs: Lists | null = null
  private positions: Map<Doc, number> | null = null

  constructor(readonly docs: readonly Doc[]) {}

  /**
   * Documents whose value at `path` (attribute names from the document root, as GROQ's
   * `a.b.c` reads them) is the string `value`, in view order. Only strings are indexed: GROQ's
   * `==` is true between a string and a non-string never.
   */
  byPath(path: readonly string[], value: string): readonly Doc[] {
    const key = path.join('\u0000')
    let lists = this.paths.get(key)
    if (!lists) {
      lists = new Map()
      for (const doc of this.docs) {
        const found = valueAt(doc, path)
        if (typeof found === 'string') push(lists, found, doc)
      }
      this.paths.set(key, lists)
    }
    return lists.get(value) ?? EMPTY
  }

  /** The document a `->` finds: the first in the view whose `_id` is `id` (groq-js scans in order). */
  byId(id: string): Doc | null {
    return this.byPath(['_id'], id)[0] ?? null
  }

  /**
   * Documents for which GROQ's `references(id)` is true, in view order. Mirrors groq-js's walk:
   * arrays and objects are searched, and an object with a truthy `_ref` is a reference whose
   * insides are not searched further.
   */
  referencing(id: string): readonly Doc[] {
    if (!this.refs) {
      const refs: Lists = new Map()
      for (const doc of this.docs) {
        const found = new Set<string>()
        collectRefs(doc, found)
        for (const ref of found) push(refs, ref, doc)
      }
      this.refs = refs
    }
    return this.refs.get(id) ?? EMPTY
  }

  /** Several candidate lists merged into one, without repeats, in view order. */
  union(lists: readonly (readonly Doc[])[]): readonly Doc[] {
    const nonEmpty = lists.filter((list) => list.length > 0)
    if (nonEmpty.length <= 1) return nonEmpty[0] ?? EMPTY
    if (!this.positions) {
      const positions = new Map<Doc, number>()
      this.docs.forEach((doc, index) => positions.set(doc, index))
      this.positions = positions
    }
    const positions = this.positions
    const merged = [...new Set(nonEmpty.flat())]
    return merged.sort((a, b) => (positions.get(a) ?? 0) - (positions.get(b) ?? 0))
  }
}

const EMPTY: readonly Doc[] = Object.freeze([])

const indexes = new WeakMap<readonly Doc[], ViewIndex>()

/** The index of a view, shared by every query over that same array. */
export function indexFor(docs: readonly Doc[]): ViewIndex {
  let index = indexes.get(docs)
  if (!index) {
    index = new ViewIndex(docs)
    indexes.set(docs, index)
  }
  return index
}

function push(lists: Lists, key: string, doc: Doc): void {
  const list = lists.get(key)
  if (list) list.push(doc)
  else lists.set(key, [doc])
}

/** GROQ attribute access: an object's own attribute, anything else reads as null. */
function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value
  for (const name of path) {
    if (!isPlainObject(current) || !Object.hasOwn(current, name)) return null
    current = current[name]
  }
  return current
}

/** Adds every id `value` references (weak or strong), as GROQ's `references()` sees them. */
export function collectRefs(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, found)
  } else if (isPlainObject(value)) {
    if (value._ref) {
      if (typeof value._ref === 'string') found.add(value._ref)
      return
    }
    for (const item of Object.values(value)) collectRefs(item, found)
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
