/**
 * The answer and its content source map, in Sanity's shape (`@sanity/client`'s
 * `ContentSourceMap`), from the traced evaluation's result (index.ts).
 *
 * That result has the answer's shape, with markers and traced Proxies where values came from
 * documents or literals (provenance.ts). One walk turns it back into the plain answer — a marker
 * into its value, a Proxy into the object it stands for — and maps each leaf on the way:
 * `documents` and `paths` are lookup tables, `mappings` maps each leaf's JSON path in the result
 * (`$[0]['title']`) to a document and a path inside it, or to `literal`. Anything else (a value
 * the query computed) is left unmapped. Only strings, numbers and booleans are mapped: clients
 * resolve a container by its closest mapped prefix, and leaving containers unmapped keeps that
 * lookup from ever reaching a wrong place.
 */
import type { Origin, Provenance, SourceDocument } from './provenance'
import { attributeSegment, isLeaf } from './provenance'

export type ContentSourceMap = {
  documents: { _id: string; _type: string }[]
  paths: string[]
  mappings: Record<string, { type: 'value'; source: { type: 'documentValue'; document: number; path: number } | { type: 'literal' } }>
}

/** Called every so many values, so a huge result stays inside the query's deadline. */
export type Check = () => void

const CHECK_EVERY = 1024

export function resolveTraced(traced: unknown, provenance: Provenance, check: Check): { result: unknown; sourceMap: ContentSourceMap } {
  const map: ContentSourceMap = { documents: [], paths: [], mappings: {} }
  const documentIndex = new Map<string, number>()
  const pathIndex = new Map<string, number>()
  let visited = 0

  const emit = (resultPath: string, document: SourceDocument | null, sourcePath: string) => {
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

  /** Maps every leaf of `value`, a stored value at `origin`, placed at `resultPath`. */
  const mapStored = (value: unknown, origin: Origin, resultPath: string) => {
    if (++visited % CHECK_EVERY === 0) check()
    if (origin.synthetic) return
    if (isLeaf(value)) {
      emit(resultPath, origin.document, origin.path)
      return
    }
    if (typeof value !== 'object' || value === null) return
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => mapStored(item, provenance.child(origin, value, String(index)), `${resultPath}[${index}]`))
      return
    }
    for (const [name, item] of Object.entries(value)) mapStored(item, provenance.child(origin, value, name), resultPath + attributeSegment(name))
  }

  /** The plain value of a traced one, mapping its leaves. */
  const resolve = (value: unknown, resultPath: string): unknown => {
    if (++visited % CHECK_EVERY === 0) check()
    if (typeof value === 'string') {
      const mark = provenance.markOf(value)
      if (!mark) return value
      const origin = mark.origin
      if (!origin) emit(resultPath, null, '')
      else if (!origin.synthetic) emit(resultPath, origin.document, origin.path)
      return mark.value
    }
    if (typeof value !== 'object' || value === null) return value
    const source = provenance.tracedOf(value)
    if (source) {
      // The stored object itself: the answer holds it as is, every leaf mapped from its place.
      mapStored(source.target, source.origin, resultPath)
      return source.target
    }
    if (Array.isArray(value)) return value.map((item: unknown, index) => resolve(item, `${resultPath}[${index}]`))
    const plain: Record<string, unknown> = {}
    for (const [name, item] of Object.entries(value)) plain[name] = resolve(item, resultPath + attributeSegment(name))
    return plain
  }

  const result = resolve(traced, '$')
  return { result, sourceMap: map }
}
