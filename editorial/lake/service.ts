/**
 * The editorial workflow inside the lake: review state and the publish guard.
 *
 * - Review: Draft → In review → Approved, per draft revision (editorial/state.ts). A publish
 *   of a governed document is refused unless its draft's current revision is approved by someone
 *   other than the author of that revision (its last editor, read from the transaction log).
 *   Administrators can force-publish with a recorded reason.
 * - Enforcement is switched per dataset: `reviewRequired` comes from the `meta` table when an
 *   administrator set it (PUT /data/workflow/{ds}/settings), else from LAKE_REVIEW_REQUIRED
 *   (default on). When on, it holds for every API write — Studio, scripts and integrations alike:
 *   the guard runs inside the write engine (runWrite's afterBuild), so the mutate API cannot
 *   write a published document around it. Only the seed import and CLI imports bypass it.
 * - Releases: a release's version is reviewed as a draft is, per revision (noteVersionIfApproved,
 *   checkVersionPublish), so a scheduled release publishes only approved content.
 * - Embargo: nothing of an embargoed trip's group publishes before the lift (rules.ts), whether
 *   as a draft, by force, or from a release; the embargo rule holds whatever the review setting.
 *   Schedules and embargo lifts are Content Releases (editorial/release-schedule.ts), published at
 *   their time by the lake's release scheduler through this guard.
 *
 * All state is documents (`workflow.<id>`) written through runWrite, so it is
 * durable, in the transaction log, and announced to listeners (the Studio's badges follow it).
 */
import { isDeepStrictEqual } from 'node:util'
import { LakeError, badRequest } from '../../lake/errors'
import { DRAFTS_PREFIX, isValidDocumentId, randomId } from '../../lake/ids'
import { layerOf } from '../../lake/perspective'
import { enforceShareLinkRules } from './share'
import type { Store } from '../../lake/store'
import type { Doc, Principal } from '../../lake/types'
import { changesAsMutations, runWrite, type WriteContext, type WriteTransaction } from '../../lake/write'
import type { DocumentChange } from '../../lake/types'
import { parseRfc3339, rfc3339Message } from '../../lake/dates'
import { RELEASE_SCHEDULER_AUTHOR } from '../../lake/release-scheduler'
import { embargoRefusal, holdersOnce, isContentType, pendingEmbargo, sameContent, type View } from './rules'
import {
  STATUS_LABELS,
  WORKFLOW_ACTIONS,
  WORKFLOW_TYPE,
  approvalRefusal,
  effectiveStatus,
  isWorkflowSystemId,
  workflowIdOf,
  type StoredStatus,
  type WorkflowAction,
  type WorkflowDoc,
  type WorkflowLogEntry,
} from '../state'

/** Author of the transactions the scheduler commits. */
export const SCHEDULER_AUTHOR = 'lake-scheduler'

export type WorkflowOptions = {
  /** Default for datasets without their own setting. */
  reviewRequired: boolean
  /** Document types review applies to; empty means every content type. */
  reviewTypes: string[]
}

export type WorkflowSettings = { reviewRequired: boolean; reviewTypes: string[] }

const MAX_LOG = 50
/** Approved release versions kept per document (one per open release it is in, in practice). */
const MAX_APPROVED_VERSIONS = 20

/** Whether `id` is a version in a release (`versions.<release>.<id>`), not a draft or published. */
function isVersionLayer(id: string): boolean {
  const { layer } = layerOf(id)
  return layer !== 'published' && layer !== 'drafts'
}

/**
 * The version a release publishes as `publishedId` in this transaction, if it does: the version is
 * removed while the published document takes its content (lake/releases.ts publishReleaseIn).
 */
function releaseVersionPublished(changes: readonly DocumentChange[], publishedId: string, after: Doc): Doc | null {
  for (const change of changes) {
    if (change.after || !change.before || !isVersionLayer(change.id) || layerOf(change.id).baseId !== publishedId) continue
    if (sameContent(change.before, after)) return change.before
  }
  return null
}
const MAX_REASON = 2000

/** Workflow writes are logged like actions: each document's effect as a mutation. */
const logged = (_value: unknown, changes: DocumentChange[]) => changesAsMutations(changes)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function storeView(store: Store, dataset: string): View {
  return { get: (id) => store.get(dataset, id) ?? null, documents: () => store.documents(dataset) }
}

