/**
 * The History API, read from the transaction log.
 *
 * GET /data/history/{dataset}/transactions/{documentIds}: NDJSON, one line per transaction that
 *   touched any of the documents: `{id, timestamp, author, documentIDs, mutations?, effects?}`.
 *   Options: excludeContent (leave out mutations), effectFormat=mendoza (add per-document
 *   `{apply, revert}`), includeIdentifiedDocumentsOnly, fromTransaction/toTransaction
 *   (inclusive), fromTime/toTime, authors, reverse, limit.
 * GET /data/history/{dataset}/documents/{ids}?revision=|time=|lastRevision=true:
 *   `{documents: [...]}` as of that revision or time.
 *
 * History needs a token (any role), as Sanity's needs the "history" grant; anonymous callers get
 * 401. Viewers may read history of every document, drafts included, as they may read drafts.
 */
import { LakeError, badRequest, notFound } from '../errors'
import type { Doc } from '../types'
import { changesAsMutations } from '../write'
import type { App, LakeContext, Query } from './common'
import { datasetOf, flag, listOfIds, principalOf, single } from './common'

function requireHistoryAccess(context: LakeContext, request: Parameters<typeof principalOf>[1]): void {
  if (principalOf(context, request).role === 'anonymous') {
    throw new LakeError(401, 'unauthorizedError', 'Unauthorized - reading history requires a token')
  }
}

function isoTime(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) throw badRequest(`"${name}" must be an ISO date-time`)
  return date.toISOString()
}

function withoutRev(doc: Doc | null): Omit<Doc, '_rev'> | null {
  if (!doc) return null
  const { _rev: _ignored, ...rest } = doc
  return rest
}

export function historyRoutes(app: App, context: LakeContext): void {
  app.get('/data/history/:dataset/transactions/:ids', async (request, reply) => {
    const dataset = datasetOf(request)
    requireHistoryAccess(context, request)
    const ids = listOfIds((request.params as { ids?: string }).ids)
    const query = request.query as Query
    const limitRaw = single(query, 'limit')
    const limit = limitRaw === undefined || limitRaw === '' ? undefined : Number(limitRaw)
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw badRequest('"limit" must be a whole number')
    const authors = single(query, 'authors')
    const records = context.store.transactionsForDocuments(dataset, ids, {
      fromTransaction: single(query, 'fromTransaction') || undefined,
      toTransaction: single(query, 'toTransaction') || undefined,
      fromTime: isoTime(single(query, 'fromTime'), 'fromTime'),
      toTime: isoTime(single(query, 'toTime'), 'toTime'),
      authors: authors ? authors.split(',').filter(Boolean) : undefined,
      reverse: flag(query, 'reverse', false),
      limit,
    })
    const excludeContent = flag(query, 'excludeContent', false)
    const mendoza = single(query, 'effectFormat') === 'mendoza'
    const onlyIdentified = flag(query, 'includeIdentifiedDocumentsOnly', false)
    const lines = records.map((record) => {
      const documents = onlyIdentified ? record.documents.filter((doc) => ids.includes(doc.id)) : record.documents
      const line: Record<string, unknown> = {
        id: record.id,
        timestamp: record.timestamp,
        author: record.author,
        documentIDs: documents.map((doc) => doc.id),
      }
      if (!excludeContent) {
        // Bulk imports log no mutations; their per-document results stand in for them.
        line.mutations = record.mutations ?? changesAsMutations(record.documents.map((doc) => ({ ...doc, mutations: [] })))
      }
      if (mendoza) {
        line.effects = Object.fromEntries(documents.map((doc) => [doc.id, { apply: [0, withoutRev(doc.after)], revert: [0, withoutRev(doc.before)] }]))
      }
      return JSON.stringify(line)
    })
    reply.header('content-type', 'application/x-ndjson; charset=utf-8')
    return lines.length ? `${lines.join('\n')}\n` : ''
  })

  app.get('/data/history/:dataset/documents/:ids', async (request) => {
    const dataset = datasetOf(request)
    requireHistoryAccess(context, request)
    const ids = listOfIds((request.params as { ids?: string }).ids)
    const query = request.query as Query
    const revision = single(query, 'revision')
    const time = isoTime(single(query, 'time'), 'time')
    const lastRevision = flag(query, 'lastRevision', false)
    if (!revision && !time && !lastRevision) throw badRequest('One of "revision", "time" or "lastRevision=true" is required')
    const documents: Doc[] = []
    for (const id of ids) {
      let doc: Doc | null | undefined
      if (revision) {
        doc = context.store.documentAt(dataset, id, { revision })
        if (doc === undefined) throw notFound(`Revision "${revision}" not found in dataset "${dataset}"`, 'revisionNotFoundError')
      } else if (time) {
        doc = context.store.documentAt(dataset, id, { time })
      } else {
        doc = context.store.lastExistingVersion(dataset, id)
      }
      if (doc) documents.push(doc)
    }
    return { documents }
  })
}
