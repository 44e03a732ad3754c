/**
 * The content source map of a result, in Sanity's shape (`@sanity/client`'s `ContentSourceMap`):
 * `documents` and `paths` are lookup tables, `mappings` maps each result leaf's JSON path
 * (`$[0]['title']`) to a document and a path inside it (`$['body'][?(@._key=='k')]['text']` with
 * `withKeyArraySelector`, `$['body'][0]['text']` otherwise), or to `literal`.
 *
 * `result` is the query's answer; `traced` the same query's answer from the provenance-tracking
 * evaluation (index.ts), which has the same shape with markers and Proxies in place of the values
 * that came from documents. The two are walked side by side, and a leaf is mapped only when the
 * traced value names a source *and* the value recorded at that source is identical to the
 * result's value; anything else (a value the query computed, a shape that differs) is left
 * unmapped. Only strings, numbers and booleans are mapped: clients resolve containers by the
 * closest mapped prefix, and leaving containers unmapped keeps that from ever reaching a wrong one.
 */
import type { Origin, Provenance, Segment, SourceDocument } from './provenance'

export type SourceMapMode = 'index' | 'keyed'

export type ContentSourceMap = {
  documents: { _id: string; _type: string }[]
  paths: string[]
  mappings: Record<string, { type: 'value'; source: { type: 'documentValue'; document: number; path: number } | { type: 'literal' } }>
}

/** Called every so many leaves, so a huge result stays inside the query's deadline. */
export type Check = () => void

const CHECK_EVERY = 1024

export function buildSourceMap(result: unknown, traced: unknown, provenance: Provenance, mode: SourceMapMode, check: Check): ContentSourceMap {
  const map: ContentSourceMap = { documents: [], paths: [], mappings: {} }
  const documentIndex = new Map<string, number>()
  const pathIndex = new Map<string, number>()
  let leaves = 0

  const emit = (resultPath: string, document: SourceDocument | null, sourcePath: string) => {
    if (++leaves % CHECK_EVERY === 0) check()
    if (!document) {
      map.mappings[resultPath] = { type: 'value', source: { type: 'literal' } }
      return
    }
    let documentAt = documentIndex.get(document.id)
    if (documentAt === undefined) {
      documentAt = map.documents.push({ _id: document.id, _type: document.type }) - 1
      documentIndex.set(document.id, documentAt)
    }
    let pathAt = pathIndex.get(sourcePath)
    if (pathAt === undefined) {
      pathAt = map.paths.push(sourcePath) - 1
      pathIndex.set(sourcePath, pathAt)
    }
    map.mappings[resultPath] = { type: 'value', source: { type: 'documentValue', document: documentAt, path: pathAt } }
  }

  const segment = (step: Segment): string => (typeof step === 'string' ? attribute(step) : mode === 'keyed' && step.key !== undefined ? keyed(step.key) : `[${step.index}]`)
  const pathOf = (origin: Origin): string => `$${origin.path.map(segment).join('')}`

  /** `value` (from the result) against `source`, the stored value it is known to be. */
  const walkSource = (value: unknown, source: unknown, document: SourceDocument, sourcePath: string, atRoot: boolean, resultPath: string) => {
    if (isLeaf(value)) {
      if (value === source) emit(resultPath, document, sourcePath)
      return
    }
    if (Array.isArray(value)) {
      if (!Array.isArray(source) || source.length !== value.length) return
      value.forEach((item, index) => {
        const stored: unknown = source[index]
        const key = isRecord(stored) && typeof stored._key === 'string' ? stored._key : undefined
        const step = mode === 'keyed' && key !== undefined ? keyed(key) : `[${index}]`
        walkSource(item, stored, document, sourcePath + step, false, `${resultPath}[${index}]`)
      })
      return
    }
    if (!isRecord(value) || !isRecord(source)) return
    for (const [name, item] of Object.entries(value)) {
      if (!Object.hasOwn(source, name) || (atRoot && document.synthetic.has(name))) continue
      walkSource(item, source[name], document, sourcePath + attribute(name), false, resultPath + attribute(name))
    }
  }

  const walk = (value: unknown, shadow: unknown, resultPath: string) => {
    const mark = provenance.markOf(shadow)
    if (mark) {
      if (isLeaf(value) && value === mark.value) {
        const origin = mark.origin
        if (!origin) emit(resultPath, null, '')
        else if (!(origin.path.length === 1 && typeof origin.path[0] === 'string' && origin.document.synthetic.has(origin.path[0]))) emit(resultPath, origin.document, pathOf(origin))
      }
      return
    }
    const source = provenance.tracedOf(shadow)
    if (source) {
      walkSource(value, source.target, source.origin.document, pathOf(source.origin), source.origin.path.length === 0, resultPath)
      return
    }
    if (Array.isArray(value)) {
      if (!Array.isArray(shadow) || shadow.length !== value.length) return
      value.forEach((item, index) => walk(item, shadow[index], `${resultPath}[${index}]`))
      return
    }
    if (!isRecord(value) || !isRecord(shadow)) return
    for (const [name, item] of Object.entries(value)) if (Object.hasOwn(shadow, name)) walk(item, shadow[name], resultPath + attribute(name))
  }

  walk(result, traced, '$')
  return map
}

// Escaping as @sanity/client's jsonPath(), so that its lookups find these exact keys.
const ESCAPES: Record<string, string> = { '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', "'": "\\'", '\\': '\\\\' }

function attribute(name: string): string {
  return `['${name.replace(/[\f\n\r\t'\\]/g, (char) => ESCAPES[char] ?? char)}']`
}

function keyed(key: string): string {
  return `[?(@._key=='${key.replace(/['\\]/g, (char) => ESCAPES[char] ?? char)}')]`
}

function isLeaf(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
