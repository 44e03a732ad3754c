/**
 * What the Studio's Releases tool reads besides release documents:
 *
 * - GET /projects/{id}/new-content-release-allowed: `{data: {datasetReleaseLimit,
 *   orgActiveReleaseLimit, orgMeteredActiveReleaseCount}}`, the limits the Studio checks before
 *   it offers to create or unarchive a release. The lake's limit is MAX_OPEN_RELEASES per dataset
 *   (lake/releases.ts, enforced there); there is no organisation-wide limit (null), and the count
 *   is of open releases in every dataset.
 * - GET /data/history/{dataset}/events/releases/{releaseId}?limit=&nextCursor=: the release's
 *   activity (created, scheduled, published, documents added or discarded…), derived from the
 *   transaction log, newest first. `nextCursor` is the log sequence to continue below; empty when
 *   there is nothing older.
 */
import { LakeError, badRequest } from '../errors'
import { VERSIONS_PREFIX, isValidReleaseId } from '../ids'
import { MAX_OPEN_RELEASES, RELEASE_TYPE, isOpen, readRelease, releaseDocumentId, type Release } from '../releases'
import type { TransactionRecord } from '../store'
import type { App, LakeContext, Query } from './common'
import { datasetOf, isRecord, principalOf, requireSignedIn, single } from './common'

type ReleaseEvent = Record<string, unknown> & { id: string; type: string; timestamp: string; author: string; releaseName: string }

const MAX_EVENT_TRANSACTIONS = 100

/** What a create or edit changed of what the Studio shows: release type and intended date. */
function changeOf(before: Release | null, after: Release): Record<string, unknown> {
  const metadata = (release: Release | null) => {
    const value = release?.doc.metadata
    return isRecord(value) ? value : {}
  }
  const change: Record<string, unknown> = {}
  if (metadata(before).releaseType !== metadata(after).releaseType) change.releaseType = metadata(after).releaseType
  if (metadata(before).intendedPublishAt !== metadata(after).intendedPublishAt) change.intendedPublishDate = metadata(after).intendedPublishAt
  return change
}

/** The events one transaction produced for release `releaseId`, newest first. */
export function releaseEventsOf(record: TransactionRecord, releaseId: string): ReleaseEvent[] {
  const base = { id: record.id, timestamp: record.timestamp, author: record.author, releaseName: releaseId }
  const events: ReleaseEvent[] = []
  const releaseChange = record.documents.find((doc) => doc.id === releaseDocumentId(releaseId))
  if (releaseChange) {
    const before = readRelease(releaseChange.before)
    const after = readRelease(releaseChange.after)
    if (!before && after) events.push({ ...base, type: 'createRelease', change: changeOf(null, after) })
    else if (before && after && before.state !== after.state) {
      if (after.state === 'scheduled') events.push({ ...base, type: 'scheduleRelease', publishAt: after.publishAt })
      else if (after.state === 'published') events.push({ ...base, type: 'publishRelease' })
      else if (after.state === 'archived') events.push({ ...base, type: 'archiveRelease' })
      else if (before.state === 'archived') events.push({ ...base, type: 'unarchiveRelease' })
      else if (before.state === 'scheduled') events.push({ ...base, type: 'unscheduleRelease' })
    } else if (before && after) {
      const change = changeOf(before, after)
      if (Object.keys(change).length > 0) events.push({ ...base, type: 'editRelease', change })
    }
    // Publish, archive, unarchive and delete move the versions as part of the release's own event.
    return events
  }
  const prefix = `${VERSIONS_PREFIX}${releaseId}.`
  for (const doc of record.documents) {
    if (!doc.id.startsWith(prefix)) continue
    if (!doc.before && doc.after) events.push({ ...base, type: 'addDocumentToRelease', documentId: doc.id, documentType: doc.after._type })
    else if (doc.before && !doc.after) events.push({ ...base, type: 'discardDocumentFromRelease', documentId: doc.id, documentType: doc.before._type })
  }
  return events
}

export function releaseRoutes(app: App, context: LakeContext): void {
  app.get('/projects/:projectId/new-content-release-allowed', async (request) => {
    requireSignedIn(principalOf(context, request))
    let open = 0
    for (const dataset of context.store.datasetNames()) {
      open += context.store.memo(dataset, 'releases:open', (docs) => docs.filter((doc) => doc._type === RELEASE_TYPE && isOpen(readRelease(doc))).length)
    }
    return { data: { datasetReleaseLimit: MAX_OPEN_RELEASES, orgActiveReleaseLimit: null, orgMeteredActiveReleaseCount: open } }
  })

  app.get('/data/history/:dataset/events/releases/:releaseId', async (request) => {
    const dataset = datasetOf(request)
    if (principalOf(context, request).role === 'anonymous') {
      throw new LakeError(401, 'unauthorizedError', 'Unauthorized - reading history requires a token')
    }
    const releaseId = (request.params as { releaseId?: string }).releaseId ?? ''
    if (!isValidReleaseId(releaseId)) throw badRequest('The release id must be 1–64 letters, digits, "_" or "-"')
    const query = request.query as Query
    const limit = Math.min(Math.max(Number(single(query, 'limit') ?? MAX_EVENT_TRANSACTIONS) || MAX_EVENT_TRANSACTIONS, 1), MAX_EVENT_TRANSACTIONS)
    const cursor = single(query, 'nextCursor')
    const below = cursor ? Number(cursor) : undefined
    if (below !== undefined && !Number.isSafeInteger(below)) throw badRequest('"nextCursor" is not valid')
    const records = context.store.transactionsForIdOrPrefix(dataset, releaseDocumentId(releaseId), `${VERSIONS_PREFIX}${releaseId}.`, { beforeSeq: below, limit })
    const events = records.flatMap((record) => releaseEventsOf(record, releaseId))
    const last = records[records.length - 1]
    return { events, nextCursor: records.length === limit && last ? String(last.seq) : '' }
  })
}
