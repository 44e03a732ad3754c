/**
 * The review desk's queue: which documents wait for a reviewer (In review) or for their author
 * (Changes requested), read with one GROQ query over the `workflow.<id>` documents, and what
 * changed in each draft against its published version.
 *
 * Pure (no React, no client) so the rules are unit-tested: test/studio/review-queue.test.ts.
 */
import { dequal } from 'dequal'
import { WORKFLOW_TYPE, effectiveStatus, type WorkflowStatus } from '../../editorial/state'

/** At most this many rows: the desk is a work list, not an archive, and each row follows its document live. */
export const QUEUE_LIMIT = 100

/**
 * Workflow documents whose stored status waits on someone, newest first, with the draft and the
 * published version beside each (raw perspective: drafts are separate documents).
 */
export const REVIEW_QUEUE_QUERY = `*[_type == $workflowType && status in ["inReview", "changesRequested"]] | order(updatedAt desc) [0...$limit] {
  documentId,
  documentType,
  status,
  revision,
  submittedBy,
  reason,
  updatedAt,
  "submittedAt": log[action == "submit"][-1].at,
  "rejectedBy": log[action == "reject"][-1].by,
  "draft": *[_id == "drafts." + ^.documentId][0],
  "published": *[_id == ^.documentId][0]
}`

export const reviewQueueParams = { workflowType: WORKFLOW_TYPE, limit: QUEUE_LIMIT }

type Content = Record<string, unknown>

export type QueueRow = {
  documentId: string
  documentType: string
  status: Extract<WorkflowStatus, 'inReview' | 'changesRequested'>
  /** The draft revision the status belongs to. */
  revision: string
  title: string
  submittedBy: string | null
  /** When it was submitted (the latest submit in the log), else when the status was set. */
  submittedAt: string
  /** Why changes were requested, and by whom. */
  reason: string | null
  rejectedBy: string | null
  /** Top-level fields the draft changes against the published version; all of them for a new document. */
  changedFields: string[]
  isNew: boolean
}

const isRecord = (value: unknown): value is Content => typeof value === 'object' && value !== null && !Array.isArray(value)
const stringOr = <T>(value: unknown, fallback: T): string | T => (typeof value === 'string' ? value : fallback)

/**
 * The top-level content fields whose values differ between `published` and `draft`, in the
 * draft's order, then the fields the draft removed. System fields (`_id`, `_rev`, `_updatedAt`, …)
 * always differ and say nothing to a reviewer. Why a comparison here rather than @sanity/diff: the
 * desk needs only *which* fields changed, and a deep equality (dequal) answers that in one pass,
 * where a full diff also computes character-level string diffs of every long text.
 */
export function changedFields(published: Content | null, draft: Content): string[] {
  const isContent = (key: string) => !key.startsWith('_')
  const draftKeys = Object.keys(draft).filter(isContent)
  if (!published) return draftKeys
  const changed = draftKeys.filter((key) => !dequal(draft[key], published[key]))
  const removed = Object.keys(published).filter((key) => isContent(key) && !(key in draft))
  return [...changed, ...removed]
}

/**
 * The queue rows from the query's answer, checked field by field (the answer is JSON from the
 * lake, not a typed value). A row is kept only while its status still applies to the draft: any
 * edit after a submission or a rejection returns the document to Draft (effectiveStatus), so the
 * desk never offers to approve a revision nobody submitted.
 */
export function parseQueue(answer: unknown): QueueRow[] {
  if (!Array.isArray(answer)) return []
  const rows: QueueRow[] = []
  for (const item of answer) {
    if (!isRecord(item) || !isRecord(item.draft)) continue
    const { documentId, documentType, status, revision, updatedAt } = item
    if (typeof documentId !== 'string' || typeof documentType !== 'string' || typeof revision !== 'string' || typeof updatedAt !== 'string') continue
    if (status !== 'inReview' && status !== 'changesRequested') continue
    const draftRev = stringOr(item.draft._rev, null)
    if (effectiveStatus({ status, revision }, draftRev) !== status) continue
    const published = isRecord(item.published) ? item.published : null
    rows.push({
      documentId,
      documentType,
      status,
      revision,
      title: stringOr(item.draft.title, stringOr(item.draft.name, documentId)),
      submittedBy: stringOr(item.submittedBy, null),
      submittedAt: stringOr(item.submittedAt, updatedAt),
      reason: status === 'changesRequested' ? stringOr(item.reason, null) : null,
      rejectedBy: status === 'changesRequested' ? stringOr(item.rejectedBy, null) : null,
      changedFields: changedFields(published, item.draft),
      isNew: published === null,
    })
  }
  return rows
}