/** `drafts.X` or `X` → `X`, refusing anything else. */
function publishedIdOf(value: unknown, field = 'documentId'): string {
  if (typeof value !== 'string' || value === '') throw badRequest(`"${field}" is required`)
  const id = value.startsWith(DRAFTS_PREFIX) ? value.slice(DRAFTS_PREFIX.length) : value
  if (!isValidDocumentId(id) || layerOf(id).layer !== 'published' || isWorkflowSystemId(id)) {
    throw badRequest(`"${field}" must be a document id such as "trip-1" or "drafts.trip-1", got ${JSON.stringify(value)}`)
  }
  return id
}

function reasonOf(value: unknown, required: boolean, what: string): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw badRequest(`"reason" is required: ${what}`)
    return null
  }
  if (typeof value !== 'string' || value.trim() === '') throw badRequest('"reason" must be text')
  if (value.length > MAX_REASON) throw badRequest(`"reason" is longer than ${MAX_REASON} characters`)
  return value.trim()
}

/** Written only by the lake's upload route (lake/assets.ts). */
const ASSET_TYPES = new Set(['sanity.imageAsset', 'sanity.fileAsset'])

export class Workflow {
  private readonly lastEditorStmt
  private readonly settingStmt
  private readonly saveSettingStmt

  constructor(
    private readonly context: WriteContext,
    private readonly options: WorkflowOptions,
  ) {
    const db = context.store.db
    this.lastEditorStmt = db.prepare('SELECT author FROM transactions WHERE dataset = ? AND id = ?')
    this.settingStmt = db.prepare('SELECT value FROM meta WHERE key = ?')
    this.saveSettingStmt = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  }

  /** Lake time (lake/clock.ts): the transaction clock when the lake has one. */
  private now(): number {
    return this.context.clock?.now() ?? Date.now()
  }

  private get store(): Store {
    return this.context.store
  }

  settings(dataset: string): WorkflowSettings {
    const row = this.settingStmt.get(`workflow.reviewRequired.${dataset}`) as { value: string } | undefined
    return { reviewRequired: row ? row.value === 'true' : this.options.reviewRequired, reviewTypes: this.options.reviewTypes }
  }

  setReviewRequired(dataset: string, principal: Principal, value: unknown): WorkflowSettings {
    if (principal.role !== 'administrator') throw new LakeError(403, 'permissionDeniedError', 'Only an administrator can change whether review is required')
    if (typeof value !== 'boolean') throw badRequest('"reviewRequired" must be true or false')
    this.saveSettingStmt.run(`workflow.reviewRequired.${dataset}`, String(value))
    return this.settings(dataset)
  }

  private reviewApplies(settings: WorkflowSettings, type: string): boolean {
    return settings.reviewRequired && isContentType(type) && (settings.reviewTypes.length === 0 || settings.reviewTypes.includes(type))
  }

  /** Who wrote revision `rev` (a transaction id): the last editor of a document at that revision. */
  lastEditor(dataset: string, rev: string | undefined): string | null {
    if (!rev) return null
    return (this.lastEditorStmt.get(dataset, rev) as { author: string } | undefined)?.author ?? null
  }

  private stateIn(view: View, publishedId: string): WorkflowDoc | null {
    const doc = view.get(workflowIdOf(publishedId))
    return doc && doc._type === WORKFLOW_TYPE ? (doc as unknown as WorkflowDoc) : null
  }

  /** Everything the Studio shows about one document's workflow. */
  describe(dataset: string, documentId: unknown) {
    const id = publishedIdOf(documentId)
    const view = storeView(this.store, dataset)
    const draft = view.get(`${DRAFTS_PREFIX}${id}`)
    const published = view.get(id)
    const state = this.stateIn(view, id)
    const settings = this.settings(dataset)
    const type = draft?._type ?? published?._type ?? null
    return {
      documentId: id,
      status: effectiveStatus(state, draft?._rev ?? null),
      draftRevision: draft?._rev ?? null,
      lastEditor: this.lastEditor(dataset, draft?._rev),
      reviewRequired: type !== null && this.reviewApplies(settings, type),
      embargoUntil: pendingEmbargo(draft ?? published, this.now()),
      state,
    }
  }

