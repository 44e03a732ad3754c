/**
 * Where values come from, while groq-js evaluates a query for its content source map
 * (lake/source-map/index.ts).
 *
 * Objects and arrays read from documents are handed to groq-js as read-only Proxies of the very
 * same objects: every attribute reads as before (so filters, `order()`, `match`, `count()` and
 * every function see the values they would see without a source map), but the Proxy knows which
 * stored document and which path inside it the object is, and so does every object read through
 * it. A Proxy that reaches the result unchanged is traced by identity.
 *
 * Strings, numbers and booleans have no identity. The rewritten query (rewrite.ts) reads them in
 * the positions whose value goes to the result without being inspected again through a virtual
 * attribute name (`<prefix><name>`), which only these Proxies answer: with a marker string that
 * stands for "this value, read from that document at that path". Markers carry a random nonce
 * per evaluation, so no document or parameter can forge one, and nothing in the query ever
 * compares them, since only those final positions read them.
 */
import { randomUUID } from 'node:crypto'
import type { Doc } from '../types'

/** A step into a value: an attribute name, or an array index with the element's `_key` if it has one. */
export type Segment = string | { index: number; key?: string }

/** The stored document a value comes from: its real id (a draft's `drafts.…`) and type. */
export type SourceDocument = {
  id: string
  type: string
  /** Root attributes the view made up (`_id` of a merged draft, `_originalId`): not the document's. */
  synthetic: ReadonlySet<string>
}

export type Origin = { document: SourceDocument; path: readonly Segment[] }

/** What a marker stands for: a value and where it was read, or a literal of the query. */
export type Mark = { value: string | number | boolean; origin: Origin | null }

type Traced = { target: object; origin: Origin }

/** How a view's document names its stored document (perspective views copy drafts under the published id). */
export type RootOf = (doc: object) => SourceDocument

const NO_SYNTHETIC: ReadonlySet<string> = new Set()

export class Provenance {
  private readonly nonce = randomUUID()
  /** Attribute names that read a value's marker instead of the value (see rewrite.ts). */
  readonly virtualPrefix = `\u0000csm-${this.nonce}:`
  /** The virtual attribute that reads a whole object as a copy with marked values (object splats). */
  readonly splatKey = `${this.virtualPrefix}*`
  private readonly markerPrefix = `\u0000csm-${this.nonce}#`
  private readonly marks = new Map<string, Mark>()
  private readonly roots = new WeakMap<object, object>()
  private readonly traced = new WeakMap<object, Traced>()
  private nextMark = 0

  constructor(private readonly rootOf: RootOf) {}

  /** Number of markers made so far (the cost of the evaluation's final reads). */
  get markCount(): number {
    return this.marks.size
  }

  /** A list of view documents (the dataset, a candidate list) as groq-js should see it. */
  documents<T extends readonly Doc[]>(docs: T): T {
    return this.proxy(docs, null)
  }

  /** A document found by `->` (or a planner's candidate list, which comes through the same hook). */
  dereferenced<T>(value: T): T {
    if (typeof value !== 'object' || value === null) return value
    if (Array.isArray(value)) return this.proxy(value, null)
    return typeof (value as { _id?: unknown })._id === 'string' ? this.root(value) : value
  }

  /** A literal of the query (a value or parameter) in a final position. */
  literal(value: unknown): unknown {
    return isPrimitive(value) ? this.mark(value, null) : value
  }

  markOf(value: unknown): Mark | undefined {
    return typeof value === 'string' && value.startsWith(this.markerPrefix) ? this.marks.get(value) : undefined
  }

  tracedOf(value: unknown): Traced | undefined {
    return typeof value === 'object' && value !== null ? this.traced.get(value) : undefined
  }

  /**
   * `origin` null: a list of view documents, each element the root of its own document. Children
   * are cached per parent and attribute rather than per object: two documents may share an
   * unchanged sub-object in memory (a draft made from its published version), and each must be
   * traced to its own document.
   */
  private proxy<T extends object>(target: T, origin: Origin | null): T {
    // A frozen target cannot report a Proxy for its attributes (Proxy invariants): read as is.
    if (Object.isFrozen(target)) return target
    const proxy = new Proxy<T>(target, this.handler(origin))
    if (origin) this.traced.set(proxy, { target, origin })
    return proxy
  }

