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
 * attribute name (`<prefix><name>`), which only these Proxies answer: with a `Mark` standing for
 * "this value, read from that document at that path". A Mark is an instance of a class of this
 * module, which no document or parameter (JSON) can hold, and nothing in the query ever looks
 * at one, since only those final positions read them.
 *
 * Places are worked out lazily: a document a filter reads and rejects costs a Proxy, not a path.
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

/** How a view's document names its stored document (perspective views copy drafts under the published id). */
export type RootOf = (doc: object) => SourceDocument

/** Where a value sits: a document's root, or `key` of the container at `parent`. Computed when asked. */
export class Place {
  private computed?: Origin

  constructor(
    private readonly provenance: Provenance,
    private readonly parent: Place | null,
    private readonly container: object,
    private readonly key: string,
  ) {}

  get origin(): Origin {
    this.computed ??= this.parent ? this.provenance.child(this.parent.origin, this.container, this.key) : this.provenance.rootOrigin(this.container)
    return this.computed
  }
}

/**
 * A value read in a final position, and where from: `key` of `container`, the container being at
 * `parent` (no parent: a literal of the query). Its place is worked out only when the map is
 * written, without a Place of its own (a result has a mark per leaf).
 */
export class Mark {
  constructor(
    readonly value: string | number | boolean,
    private readonly provenance: Provenance | null,
    private readonly parent: Place | null,
    private readonly container: object | null,
    private readonly key: string,
  ) {}

  /** Null for a literal. */
  get origin(): Origin | null {
    return this.provenance && this.parent && this.container ? this.provenance.child(this.parent.origin, this.container, this.key) : null
  }
}

/** What a traced Proxy answers for this key: its own handler. Module-private, so nothing else asks. */
const TRACE = Symbol('source map trace')

const NO_SYNTHETIC: ReadonlySet<string> = new Set()
const SYNTHETIC_ORIGINAL: ReadonlySet<string> = new Set(['_originalId'])
const SYNTHETIC_ID_AND_ORIGINAL: ReadonlySet<string> = new Set(['_id', '_originalId'])

export class Provenance {
  /** Attribute names that read a value's mark instead of the value (see rewrite.ts). */
  readonly virtualPrefix = `\u0000csm-${randomUUID()}:`
  /** The virtual attribute that reads a whole object as a copy with marked values (object splats). */
  readonly splatKey = `${this.virtualPrefix}*`

  constructor(
    private readonly rootOf: RootOf,
    readonly mode: SourceMapMode,
  ) {}

  /**
   * One Proxy per view document for the whole evaluation: a document read from several lists, or
   * through `->` more than once, keeps the children it has already traced. A view document is
   * the root of its own stored document wherever it is read from, so its place is the same.
   */
  private readonly roots = new WeakMap<object, object>()

  private readonly virtualNames = new Map<string, string>()

  /** The attribute a virtual attribute name reads (the names are the query's, so few). */
  virtualName(key: string): string {
    let name = this.virtualNames.get(key)
    if (name === undefined) {
      name = key.slice(this.virtualPrefix.length)
      this.virtualNames.set(key, name)
    }
    return name
  }

  /** A list of view documents (the dataset, a candidate list) as groq-js should see it. */
  documents<T extends readonly Doc[]>(docs: T): T {
    return this.proxy(docs, null)
  }

  /** A document found by `->` (or a planner's candidate list, which comes through the same hook). */
  dereferenced<T>(value: T): T {
    if (typeof value !== 'object' || value === null) return value
    if (Array.isArray(value)) return this.proxy(value, null)
    return this.root(value)
  }

  /** The Proxy of a view document (an element of a list of documents). */
  root<T extends object>(doc: T): T {
    let proxy = this.roots.get(doc) as T | undefined
    if (!proxy) {
      proxy = this.proxy(doc, new Place(this, null, doc, ''))
      this.roots.set(doc, proxy)
    }
    return proxy
  }

  /** A literal of the query (a value or parameter) in a final position. */
  literal(value: unknown): unknown {
    return isLeaf(value) ? new Mark(value, null, null, null, '') : value
  }

  /** The stored object a traced Proxy stands for, and its place; undefined for anything else. */
  tracedOf(value: object): { target: object; place: Place } | undefined {
    const handler: unknown = (value as { [TRACE]?: unknown })[TRACE]
    return handler instanceof Handler && handler.place ? { target: handler.target, place: handler.place } : undefined
  }

  /** `place` null: a list of view documents, each element the root of its own document. */
  proxy<T extends object>(target: T, place: Place | null): T {
    // A frozen target could not report Proxies for its attributes (Proxy invariants): its copy can.
    const readable = Object.isFrozen(target) ? Object.assign(Array.isArray(target) ? [] : {}, target) : target
    return new Proxy<T>(readable, new Handler(this, readable, place))
  }

  rootOrigin(doc: object): Origin {
    return { document: this.rootOf(doc), path: '$', atRoot: true, synthetic: false }
  }

  /** The place of `parent[key]`, `parent` being at `origin`. */
  child(origin: Origin, parent: object, key: string): Origin {
    const document = origin.document
    if (!Array.isArray(parent)) return { document, path: origin.path + attributeSegment(key), atRoot: false, synthetic: origin.synthetic || (origin.atRoot && document.synthetic.has(key)) }
    const item: unknown = parent[Number(key)]
    const itemKey = this.mode === 'keyed' && isRecord(item) && typeof item._key === 'string' ? item._key : undefined
    return { document, path: origin.path + (itemKey === undefined ? `[${key}]` : keySegment(itemKey)), atRoot: false, synthetic: origin.synthetic }
  }

