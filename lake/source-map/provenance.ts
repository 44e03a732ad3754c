/**
 * Where values come from, while groq-js evaluates a query for its content source map
 * (lake/source-map/index.ts).
 *
 * A document the evaluation reads (an element of a list of documents, or the target of a `->`)
 * is handed to groq-js as a *shadow*: a plain copy of it, object by object, with the same
 * attributes in the same order and the same strings, numbers and booleans, so every filter,
 * `order()`, `match`, `count()` and function sees the values it would see without a source map.
 * Each shadow object and array is recorded with the stored object it copies and that object's
 * place in its document, so a shadow that reaches the result is traced by identity.
 *
 * Strings, numbers and booleans have no identity. The rewritten query (rewrite.ts) reads them in
 * the positions whose value goes to the result without being inspected again through a virtual
 * attribute name (`<prefix><name>`), which only shadows answer: with a `Mark` standing for "this
 * value, read from that document at that path". The virtual names are getters on the shadows'
 * prototype, one per name the query uses, so no stored attribute shadows them and nothing that
 * lists an object's own attributes (splats, `references()`, the answer itself) sees them. A Mark
 * is an instance of a class of this module, which no document or parameter (JSON) can hold, and
 * nothing in the query ever looks at one, since only those final positions read them.
 *
 * Why copies rather than Proxies of the stored objects (as this module once used): every read
 * of a Proxy's attribute costs groq-js two traps, which made a query with a map cost twice as
 * much as without; a copy's attributes read at full speed. A document is copied whole when it is
 * first read, once per evaluation; the cost is bounded as the evaluation is, by the query's
 * deadline (each list read is checked) and the query worker's heap (lake/query-pool.ts).
 *
 * Places are worked out lazily: a document a filter reads and rejects costs a copy, not paths.
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
  /** Its entry in the map's `documents`, once written there (emit.ts). */
  index?: number
}

/**
 * A path inside a document as the source map writes it (`$['a'][?(@._key=='k')]`), one node of
 * a tree of every path the evaluation has placed a value at: leaves in many documents share a
 * path (every official's `$['name']`), and the tree builds each path's text once and lets the
 * map find its entry in `paths` without hashing that text per leaf.
 */
export class SourcePath {
  private children?: Map<string, SourcePath>
  /** Its entry in the map's `paths`, once written there (emit.ts). */
  index = -1

  constructor(readonly text: string) {}

  child(segment: string): SourcePath {
    this.children ??= new Map()
    let child = this.children.get(segment)
    if (!child) {
      child = new SourcePath(this.text + segment)
      this.children.set(segment, child)
    }
    return child
  }
}

/**
 * A place in a stored document. `synthetic`: a root attribute the view made up, which is in no
 * stored document.
 */
export type Origin = { document: SourceDocument; path: SourcePath; atRoot: boolean; synthetic: boolean }

/** How a view's document names its stored document (perspective views copy drafts under the published id). */
export type RootOf = (doc: object) => SourceDocument

/**
 * Where a stored object sits: a document's root, or `key` of the container at `parent`; and the
 * object itself. Its origin is computed when asked. Every shadow carries its Place (see `stamp`).
 */
export class Place {
  private computed?: Origin

  constructor(
    readonly provenance: Provenance,
    private readonly parent: Place | null,
    private readonly key: string,
    /** The stored object at this place. */
    readonly target: object,
  ) {}

  get origin(): Origin {
    this.computed ??= this.parent ? this.provenance.child(this.parent.origin, this.parent.target, this.key) : this.provenance.rootOrigin(this.target)
    return this.computed
  }
}

/**
 * A value read in a final position, and where from: `key` of the stored object at `parent` (no
 * parent: a literal of the query). Its place is worked out only when the map is written, without
 * a Place of its own (a result has a mark per leaf).
 */
export class Mark {
  constructor(
    readonly value: string | number | boolean,
    /** Null for a literal. */
    readonly parent: Place | null,
    readonly key: string,
  ) {}
}

/** Whether attribute `key` of the object at `origin` is one the view made up (see Origin). */
export function isSynthetic(origin: Origin, key: string): boolean {
  return origin.synthetic || (origin.atRoot && origin.document.synthetic.has(key))
}

/**
 * Gives an object a private field holding its Place: `new Stamp(object, place)` returns `object`
 * itself (the base constructor returns it), now with the field. A private field is invisible to
 * everything but this class (no enumeration, no spread, no JSON, no `in` but ours) and reads as
 * fast as any field, where a WeakMap of thousands of shadows per query costs the collector dear.
 */
class Returns {
  constructor(object: object) {
    return object
  }
}

class Stamp extends Returns {
  #place: Place

  constructor(object: object, place: Place) {
    super(object)
    this.#place = place
  }

  static placeOf(value: object): Place | undefined {
    return #place in value ? value.#place : undefined
  }
}

const placeOf = (value: object): Place | undefined => Stamp.placeOf(value)