  /** Records a workflow step on `workflow.<publishedId>` inside `tx`. */
  private record(
    tx: WriteTransaction,
    publishedId: string,
    documentType: string,
    patch: Partial<Pick<WorkflowDoc, 'status' | 'revision' | 'submittedBy' | 'approvedBy' | 'reason'>> & { status: StoredStatus },
    entry: Omit<WorkflowLogEntry, '_key' | 'at'>,
  ): WorkflowDoc {
    const existing = this.stateIn(tx, publishedId)
    const at = tx.time.toISOString()
    const doc: WorkflowDoc = {
      _id: workflowIdOf(publishedId),
      _type: WORKFLOW_TYPE,
      documentId: publishedId,
      documentType,
      revision: null,
      submittedBy: null,
      approvedBy: null,
      reason: null,
      log: [],
      ...existing,
      ...patch,
      updatedAt: at,
    }
    const logEntry: WorkflowLogEntry = { _key: randomId(12), at, ...entry }
    if (logEntry.reason === undefined) delete logEntry.reason
    doc.log = [...(existing?.log ?? []), logEntry].slice(-MAX_LOG)
    delete doc._rev
    tx.put(doc as unknown as Doc)
    return doc
  }

  /** Draft → published inside `tx`, recording who published and how. */
  private publishIn(tx: WriteTransaction, publishedId: string, by: string, action: WorkflowLogEntry['action'], reason?: string): void {
    const draftId = `${DRAFTS_PREFIX}${publishedId}`
    const draft = tx.get(draftId)
    if (!draft) throw new LakeError(409, 'documentNotFoundError', `"${publishedId}" has no draft to publish`)
    const published = tx.get(publishedId)
    tx.put({ ...draft, _id: publishedId, _createdAt: published?._createdAt ?? draft._createdAt })
    tx.remove(draftId)
    this.record(tx, publishedId, draft._type, { status: 'published', revision: null, reason: reason ?? null }, { by, action, revision: draft._rev ?? null, reason })
  }

  /**
   * The check every API write passes (Mutation and Actions API): workflow documents are written
   * only by the lake; a published content document is written only when no embargo holds it and,
   * where review is required, only by publishing its approved draft unchanged.
   */
  guard(principal: Principal, dataset: string): (tx: WriteTransaction) => void {
    return (tx) => {
      const now = this.now()
      const settings = this.settings(dataset)
      enforceShareLinkRules(tx, principal, now)
      const holders = holdersOnce(tx, now)
      const changes = tx.changes()
      for (const change of changes) {
        const touched = change.after ?? change.before
        if (isWorkflowSystemId(change.id) || touched?._type === WORKFLOW_TYPE) {
          throw new LakeError(403, 'permissionDeniedError', `"${change.id}" is workflow state: change it through POST /data/workflow/${dataset}, not by writing it`)
        }
        const after = change.after
        if (after && (typeof after._type !== 'string' || after._type === '')) throw badRequest(`"_type" of "${change.id}" must be a non-empty string`)
        // Asset documents describe stored files: only the upload route (which does not pass
        // through here) writes them. Deleting one stays possible (the Studio's asset source does).
        if (after && (ASSET_TYPES.has(after._type) || (change.before && ASSET_TYPES.has(change.before._type)))) {
          throw new LakeError(403, 'permissionDeniedError', `"${change.id}" is an asset document: upload files through POST /assets/images|files/${dataset}; asset documents are not written directly`)
        }
        // An embargo the lake could not read was once no embargo at all: refuse it when written.
        const embargoUntil = after?.embargoUntil
        if (embargoUntil !== undefined && embargoUntil !== null && !isDeepStrictEqual(embargoUntil, change.before?.embargoUntil) && parseRfc3339(embargoUntil) === undefined) {
          throw badRequest(rfc3339Message('embargoUntil', embargoUntil))
        }
        // A published content document stays governed when its type changes: patching `_type` to
        // `sanity.*` (or any other type) is an edit of the document it was, reviewed as one.
        const governedType =
          after && isContentType(after._type) ? after._type : change.before && typeof change.before._type === 'string' && isContentType(change.before._type) ? change.before._type : null
        if (after && governedType !== null && isVersionLayer(change.id) && this.reviewApplies(settings, governedType)) {
          this.noteVersionIfApproved(tx, change.id, after)
          continue
        }
        if (!after || layerOf(change.id).layer !== 'published' || governedType === null) continue
        if (sameContent(change.before, after)) continue
        const embargo = embargoRefusal(tx, after._type === governedType ? after : { ...after, _type: governedType }, change.before, now, holders)
        if (embargo) throw new LakeError(409, 'embargoError', embargo)
        // A release publishing: the version it publishes is removed in the same transaction.
        const fromVersion = releaseVersionPublished(changes, change.id, after)
        if (fromVersion) {
          this.checkVersionPublish(tx, settings, governedType, change.id, fromVersion, principal)
          continue
        }
        if (!this.reviewApplies(settings, governedType)) continue
        const draftId = `${DRAFTS_PREFIX}${change.id}`
        const draft = this.store.get(dataset, draftId) ?? null
        const status = effectiveStatus(this.stateIn(tx, change.id), draft?._rev ?? null)
        const publishesDraft = draft !== null && tx.get(draftId) === null && sameContent({ ...draft, _id: change.id }, after)
        if (status !== 'approved' || !publishesDraft) {
          const why = !draft
            ? 'it has no draft; edit it as a draft, then have the draft reviewed'
            : status !== 'approved'
              ? `its draft is ${STATUS_LABELS[status]}, not Approved`
              : 'the write is not a publish of its approved draft'
          throw new LakeError(
            409,
            'reviewRequiredError',
            `Review required: "${change.id}" cannot be published because ${why}. Submit it for review; someone other than its last editor must approve it (or an administrator can force-publish with a reason).`,
          )
        }
        this.record(tx, change.id, after._type, { status: 'published', revision: null }, { by: principal.id, action: 'publish', revision: draft._rev ?? null })
      }
    }
  }