  /**
   * `container[key]`, the container being at `parent`, read in a final position: primitives
   * become marks, arrays copies with marked elements, objects traced Proxies.
   */
  marked(value: unknown, parent: Place, container: object, key: string): unknown {
    if (isLeaf(value)) return new Mark(value, this, parent, container, key)
    if (typeof value !== 'object' || value === null) return value
    const place = new Place(this, parent, container, key)
    if (!Array.isArray(value)) return this.proxy(value, place)
    return value.map((item: unknown, index) => this.marked(item, place, value, String(index)))
  }
}

/**
 * The traps of one Proxy. Children are cached per parent and attribute rather than per object:
 * two documents may share an unchanged sub-object in memory (a draft made from its published
 * version), and each must be traced to its own document.
 */
class Handler<T extends object> implements ProxyHandler<T> {
  private children?: Map<string, object>
  private hasOwn?: (key: PropertyKey) => boolean

  constructor(
    private readonly provenance: Provenance,
    readonly target: T,
    readonly place: Place | null,
  ) {}

  get(target: T, key: string | symbol, receiver: unknown): unknown {
    if (typeof key !== 'string') return key === TRACE ? this : Reflect.get(target, key, receiver)
    if (key.startsWith(this.provenance.virtualPrefix)) return this.virtual(target, key)
    const value: unknown = Reflect.get(target, key, receiver)
    // groq-js reads every attribute as `data.hasOwnProperty(name) ? data[name] : null`. Called on
    // the Proxy, the inherited method costs a getOwnPropertyDescriptor trap per read; this one
    // answers the same from the target (and the virtual attributes) without one. Only the
    // inherited method is replaced: a stored attribute of that name reads as stored.
    if (value === Object.prototype.hasOwnProperty) return (this.hasOwn ??= (name: PropertyKey) => this.owns(target, name))
    return typeof value === 'object' && value !== null ? this.read(target, key, value) : value
  }

  /** `hasOwnProperty` as getOwnPropertyDescriptor below answers it. */
  private owns(target: T, key: PropertyKey): boolean {
    if (typeof key === 'string' && key.startsWith(this.provenance.virtualPrefix)) return this.hasVirtual(target, key) && Object.isExtensible(target)
    return Object.hasOwn(target, key)
  }

  getOwnPropertyDescriptor(target: T, key: string | symbol): PropertyDescriptor | undefined {
    if (typeof key === 'string' && key.startsWith(this.provenance.virtualPrefix)) {
      // Reported only while it exists (and only on extensible targets, a Proxy invariant).
      if (!this.hasVirtual(target, key) || !Object.isExtensible(target)) return undefined
      return { value: this.virtual(target, key), writable: false, enumerable: false, configurable: true }
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

  private read(target: T, key: string, value: object): unknown {
    const place = this.place
    if (!place) return Array.isArray(value) ? value : this.provenance.root(value)
    this.children ??= new Map()
    let child = this.children.get(key)
    if (!child) {
      child = this.provenance.proxy(value, new Place(this.provenance, place, target, key))
      this.children.set(key, child)
    }
    return child
  }

  /**
   * Whether `<prefix><name>` exists: `name` holds a value (not null), or, for the splat, the
   * target is an object. Asked before each read (`hasOwnProperty`), so it allocates nothing.
   */
  private hasVirtual(target: T, key: string): boolean {
    if (!this.place || Array.isArray(target)) return false
    if (key === this.provenance.splatKey) return true
    const name = this.provenance.virtualName(key)
    const record = target as Record<string, unknown>
    const stored = Object.hasOwn(record, name) ? record[name] : undefined
    return stored !== null && stored !== undefined
  }

  /**
   * A virtual attribute's answer: the marked value of `<prefix><name>`, or the marked copy for a
   * splat. Not cached: each read makes its marks afresh (marks are never compared, and a final
   * position is read once).
   */
  private virtual(target: T, key: string): unknown {
    const place = this.place
    if (!place || Array.isArray(target)) return undefined
    const record = target as Record<string, unknown>
    if (key === this.provenance.splatKey) {
      const copy: Record<string, unknown> = {}
      for (const name of Object.keys(record)) copy[name] = this.provenance.marked(record[name], place, target, name)
      return copy
    }
    const name = this.provenance.virtualName(key)
    const stored = Object.hasOwn(record, name) ? record[name] : undefined
    return stored === null || stored === undefined ? undefined : this.provenance.marked(stored, place, target, name)
  }
}

/** The root of a view document: its stored id, and which root attributes the view made up. */
export function rootOfView(merged: boolean): RootOf {
  return (doc) => {
    const { _id: id, _type: type, _originalId: original } = doc as Partial<Record<'_id' | '_type' | '_originalId', unknown>>
    const viewId = typeof id === 'string' ? id : ''
    const typeName = typeof type === 'string' ? type : ''
    if (!merged || typeof original !== 'string') return { id: viewId, type: typeName, synthetic: NO_SYNTHETIC }
    return { id: original, type: typeName, synthetic: original === viewId ? SYNTHETIC_ORIGINAL : SYNTHETIC_ID_AND_ORIGINAL }
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
