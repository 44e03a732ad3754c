/**
 * The answer and its content source map, in Sanity's shape (`@sanity/client`'s
 * `ContentSourceMap`), from the traced evaluation's result (index.ts).
 *
 * That result has the answer's shape, with marks and shadows where values came from documents or
 * literals (provenance.ts). One walk turns it back into the plain answer — a mark into its value,
 * a shadow into the stored object it copies — and maps each on the way: `documents` and `paths`
 * are lookup tables, `mappings` maps a JSON path in the result (`$[0]['title']`) to a document and
 * a path inside it, or to `literal`. A string, number or boolean read in a final position is
 * mapped by itself; a stored object or array passed through whole by one mapping for all of it
 * (clients resolve what is inside by the closest mapped prefix). Anything the query computed is
 * left unmapped, and so is every object the query built: no mapped prefix can then lead a client
 * from a computed value to a wrong place.
 *
 * The map is written as JSON text while walking (it is sent as JSON anyway): an object with one
 * new key per mapped leaf would make V8 intern every result path, which cost more than the rest
 * of the walk; and the text's length is bounded as it grows.
 */
import { resultTooLarge } from '../limits'
import type { Origin, Provenance, SourceDocument, SourcePath } from './provenance'
import { Mark, attributeSegment, isSynthetic } from './provenance'

/** `@sanity/client`'s `ContentSourceMap`, as the lake writes it. */
export type ContentSourceMap = {
  documents: { _id: string; _type: string }[]
  paths: string[]
  mappings: Record<string, { type: 'value'; source: { type: 'documentValue'; document: number; path: number } | { type: 'literal' } }>
}

/** Called every so many values, so a huge result stays inside the query's deadline. */
export type Check = () => void

const CHECK_EVERY = 1024
const LITERAL = '{"type":"value","source":{"type":"literal"}}'

export function resolveTraced(traced: unknown, provenance: Provenance, check: Check, maxBytes: number): { result: unknown; sourceMapJson: string } {
  const documents: { _id: string; _type: string }[] = []
  const paths: string[] = []
  // Documents by id: two view documents may name the same stored one (its index is kept on each).
  const documentIndex = new Map<string, number>()
  // The mappings' JSON text, an entry per mapped value (a leaf, or a stored object passed whole), joined once at the end.
  const mappings: string[] = []
  let length = 0
  let visited = 0

  /** `resultPath` is already escaped for JSON (see jsonAttributeSegment). */
  const emit = (resultPath: string, document: SourceDocument | null, sourcePath: SourcePath | null) => {
    let entry: string
    if (!document || !sourcePath) entry = `"${resultPath}":${LITERAL}`
    else {
      let documentAt = document.index
      if (documentAt === undefined) {
        documentAt = documentIndex.get(document.id)
        if (documentAt === undefined) {
          documentAt = documents.push({ _id: document.id, _type: document.type }) - 1
          documentIndex.set(document.id, documentAt)
          length += document.id.length + document.type.length + 20
        }
        document.index = documentAt
      }
      let pathAt = sourcePath.index
      if (pathAt < 0) {
        pathAt = sourcePath.index = paths.push(sourcePath.text) - 1
        length += sourcePath.text.length + 3
      }
      entry = `"${resultPath}":{"type":"value","source":{"type":"documentValue","document":${documentAt},"path":${pathAt}}}`
    }
    length += entry.length + 1
    // Bounded while it grows; the exact byte count of result and map together is checked on sending.
    if (length > maxBytes) throw resultTooLarge(maxBytes)
    mappings.push(entry)
  }

  /**
   * Maps `value`, the stored value at `origin`, placed at `resultPath` as it is. An object or
   * array gets one mapping for the whole of it, as Sanity writes them: a client finds the place of
   * anything inside by the closest mapped prefix of its path, and everything inside is the stored
   * value's own. A document's root is mapped attribute by attribute instead, as a view may have
   * made up some of them (`_id`, `_originalId`), which are in no stored document.
   */
  const mapStored = (value: unknown, origin: Origin, resultPath: string) => {
    if (origin.synthetic || value === null || value === undefined) return
    if (!origin.atRoot) {
      emit(resultPath, origin.document, origin.path)
      return
    }
    if (typeof value !== 'object' || Array.isArray(value)) return
    const record = value as Record<string, unknown>
    for (const name of Object.keys(record)) {
      const item = record[name]
      if (item !== null && item !== undefined && !isSynthetic(origin, name)) emit(resultPath + jsonAttributeSegment(name), origin.document, provenance.childPath(origin.path, value, name))
    }
  }

  /** The plain value of a traced one, mapping its values. */
  const resolve = (value: unknown, resultPath: string): unknown => {
    if (++visited % CHECK_EVERY === 0) check()
    if (typeof value !== 'object' || value === null) return value
    if (value instanceof Mark) {
      const parent = value.parent
      if (!parent) emit(resultPath, null, null)
      else {
        const origin = parent.origin
        if (!isSynthetic(origin, value.key)) emit(resultPath, origin.document, provenance.childPath(origin.path, parent.target, value.key))
      }
      return value.value
    }
    const source = provenance.tracedOf(value)
    if (source) {
      // The stored object itself: the answer holds it as is, every leaf mapped from its place.
      mapStored(source.target, source.origin, resultPath)
      return source.target
    }
    // Arrays and objects the query built (groq-js's own, made for this evaluation alone): their
    // values are made plain in place (written only where they change, so a parameter's objects
    // are never written to). A built object read again (by a later projection, say) is evaluated
    // plainly (rewrite.ts), so none with marks is held twice; were one, its second visit would
    // find it plain and map nothing there, never something wrong.
    if (Array.isArray(value)) {
      const items: unknown[] = value
      for (let index = 0; index < items.length; index++) {
        const item = items[index]
        if (typeof item !== 'object' || item === null) continue
        const plain = resolve(item, `${resultPath}[${index}]`)
        if (plain !== item) items[index] = plain
      }
      return items
    }
    const record = value as Record<string, unknown>
    for (const name of Object.keys(record)) {
      const item = record[name]
      if (typeof item !== 'object' || item === null) continue
      const plain = resolve(item, resultPath + jsonAttributeSegment(name))
      if (plain !== item) record[name] = plain
    }
    return record
  }

  const result = resolve(traced, '$')
  const sourceMapJson = `{"documents":${JSON.stringify(documents)},"paths":${JSON.stringify(paths)},"mappings":{${mappings.join(',')}}}`
  return { result, sourceMapJson }
}

const jsonSegments = new Map<string, string>()

/** `['name']` (as the map's keys write it, provenance.ts) escaped for a JSON string; cached like it. */
function jsonAttributeSegment(name: string): string {
  let segment = jsonSegments.get(name)
  if (segment === undefined) {
    segment = JSON.stringify(attributeSegment(name)).slice(1, -1)
    if (jsonSegments.size < 10_000) jsonSegments.set(name, segment)
  }
  return segment
}