/**
 * Attribute names that read a value's mark instead of the value (see rewrite.ts). Random per
 * process and never sent anywhere, so no stored attribute can be named so; the shadows'
 * prototype (below) is then shared by every evaluation of the process.
 */
const VIRTUAL_PREFIX = `\u0000csm-${randomUUID()}:`
/** The virtual attribute that reads a whole object as a copy with marked values (object splats). */
const SPLAT_KEY = `${VIRTUAL_PREFIX}*`

/**
 * The prototype of shadow objects: `hasOwnProperty`, the splat, and a getter per virtual name
 * any query of this process has used, all non-enumerable. Names come from queries, so a
 * prototype takes at most MAX_VIRTUAL_NAMES; then a fresh one starts (shadows made with an
 * older one keep it, and it goes when they do).
 */
const MAX_VIRTUAL_NAMES = 4096

class ShadowPrototype {
  readonly prototype: object
  /** Virtual key → the attribute it reads. */
  private readonly names = new Map<string, string>()

  constructor() {
    const names = this.names
    this.prototype = Object.create(Object.prototype, {
      // groq-js reads every attribute as `data.hasOwnProperty(name) ? data[name] : null`: a
      // shadow owns its stored attributes, and the virtual ones while they hold a value.
      hasOwnProperty: {
        value: function hasOwnProperty(this: object, key: PropertyKey): boolean {
          if (typeof key !== 'string' || !key.startsWith(VIRTUAL_PREFIX)) return Object.hasOwn(this, key)
          if (key === SPLAT_KEY) return placeOf(this) !== undefined
          const name = names.get(key)
          return name !== undefined && placeOf(this) !== undefined && hasValue(this, name)
        },
        writable: true,
        configurable: true,
      },
      [SPLAT_KEY]: {
        get(this: object) {
          const place = placeOf(this)
          return place && place.provenance.splat(this, place)
        },
        configurable: true,
      },
    }) as object
  }

  get full(): boolean {
    return this.names.size >= MAX_VIRTUAL_NAMES
  }

  /** Adds the getter of each of `keys` (virtual key → name) this prototype lacks. */
  define(keys: ReadonlyMap<string, string>): void {
    for (const [key, name] of keys) {
      if (this.names.has(key)) continue
      this.names.set(key, name)
      Object.defineProperty(this.prototype, key, {
        get(this: object) {
          const place = placeOf(this)
          return place && place.provenance.virtual(this, place, name)
        },
        configurable: true,
      })
    }
  }
}

let shadowPrototype = new ShadowPrototype()

/** The prototype for an evaluation that uses `keys`, which it then answers. */
function prototypeFor(keys: ReadonlyMap<string, string>): object {
  if (shadowPrototype.full) shadowPrototype = new ShadowPrototype()
  shadowPrototype.define(keys)
  return shadowPrototype.prototype
}

/** Whether a shadow's attribute `name` holds a value (not null). */
function hasValue(shadow: object, name: string): boolean {
  const value = Object.hasOwn(shadow, name) ? (shadow as Record<string, unknown>)[name] : undefined
  return value !== null && value !== undefined
}

const NO_SYNTHETIC: ReadonlySet<string> = new Set()
const SYNTHETIC_ORIGINAL: ReadonlySet<string> = new Set(['_originalId'])
const SYNTHETIC_ID_AND_ORIGINAL: ReadonlySet<string> = new Set(['_id', '_originalId'])

export class Provenance {
  /** The virtual attribute of object splats (rewrite.ts writes it). */
  readonly splatKey = SPLAT_KEY

  /** `$`, the root of every path this evaluation places a value at. */
  private readonly rootPath = new SourcePath('$')

  /** The virtual keys this evaluation's query uses (from rewrite.ts), and the attribute each reads. */
  private readonly keys = new Map<string, string>()

  /** Taken when the first document is copied: the rewrite has named every virtual key by then. */
  private prototype?: object

  /**
   * One shadow per view document for the whole evaluation: a document read from several lists,
   * or through `->` more than once, is copied once. A view document is the root of its own
   * stored document wherever it is read from, so its place is the same.
   */
  private readonly roots = new WeakMap<object, object>()

  constructor(
    private readonly rootOf: RootOf,
    readonly mode: SourceMapMode,
  ) {}

  /** The attribute key that reads `name`'s mark (rewrite.ts asks once per final read it writes). */
  virtualKey(name: string): string {
    if (this.prototype) throw new Error('Virtual attributes are named before the evaluation starts')
    const key = `${VIRTUAL_PREFIX}${name}`
    this.keys.set(key, name)
    return key
  }

  /** A list of view documents (the dataset, a candidate list) as groq-js should see it. */
  documents<T extends readonly Doc[]>(docs: T): T {
    // Read lazily, element by element: a list may hold the whole dataset, of which a filter
    // reads a few attributes of each, or a slice a few documents.
    return new Proxy<T>(docs, new DocumentList(this))
  }