  /**
   * Review of a release's version: approval belongs to a revision, as for a draft. A version
   * copied from a draft revision that is approved (or whose draft is approved later with the same
   * content, see act) is recorded on the workflow document as approved at its own revision; any
   * later edit of the version gives it a new revision, which is not.
   */
  private noteVersionIfApproved(tx: WriteTransaction, versionId: string, version: Doc): void {
    const publishedId = layerOf(versionId).baseId
    const draft = tx.get(`${DRAFTS_PREFIX}${publishedId}`)
    const state = this.stateIn(tx, publishedId)
    if (!draft || !state || effectiveStatus(state, draft._rev ?? null) !== 'approved' || !sameContent(draft, version)) return
    this.recordApprovedVersion(tx, state, versionId, version._rev ?? tx.id)
  }

  private recordApprovedVersion(tx: WriteTransaction, state: WorkflowDoc, versionId: string, revision: string): void {
    const approvedVersions = [...(state.approvedVersions ?? []).filter((entry) => entry.versionId !== versionId), { versionId, revision }].slice(-MAX_APPROVED_VERSIONS)
    const { _rev: _ignored, ...rest } = state
    tx.put({ ...rest, approvedVersions } as unknown as Doc)
  }

  /**
   * A release publishes `publishedId` from `version`: where review applies, only an approved
   * revision of the version may go public (fails closed with the reason, which the release keeps
   * as its error).
   */
  private checkVersionPublish(tx: WriteTransaction, settings: WorkflowSettings, type: string, publishedId: string, version: Doc, principal: Principal): void {
    const state = this.stateIn(tx, publishedId)
    const releaseId = layerOf(version._id).layer
    if (this.reviewApplies(settings, type)) {
      const approved = (state?.approvedVersions ?? []).some((entry) => entry.versionId === version._id && entry.revision === version._rev)
      if (!approved) {
        throw new LakeError(
          409,
          'reviewRequiredError',
          `Review required: "${publishedId}" cannot be published from release "${releaseId}" because its version there is not an approved revision. Have its draft approved with the same content (submit it for review; someone other than its last editor approves it), or add the approved draft to the release again.`,
        )
      }
    }
    // The draft stays, as on hosted Sanity; its review starts again from Draft.
    if (state)
      this.record(
        tx,
        publishedId,
        type,
        { status: 'published', revision: null },
        { by: principal.id, action: principal.id === RELEASE_SCHEDULER_AUTHOR ? 'scheduledPublish' : 'publish', revision: version._rev ?? null },
      )
  }