  private root<T extends object>(doc: T): T {
    const known = this.roots.get(doc)
    // The map holds, per document object, the Proxy made of that very object.
    if (known) return known as T
    const proxy = this.proxy(doc, { document: this.rootOf(doc), path: [] })
    this.roots.set(doc, proxy)
    return proxy
  }

  private handler<T extends object>(origin: Origin | null): ProxyHandler<T> {
    const children = new Map<string, object>()
    // groq-js asks `hasOwnProperty` and then reads: both see the same marker.
    const virtuals = new Map<string, unknown>()
    const virtual = (target: object, key: string): unknown => {
      if (!origin) return undefined
      if (!virtuals.has(key)) virtuals.set(key, this.virtual(target, origin, key))
      return virtuals.get(key)
    }
    const read = (target: object, key: string, value: unknown): unknown => {
      if (typeof value !== 'object' || value === null) return value
      if (!origin) return Array.isArray(value) ? value : this.root(value)
      let child = children.get(key)
      if (!child) {
        child = this.proxy(value, { document: origin.document, path: [...origin.path, segmentOf(target, key, value)] })
        children.set(key, child)
      }
      return child
    }
    return {
      get: (target, key, receiver) => {
        if (typeof key !== 'string') return Reflect.get(target, key, receiver) as unknown
        if (key.startsWith(this.virtualPrefix)) return virtual(target, key)
        return read(target, key, Reflect.get(target, key, receiver))
      },
      getOwnPropertyDescriptor: (target, key) => {
        if (typeof key === 'string' && key.startsWith(this.virtualPrefix)) {
          const value = virtual(target, key)
          // Reported only while it exists (and only on extensible targets, a Proxy invariant).
          return value === undefined || !Object.isExtensible(target) ? undefined : { value, writable: false, enumerable: false, configurable: true }
        }
        return Reflect.getOwnPropertyDescriptor(target, key)
      },
      // Read-only: groq-js never writes to what it reads, and nothing else may.
      set: () => false,
      deleteProperty: () => false,
      defineProperty: () => false,
    }
  }

  /** A virtual attribute's answer: the marked value of `<prefix><name>`, or the marked copy for a splat. */
  private virtual(target: object, origin: Origin, key: string): unknown {
    if (Array.isArray(target)) return undefined
    const record = target as Record<string, unknown>
    if (key === this.splatKey) {
      const copy: Record<string, unknown> = {}
      for (const name of Object.keys(record)) copy[name] = this.marked(record[name], this.step(origin, target, name))
      return copy
    }
    const name = key.slice(this.virtualPrefix.length)
    if (!Object.hasOwn(record, name)) return undefined
    const value = record[name]
    return value === null || value === undefined ? undefined : this.marked(value, this.step(origin, target, name))
  }

  private step(origin: Origin, target: object, key: string): Origin {
    const value = (target as Record<string, unknown>)[key]
    return { document: origin.document, path: [...origin.path, segmentOf(target, key, value)] }
  }

  /** A value read in a final position: primitives become markers, arrays copies with marked elements. */
  private marked(value: unknown, origin: Origin): unknown {
    if (isPrimitive(value)) return this.mark(value, origin)
    if (Array.isArray(value)) return value.map((item, index) => this.marked(item, this.step(origin, value, String(index))))
    if (typeof value === 'object' && value !== null) return this.proxy(value, origin)
    return value
  }

  private mark(value: string | number | boolean, origin: Origin | null): string {
    const marker = `${this.markerPrefix}${this.nextMark++}`
    this.marks.set(marker, { value, origin })
    return marker
  }
}

/** The root of a view document: its stored id, and which root attributes the view made up. */
export function rootOfView(merged: boolean): RootOf {
  return (doc) => {
    const { _id: id, _type: type, _originalId: original } = doc as Partial<Record<'_id' | '_type' | '_originalId', unknown>>
    const viewId = typeof id === 'string' ? id : ''
    const typeName = typeof type === 'string' ? type : ''
    if (!merged || typeof original !== 'string') return { id: viewId, type: typeName, synthetic: NO_SYNTHETIC }
    return { id: original, type: typeName, synthetic: new Set(original === viewId ? ['_originalId'] : ['_id', '_originalId']) }
  }
}

function segmentOf(target: object, key: string, value: unknown): Segment {
  if (!Array.isArray(target)) return key
  const itemKey = isRecord(value) && typeof value._key === 'string' ? value._key : undefined
  return itemKey === undefined ? { index: Number(key) } : { index: Number(key), key: itemKey }
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