  /** A document found by `->` (or a planner's candidate list, which comes through the same hook). */
  dereferenced<T>(value: T): T {
    if (typeof value !== 'object' || value === null) return value
    if (Array.isArray(value)) return this.documents(value) as T
    return this.root(value)
  }

  /** The shadow of a view document (an element of a list of documents). */
  root<T extends object>(doc: T): T {
    let shadow = this.roots.get(doc) as T | undefined
    if (!shadow) {
      this.prototype ??= prototypeFor(this.keys)
      shadow = this.shadow(doc, new Place(this, null, '', doc), this.prototype) as T
      this.roots.set(doc, shadow)
    }
    return shadow
  }

  /** A literal of the query (a value or parameter) in a final position. */
  literal(value: unknown): unknown {
    return isLeaf(value) ? new Mark(value, null, '') : value
  }

  /** The place of the stored object a shadow copies; undefined for anything else. */
  tracedOf(value: object): Place | undefined {
    return placeOf(value)
  }

  rootOrigin(doc: object): Origin {
    return { document: this.rootOf(doc), path: this.rootPath, atRoot: true, synthetic: false }
  }

  /** The place of `parent[key]`, `parent` being at `origin`. */
  child(origin: Origin, parent: object, key: string): Origin {
    const document = origin.document
    const path = this.childPath(origin.path, parent, key)
    return { document, path, atRoot: false, synthetic: isSynthetic(origin, key) }
  }

  /** The path of `parent[key]`, `parent` being at `path`. */
  childPath(path: SourcePath, parent: object, key: string): SourcePath {
    if (!Array.isArray(parent)) return path.child(attributeSegment(key))
    const item: unknown = parent[Number(key)]
    const itemKey = this.mode === 'keyed' && isRecord(item) && typeof item._key === 'string' ? item._key : undefined
    return path.child(itemKey === undefined ? indexSegment(key) : keySegment(itemKey))
  }

  /**
   * The copy of the stored object at `place`. Attributes are assigned in the stored order;
   * `__proto__` is defined instead, as an assignment would set the copy's prototype.
   */
  private shadow(target: object, place: Place, prototype: object): object {
    if (Array.isArray(target)) {
      const items: unknown[] = target
      const copy: unknown[] = new Array(items.length)
      for (let index = 0; index < items.length; index++) {
        const item = items[index]
        copy[index] = typeof item === 'object' && item !== null ? this.shadow(item, new Place(this, place, String(index), item), prototype) : item
      }
      return new Stamp(copy, place)
    }
    const record = target as Record<string, unknown>
    const copy = Object.create(prototype) as Record<string, unknown>
    for (const name in record) {
      if (!Object.hasOwn(record, name)) continue
      const value = record[name]
      const copied = typeof value === 'object' && value !== null ? this.shadow(value, new Place(this, place, name, value), prototype) : value
      if (name === '__proto__') Object.defineProperty(copy, name, { value: copied, writable: true, enumerable: true, configurable: true })
      else copy[name] = copied
    }
    return new Stamp(copy, place)
  }

  /** `shadow[<prefix><name>]`: the mark of a string, number or boolean; the (marked) shadow of an object. */
  virtual(shadow: object, place: Place, name: string): unknown {
    const value = Object.hasOwn(shadow, name) ? (shadow as Record<string, unknown>)[name] : undefined
    return value === null || value === undefined ? undefined : this.marked(value, place, name)
  }

  /** `...shadow` in a final position: a copy whose values are marked. */
  splat(shadow: object, place: Place): unknown {
    const record = shadow as Record<string, unknown>
    const copy: Record<string, unknown> = {}
    for (const name of Object.keys(record)) copy[name] = this.marked(record[name], place, name)
    return copy
  }

  /**
   * A shadow's attribute `key` (the shadow being at `container`) read in a final position:
   * primitives become marks, arrays copies with marked elements, objects stay shadows.
   */
  private marked(value: unknown, container: Place, key: string): unknown {
    if (isLeaf(value)) return new Mark(value, container, key)
    if (!Array.isArray(value)) return value
    const place = placeOf(value)
    if (!place) return value
    const items: unknown[] = value
    // A list of objects needs no marks: its shadow is traced as a whole.
    if (!items.some((item) => isLeaf(item) || Array.isArray(item))) return value
    return items.map((item: unknown, index) => this.marked(item, place, String(index)))
  }
}

/** The traps of a list of view documents: each element read is the shadow of its document. */
class DocumentList<T extends readonly Doc[]> implements ProxyHandler<T> {
  constructor(private readonly provenance: Provenance) {}

  get(target: T, key: string | symbol, receiver: unknown): unknown {
    const value: unknown = Reflect.get(target, key, receiver)
    return typeof key === 'string' && typeof value === 'object' && value !== null && !Array.isArray(value) ? this.provenance.root(value) : value
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

const indexSegments: string[] = []

/** `[n]`; the first indexes are cached like attribute segments. */
function indexSegment(index: string): string {
  const n = Number(index)
  if (n >= 1024) return `[${index}]`
  return (indexSegments[n] ??= `[${index}]`)
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