  /** POST /data/workflow/{dataset}: submit, approve, reject (request changes) or forcePublish. */
  async act(dataset: string, principal: Principal, body: unknown) {
    if (!isRecord(body)) throw badRequest('Send {documentId, action, reason?, revision?}')
    const id = publishedIdOf(body.documentId)
    const action = body.action
    if (typeof action !== 'string' || !(WORKFLOW_ACTIONS as readonly string[]).includes(action)) {
      throw badRequest(`"action" must be one of ${WORKFLOW_ACTIONS.join(', ')}`)
    }
    const workflowAction = action as WorkflowAction
    if (workflowAction === 'forcePublish' && principal.role !== 'administrator') {
      throw new LakeError(403, 'permissionDeniedError', 'Only an administrator can force-publish')
    }
    const reason = reasonOf(body.reason, workflowAction === 'forcePublish', 'say why this is published without approval')
    if (body.revision !== undefined && typeof body.revision !== 'string') throw badRequest('"revision" must be the draft revision (its _rev)')
    const { transaction, value } = await runWrite(
      this.context,
      { dataset, author: principal.id, afterBuild: this.guardForForcePublish(workflowAction) },
      (tx) => {
        const draft = tx.get(`${DRAFTS_PREFIX}${id}`)
        if (!draft) throw new LakeError(409, 'workflowError', `"${id}" has no draft: there is nothing to ${workflowAction === 'submit' ? 'submit' : 'review'}`)
        if (typeof body.revision === 'string' && body.revision !== draft._rev) {
          throw new LakeError(409, 'workflowError', `The draft of "${id}" changed (revision ${String(draft._rev)}, you saw ${body.revision}): look at it again`)
        }
        const status = effectiveStatus(this.stateIn(tx, id), draft._rev ?? null)
        const revision = draft._rev ?? null
        switch (workflowAction) {
          case 'submit':
            if (status === 'inReview') throw new LakeError(409, 'workflowError', `"${id}" is already in review`)
            if (status === 'approved') throw new LakeError(409, 'workflowError', `"${id}" is already approved`)
            return this.record(tx, id, draft._type, { status: 'inReview', revision, submittedBy: principal.id, approvedBy: null, reason: null }, { by: principal.id, action: 'submit', revision })
          case 'approve': {
            const refusal = approvalRefusal(status, principal.id, this.lastEditor(dataset, draft._rev))
            if (refusal) throw new LakeError(status === 'inReview' ? 403 : 409, 'workflowError', refusal)
            const approved = this.record(tx, id, draft._type, { status: 'approved', revision, approvedBy: principal.id }, { by: principal.id, action: 'approve', revision })
            // Versions of it in releases with exactly the approved content are approved with it.
            for (const version of tx.documents()) {
              if (isVersionLayer(version._id) && layerOf(version._id).baseId === id && sameContent(draft, version)) {
                this.recordApprovedVersion(tx, this.stateIn(tx, id) ?? approved, version._id, version._rev ?? '')
              }
            }
            return this.stateIn(tx, id) ?? approved
          }
          case 'reject':
            if (status !== 'inReview' && status !== 'approved')
              throw new LakeError(409, 'workflowError', `Only a document in review or approved can be sent back, and "${id}" is ${STATUS_LABELS[status]}`)
            return this.record(tx, id, draft._type, { status: 'changesRequested', revision, approvedBy: null, reason }, { by: principal.id, action: 'reject', revision, reason: reason ?? undefined })
          case 'forcePublish':
            this.publishIn(tx, id, principal.id, 'forcePublish', reason ?? undefined)
            return this.stateIn(tx, id)
        }
      },
      logged,
    )
    return { transactionId: transaction.id, workflow: value, ...this.describe(dataset, id) }
  }

  /** A force-publish skips review, never an embargo. */
  private guardForForcePublish(action: WorkflowAction): ((tx: WriteTransaction) => void) | undefined {
    if (action !== 'forcePublish') return undefined
    return (tx) => {
      const now = this.now()
      const holders = holdersOnce(tx, now)
      for (const change of tx.changes()) {
        if (!change.after || layerOf(change.id).layer !== 'published' || !isContentType(change.after._type)) continue
        const refusal = embargoRefusal(tx, change.after, change.before, now, holders)
        if (refusal) throw new LakeError(409, 'embargoError', refusal)
      }
    }
  }
}
