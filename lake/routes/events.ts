/**
 * GET /data/history/{dataset}/events/documents/{id}?limit=N&nextCursor=: the document-group
 * events the Studio's History inspector lists (created, published, draft discarded, unpublished,
 * deleted, live edits), derived from the transaction log. Edits between these events are not
 * events: the Studio reads them from the transactions endpoint (routes/history.ts).
 *
 * Events are computed for the whole group (`X` and `drafts.X`) whichever of the two ids is asked
 * for, and returned under the id asked for, newest first. `nextCursor` is the log sequence to
 * continue below; empty when there is nothing older.
 */
import { LakeError, badRequest } from '../errors'
import { DRAFTS_PREFIX, publishedIdOf } from '../ids'
import type { TransactionRecord } from '../store'
import type { App, LakeContext, Query } from './common'
import { datasetOf, principalOf, single } from './common'

type GroupEvent = Record<string, unknown> & { id: string; type: string; timestamp: string; author: string }

/** The events one transaction produced for the group of `publishedId`. */
export function eventsOf(record: TransactionRecord, publishedId: string): GroupEvent[] {
  const draftId = `${DRAFTS_PREFIX}${publishedId}`
  const published = record.documents.find((doc) => doc.id === publishedId)
  const draft = record.documents.find((doc) => doc.id === draftId)
  const base = { id: record.id, timestamp: record.timestamp, author: record.author, documentId: publishedId }
  const events: GroupEvent[] = []
  const draftCreated = draft && !draft.before && draft.after
  const draftRemoved = draft && draft.before && !draft.after
  const publishedRemoved = published && published.before && !published.after
  const publishedWritten = published && published.after

  if (draftRemoved && publishedWritten) {
    events.push({
      ...base,
      type: 'publishDocumentVersion',
      versionId: draftId,
      revisionId: record.id,
      versionRevisionId: draft.before?._rev ?? draft.previousRev ?? record.id,
      publishCause: 'document.publish',
    })
  } else if (draftCreated && publishedRemoved) {
    events.push({ ...base, type: 'unpublishDocument', versionId: draftId, versionRevisionId: record.id })
  } else if (publishedRemoved && (!draft || draftRemoved)) {
    events.push({ ...base, type: 'deleteDocumentGroup' })
  } else {
    if (draftCreated) events.push({ ...base, type: 'createDocumentVersion', versionId: draftId, versionRevisionId: record.id })
    if (draftRemoved) events.push({ ...base, type: 'deleteDocumentVersion', versionId: draftId, versionRevisionId: draft.before?._rev ?? record.id })
    if (publishedWritten) {
      // Written directly (liveEdit types, imports, scripts), not through a draft.
      events.push({ ...base, type: published.before ? 'updateLiveDocument' : 'createLiveDocument', revisionId: record.id })
    }
  }
  return events
}

export function eventRoutes(app: App, context: LakeContext): void {
  app.get('/data/history/:dataset/events/documents/:id', async (request) => {
    const dataset = datasetOf(request)
    if (principalOf(context, request).role === 'anonymous') {
      throw new LakeError(401, 'unauthorizedError', 'Unauthorized - reading history requires a token')
    }
    const requested = (request.params as { id?: string }).id ?? ''
    if (!requested) throw badRequest('A document id is required')
    const query = request.query as Query
    const limit = Math.min(Math.max(Number(single(query, 'limit') ?? 100) || 100, 1), 1000)
    const cursor = single(query, 'nextCursor')
    const below = cursor ? Number(cursor) : Number.MAX_SAFE_INTEGER
    if (!Number.isInteger(below)) throw badRequest('"nextCursor" is not valid')
    const publishedId = publishedIdOf(requested)
    const records = context.store.transactionsForDocuments(dataset, [publishedId, `${DRAFTS_PREFIX}${publishedId}`], { reverse: true }).filter((record) => record.seq < below)
    const events: GroupEvent[] = []
    let nextCursor = ''
    for (const record of records) {
      if (events.length >= limit) {
        nextCursor = String(records[records.indexOf(record) - 1]?.seq ?? '')
        break
      }
      events.push(...eventsOf(record, publishedId).reverse())
    }
    return { events: { [requested]: events }, nextCursor }
  })
}
