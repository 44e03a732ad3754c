/**
 * GET /data/export/{dataset}[?types=a,b][&nextCursor=…]: every document as NDJSON, in `_id`
 * order, the way `@sanity/export` (and so `sanity dataset export`) reads it.
 *
 * - Without `nextCursor` the whole dataset comes in one response ("stream" mode).
 * - With `nextCursor` (empty for the first page) at most PAGE_SIZE documents follow the cursor,
 *   then, if more remain, one line `{"nextCursor": "<id>"}` that the client fetches next
 *   ("cursor" mode). The last page has no cursor line: @sanity/export fetches again on any string
 *   cursor, an empty one included.
 *
 * Drafts, versions, release and system documents are included, like Sanity's export; the client
 * filters them. The documents are the store's immutable `_id`-ordered snapshot (store.ts), so a
 * stream is consistent even while writes land; cursor pages see each write that happened
 * between them, as Sanity documents for its cursor mode. Reading needs a token or session
 * (the export carries drafts).
 */
import { Readable } from 'node:stream'
import { badRequest, LakeError } from '../errors'
import { isValidDocumentId } from '../ids'
import type { Doc } from '../types'
import type { App, LakeContext, Query } from './common'
import { datasetOf, principalOf, single } from './common'

const PAGE_SIZE = 5_000
/** Bytes gathered into one write: one `write` per document would cost more than the JSON. */
const CHUNK_BYTES = 64 * 1024
const MAX_TYPES = 200

/** Index of the first document (in _id order) after the cursor id. */
function firstAfter(list: readonly Doc[], id: string): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((list[middle] as Doc)._id <= id) low = middle + 1
    else high = middle
  }
  return low
}

function parseTypes(raw: string | undefined): Set<string> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined
  const types = raw
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean)
  if (types.length > MAX_TYPES) throw badRequest(`"types" lists more than ${MAX_TYPES} types`)
  return new Set(types)
}

function* lines(docs: readonly Doc[], from: number, to: number, types: Set<string> | undefined, cursor: string | undefined): Generator<string> {
  let chunk = ''
  for (let index = from; index < to; index++) {
    const doc = docs[index] as Doc
    if (types && !types.has(doc._type)) continue
    chunk += `${JSON.stringify(doc)}\n`
    if (chunk.length >= CHUNK_BYTES) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
  // Its own chunk: @sanity/export looks for the cursor line by splitting each chunk it receives.
  if (cursor !== undefined) yield `${JSON.stringify({ nextCursor: cursor })}\n`
}

export function exportRoutes(app: App, context: LakeContext): void {
  app.get('/data/export/:dataset', async (request, reply) => {
    const dataset = datasetOf(request)
    if (principalOf(context, request).role === 'anonymous') {
      throw new LakeError(401, 'unauthorizedError', 'Unauthorized - exporting a dataset needs a token or a signed-in session')
    }
    const query = request.query as Query
    const types = parseTypes(single(query, 'types'))
    const cursor = single(query, 'nextCursor')
    if (cursor !== undefined && cursor !== '' && !isValidDocumentId(cursor)) throw badRequest('"nextCursor" is not a cursor this lake handed out')
    const docs = context.store.documents(dataset)
    let from = 0
    let to = docs.length
    let next: string | undefined
    if (cursor !== undefined) {
      from = cursor === '' ? 0 : firstAfter(docs, cursor)
      to = Math.min(docs.length, from + PAGE_SIZE)
      if (to < docs.length) next = (docs[to - 1] as Doc)._id
    }
    reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-store')
    return reply.send(Readable.from(lines(docs, from, to, types, next)))
  })
}
