/**
 * Where values come from, while groq-js evaluates a query for its content source map
 * (lake/source-map/index.ts).
 *
 * Objects and arrays read from documents are handed to groq-js as read-only Proxies of the very
 * same objects: every attribute reads as before (so filters, `order()`, `match`, `count()` and
 * every function see the values they would see without a source map), but the Proxy knows which
 * stored document and which path inside it the object is, and so does every object read through
 * it. A Proxy that reaches the result is traced by identity.
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

export type SourceMapMode = 'index' | 'keyed'

/** The stored document a value comes from: its real id (a draft's `drafts.…`) and type. */
export type SourceDocument = {
  id: string
  type: string
  /** Root attributes the view made up (`_id` of a merged draft, `_originalId`): not the document's. */
  synthetic: ReadonlySet<string>
}

/**
 * A place in a stored document; `path` as the source map writes it (`$['a'][?(@._key=='k')]`).
 * `synthetic`: a root attribute the view made up, which is in no stored document.
 */
export type Origin = { document: SourceDocument; path: string; atRoot: boolean; synthetic: boolean }

/** What a marker stands for: a value and where it was read, or (origin null) a literal of the query. */
export type Mark = { value: string | number | boolean; origin: Origin | null }

export type Traced = { target: object; origin: Origin }

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

  constructor(
    private readonly rootOf: RootOf,
    readonly mode: SourceMapMode,
  ) {}

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
    return isLeaf(value) ? this.mark(value, null) : value
  }

  markOf(value: string): Mark | undefined {
    return value.startsWith(this.markerPrefix) ? this.marks.get(value) : undefined
  }

  tracedOf(value: object): Traced | undefined {
    return this.traced.get(value)
  }

  /** `origin` null: a list of view documents, each element the root of its own document. */
  proxy<T extends object>(target: T, origin: Origin | null): T {
    // A frozen target cannot report a Proxy for its attributes (Proxy invariants): read as is.
    if (Object.isFrozen(target)) return target
    const proxy = new Proxy<T>(target, new Handler(this, origin))
    if (origin) this.traced.set(proxy, { target, origin })
    return proxy
  }

  root<T extends object>(doc: T): T {
    const known = this.roots.get(doc)
    // The map holds, per document object, the Proxy made of that very object.
    if (known) return known as T
    const proxy = this.proxy(doc, { document: this.rootOf(doc), path: '$', atRoot: true, synthetic: false })
    this.roots.set(doc, proxy)
    return proxy
  }

  /** The place of `parent[key]`, `parent` being at `origin`. */
  child(origin: Origin, parent: object, key: string): Origin {
    const document = origin.document
    if (!Array.isArray(parent)) return { document, path: origin.path + attributeSegment(key), atRoot: false, synthetic: origin.synthetic || (origin.atRoot && document.synthetic.has(key)) }
    const item: unknown = parent[Number(key)]
    const itemKey = this.mode === 'keyed' && isRecord(item) && typeof item._key === 'string' ? item._key : undefined
    return { document, path: origin.path + (itemKey === undefined ? `[${key}]` : keySegment(itemKey)), atRoot: false, synthetic: origin.synthetic }
  }

  /** A value read in a final position: primitives become markers, arrays copies with marked elements. */
  marked(value: unknown, origin: Origin): unknown {
    if (isLeaf(value)) return this.mark(value, origin)
    if (Array.isArray(value)) return value.map((item, index) => this.marked(item, this.child(origin, value, String(index))))
    if (typeof value === 'object' && value !== null) return this.proxy(value, origin)
    return value
  }

  private mark(value: string | number | boolean, origin: Origin | null): string {
    const marker = `${this.markerPrefix}${this.nextMark++}`
    this.marks.set(marker, { value, origin })
    return marker
  }
}

/**
 * The traps of one Proxy. Children are cached per parent and attribute rather than per object:
 * two documents may share an unchanged sub-object in memory (a draft made from its published
 * version), and each must be traced to its own document.
 */
class Handler<T extends object> implements ProxyHandler<T> {
  private children?: Map<string, object>
  /** groq-js asks `hasOwnProperty` and then reads: both see the same marker. */
  private virtuals?: Map<string, unknown>

  constructor(
    private readonly provenance: Provenance,
    private readonly origin: Origin | null,
  ) {}

  get(target: T, key: string | symbol, receiver: unknown): unknown {
    if (typeof key !== 'string') return Reflect.get(target, key, receiver)
    if (key.startsWith(this.provenance.virtualPrefix)) return this.virtual(target, key)
    return this.read(target, key, Reflect.get(target, key, receiver))
  }

  getOwnPropertyDescriptor(target: T, key: string | symbol): PropertyDescriptor | undefined {
    if (typeof key === 'string' && key.startsWith(this.provenance.virtualPrefix)) {
      const value = this.virtual(target, key)
      // Reported only while it exists (and only on extensible targets, a Proxy invariant).
      return value === undefined || !Object.isExtensible(target) ? undefined : { value, writable: false, enumerable: false, configurable: true }
    }
    return Reflect.getOwnPropertyDescriptor(target, key)
  }

  // Read-only: groq-js never writes to what it reads, and nothing else may.
  set(): boolean {
    return false
  }

  deleteProperty(): boolean {
    return false
  }

  defineProperty(): boolean {
    return false
  }

  private read(target: T, key: string, value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value
    if (!this.origin) return Array.isArray(value) ? value : this.provenance.root(value)
    this.children ??= new Map()
    let child = this.children.get(key)
    if (!child) {
      child = this.provenance.proxy(value, this.provenance.child(this.origin, target, key))
      this.children.set(key, child)
    }
    return child
  }

  /** A virtual attribute's answer: the marked value of `<prefix><name>`, or the marked copy for a splat. */
  private virtual(target: T, key: string): unknown {
    const origin = this.origin
    if (!origin || Array.isArray(target)) return undefined
    this.virtuals ??= new Map()
    if (this.virtuals.has(key)) return this.virtuals.get(key)
    const record = target as Record<string, unknown>
    let value: unknown
    if (key === this.provenance.splatKey) {
      const copy: Record<string, unknown> = {}
      for (const name of Object.keys(record)) copy[name] = this.provenance.marked(record[name], this.provenance.child(origin, target, name))
      value = copy
    } else {
      const name = key.slice(this.provenance.virtualPrefix.length)
      const stored = Object.hasOwn(record, name) ? record[name] : undefined
      value = stored === null || stored === undefined ? undefined : this.provenance.marked(stored, this.provenance.child(origin, target, name))
    }
    this.virtuals.set(key, value)
    return value
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

// Escaping as @sanity/client's jsonPath(), so that its lookups find these exact paths.
const ESCAPES: Record<string, string> = { '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', "'": "\\'", '\\': '\\\\' }
const SPECIAL = /[\f\n\r\t'\\]/
const segments = new Map<string, string>()

/** `['name']`; the common names are cached, as every mapped leaf writes one per step. */
export function attributeSegment(name: string): string {
  let segment = segments.get(name)
  if (segment === undefined) {
    segment = `['${SPECIAL.test(name) ? name.replace(/[\f\n\r\t'\\]/g, (char) => ESCAPES[char] ?? char) : name}']`
    if (segments.size < 10_000) segments.set(name, segment)
  }
  return segment
}

function keySegment(key: string): string {
  return `[?(@._key=='${key.replace(/['\\]/g, (char) => ESCAPES[char] ?? char)}')]`
}

export function isLeaf(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
