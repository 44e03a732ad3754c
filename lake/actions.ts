/**
 * Sanity's Actions API (`POST /data/actions/{dataset}`), the API Studio v5 uses for every
 * draft-model edit, publish, discard, delete and unpublish, and for Content Releases.
 *
 * Semantics follow the action descriptions in `@sanity/client`'s types and Sanity's Actions API
 * reference: a publish copies the draft over the published document and deletes the draft; an
 * edit of a document without a draft first copies the published version to the draft; revision
 * guards (`ifDraftRevisionId`, `ifPublishedRevisionId`, `ifBaseRevisionId`) fail with 409. All
 * actions of one request are one transaction.
 *
 * Release actions (`sanity.action.release.*`) are in lake/releases.ts; a request holds either
 * release actions or document actions, not both, as on Sanity. The version actions here
 * (`version.create`, `.discard`, `.replace`, `.unpublish`) write `versions.<release>.<id>`
 * documents of an existing, active release.
 */
import { Mutation } from '@sanity/mutator'
import { ActionFailure, conflict, invalid, isRecord, missing, requireString } from './action-input'
import { ConflictError, actionError } from './errors'
import { DRAFTS_PREFIX, isValidDocumentId } from './ids'
import { layerOf } from './perspective'
import { applyReleaseAction, isReleaseAction, readRelease, refuseReleaseDocumentWrites, releaseDocumentId } from './releases'
import type { Doc } from './types'
import type { WriteTransaction } from './write'

function requirePublishedId(action: Record<string, unknown>): string {
  const id = requireString(action, 'publishedId')
  if (!isValidDocumentId(id) || layerOf(id).layer !== 'published') return invalid(`"publishedId" must be a published document id, got "${id}"`)
  return id
}

/** A draft (`drafts.X`) or version (`versions.R.X`) id whose base is `publishedId`. */
function requireVersionIdOf(id: string, publishedId: string, field: string): string {
  const { layer, baseId } = layerOf(id)
  if (!isValidDocumentId(id) || layer === 'published' || baseId !== publishedId) {
    return invalid(`"${field}" must be "${DRAFTS_PREFIX}${publishedId}" or "versions.<release>.${publishedId}", got "${id}"`)
  }
  return id
}

function requireAttributes(action: Record<string, unknown>, field = 'attributes'): Doc {
  const attributes = action[field]
  if (!isRecord(attributes)) return invalid(`"${field}" must be a document`)
  if (typeof attributes._type !== 'string' || attributes._type === '') return invalid(`"${field}" needs a _type`)
  return structuredClone(attributes) as Doc
}

function patchDocument(doc: Doc, patch: unknown): Doc {
  if (!isRecord(patch)) return invalid('"patch" must be an object of patch operations')
  try {
    const result = new Mutation({ mutations: [{ patch: { ...patch, id: doc._id } }] as never }).apply(doc) as Doc | null
    if (!result || result._id !== doc._id) return invalid('A patch cannot change or remove _id')
    return result
  } catch (error) {
    if (error instanceof ActionFailure) throw error
    return invalid(`Invalid patch: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** More actions than this in one request is a 400: each may copy a whole document. */
const MAX_ACTIONS = 1000

export async function applyActions(tx: WriteTransaction, actions: unknown): Promise<void> {
  const list = Array.isArray(actions) ? actions : isRecord(actions) ? [actions] : null
  if (!list || list.length === 0 || list.length > MAX_ACTIONS) {
    throw actionError(400, { index: 0, error: { type: 'validationError', description: `Body must contain an "actions" array of 1–${MAX_ACTIONS} actions` } })
  }
  const releaseActions = list.filter(isReleaseAction).length
  if (releaseActions > 0 && releaseActions < list.length) {
    const index = list.findIndex((action) => !isReleaseAction(action))
    throw actionError(400, { index, error: { type: 'validationError', description: 'Release actions and document actions cannot be mixed in one request' } })
  }
  for (const [index, action] of list.entries()) {
    try {
      if (releaseActions > 0 && isRecord(action)) applyReleaseAction(tx, action)
      else applyAction(tx, action)
    } catch (error) {
      if (error instanceof ActionFailure || error instanceof ConflictError) {
        const status = error instanceof ActionFailure ? error.status : error.status
        throw actionError(status, { index, error: { type: error.type, description: error.message } })
      }
      throw error
    }
  }
  // A document action naming a release document (`_.releases.x` as a publishedId) cannot reach it.
  if (releaseActions === 0) refuseReleaseDocumentWrites(tx.changes())
}

/**
 * A version id's release must exist and be active for a version to be created in it; drafts
 * (`drafts.X`, the Studio's "copy to drafts") need no release.
 */
function requireActiveReleaseOf(tx: WriteTransaction, versionId: string): void {
  const { layer } = layerOf(versionId)
  if (layer === 'drafts' || layer === 'published') return
  const release = readRelease(tx.get(releaseDocumentId(layer)))
  if (!release) missing(`Release "${layer}" does not exist: create it with sanity.action.release.create first`, 'releaseNotFoundError')
  else if (release.state !== 'active') conflict(`Release "${layer}" is ${release.state}: only an active release takes new documents`, 'releaseLockedError')
}

function applyAction(tx: WriteTransaction, action: unknown): void {
  if (!isRecord(action)) return invalid('Each action must be an object')
  const type = action.actionType
  switch (type) {
    case 'sanity.action.document.create': {
      const publishedId = requirePublishedId(action)
      const attributes = requireAttributes(action)
      const id = requireVersionIdOf(typeof attributes._id === 'string' ? attributes._id : `${DRAFTS_PREFIX}${publishedId}`, publishedId, 'attributes._id')
      const ifExists = action.ifExists ?? 'fail'
      if (ifExists !== 'fail' && ifExists !== 'ignore') return invalid('"ifExists" must be "fail" or "ignore"')
      if (tx.get(id)) {
        if (ifExists === 'ignore') return
        return conflict(`Document "${id}" already exists`, 'documentAlreadyExistsError')
      }
      tx.put({ ...attributes, _id: id })
      return
    }
    case 'sanity.action.document.edit': {
      const publishedId = requirePublishedId(action)
      const draftId = requireVersionIdOf(requireString(action, 'draftId'), publishedId, 'draftId')
      const base = tx.get(draftId) ?? copyOf(tx.get(publishedId), draftId)
      if (!base) return conflict(`Cannot edit "${publishedId}": neither "${draftId}" nor "${publishedId}" exists`, 'documentNotFoundError')
      tx.put(patchDocument(base, action.patch))
      return
    }
    case 'sanity.action.document.publish': {
      const publishedId = requirePublishedId(action)
      const draftId = requireVersionIdOf(requireString(action, 'draftId'), publishedId, 'draftId')
      const draft = tx.get(draftId)
      const published = tx.get(publishedId)
      if (!draft) return conflict(`Cannot publish "${publishedId}": draft "${draftId}" does not exist`, 'documentNotFoundError')
      checkRevision(draft, action.ifDraftRevisionId, draftId)
      checkRevision(published, action.ifPublishedRevisionId, publishedId)
      tx.put({ ...draft, _id: publishedId, _createdAt: published?._createdAt ?? draft._createdAt })
      tx.remove(draftId)
      return
    }
    case 'sanity.action.document.discard':
    case 'sanity.action.document.version.discard': {
      const field = type === 'sanity.action.document.discard' ? 'draftId' : 'versionId'
      const id = requireString(action, field)
      if (!isValidDocumentId(id) || layerOf(id).layer === 'published') return invalid(`"${field}" must be a draft or version id`)
      if (action.purge !== undefined && typeof action.purge !== 'boolean') return invalid('"purge" must be true or false')
      if (!tx.get(id)) return conflict(`Cannot discard "${id}": it does not exist`, 'documentNotFoundError')
      tx.remove(id)
      return
    }
    case 'sanity.action.document.delete': {
      const publishedId = requirePublishedId(action)
      const includeDrafts = action.includeDrafts ?? []
      if (!Array.isArray(includeDrafts) || includeDrafts.some((id) => typeof id !== 'string')) {
        return invalid('"includeDrafts" must be an array of draft ids')
      }
      const drafts = (includeDrafts as string[]).map((id) => requireVersionIdOf(id, publishedId, 'includeDrafts'))
      const defaultDraft = `${DRAFTS_PREFIX}${publishedId}`
      if (tx.get(defaultDraft) && !drafts.includes(defaultDraft)) {
        return conflict(`Cannot delete "${publishedId}": its draft "${defaultDraft}" exists and is not listed in includeDrafts`)
      }
      const existing = [publishedId, ...drafts].filter((id) => tx.get(id))
      if (existing.length === 0) return conflict(`Cannot delete "${publishedId}": it does not exist`, 'documentNotFoundError')
      for (const id of existing) tx.remove(id)
      return
    }
    case 'sanity.action.document.unpublish': {
      const publishedId = requirePublishedId(action)
      const draftId = requireVersionIdOf(requireString(action, 'draftId'), publishedId, 'draftId')
      const published = tx.get(publishedId)
      if (!published) return conflict(`Cannot unpublish "${publishedId}": it is not published`, 'documentNotFoundError')
      if (!tx.get(draftId)) tx.put(copyOf(published, draftId) as Doc)
      tx.remove(publishedId)
      return
    }
    case 'sanity.action.document.replaceDraft': {
      const publishedId = requirePublishedId(action)
      const attributes = requireAttributes(action)
      const id = requireVersionIdOf(typeof attributes._id === 'string' ? attributes._id : `${DRAFTS_PREFIX}${publishedId}`, publishedId, 'attributes._id')
      if (!tx.get(id) && !tx.get(publishedId)) {
        return conflict(`Cannot replace draft of "${publishedId}": neither the draft nor the published document exists`, 'documentNotFoundError')
      }
      tx.put({ ...attributes, _id: id })
      return
    }
    case 'sanity.action.document.version.create': {
      const publishedId = requirePublishedId(action)
      if (action.document !== undefined) {
        const document = requireAttributes(action, 'document')
        const id = requireVersionIdOf(String(document._id ?? ''), publishedId, 'document._id')
        requireActiveReleaseOf(tx, id)
        if (tx.get(id)) return conflict(`Document "${id}" already exists`, 'documentAlreadyExistsError')
        tx.put({ ...document, _id: id })
        return
      }
      // From a base: a copy of the published document, its draft or another version of it.
      const baseId = requireString(action, 'baseId')
      if (!isValidDocumentId(baseId) || layerOf(baseId).baseId !== publishedId) return invalid(`"baseId" must be "${publishedId}" or one of its drafts or versions, got "${baseId}"`)
      const id = requireVersionIdOf(requireString(action, 'versionId'), publishedId, 'versionId')
      requireActiveReleaseOf(tx, id)
      const base = tx.get(baseId)
      if (!base) return conflict(`Cannot create "${id}": its base "${baseId}" does not exist`, 'documentNotFoundError')
      checkRevision(base, action.ifBaseRevisionId, baseId)
      if (tx.get(id)) return conflict(`Document "${id}" already exists`, 'documentAlreadyExistsError')
      const { _system: _ignored, ...content } = copyOf(base, id) as Doc
      // Where the version started, as Sanity records it (the Studio compares it to the published revision).
      tx.put({ ...content, _id: id, _system: { base: { id: baseId, rev: base._rev } } })
      return
    }
    case 'sanity.action.document.version.unpublish': {
      const publishedId = requirePublishedId(action)
      const versionId = requireVersionIdOf(requireString(action, 'versionId'), publishedId, 'versionId')
      if (layerOf(versionId).layer === 'drafts') return invalid('"versionId" must be a release version ("versions.<release>.<id>"), not a draft')
      requireActiveReleaseOf(tx, versionId)
      const published = tx.get(publishedId)
      if (!published) return conflict(`Cannot unpublish "${publishedId}" with its release: it is not published`, 'documentNotFoundError')
      // The release's publish deletes the published document (lake/releases.ts marksUnpublish).
      const version = tx.get(versionId) ?? (copyOf(published, versionId) as Doc)
      const system = isRecord(version._system) ? version._system : {}
      tx.put({ ...version, _system: { ...system, delete: true } })
      return
    }
    case 'sanity.action.document.version.replace': {
      const document = requireAttributes(action, 'document')
      const id = String(document._id ?? '')
      requireVersionIdOf(id, layerOf(id).baseId, 'document._id')
      if (!tx.get(id)) return conflict(`Cannot replace "${id}": it does not exist`, 'documentNotFoundError')
      tx.put({ ...document, _id: id })
      return
    }
    default:
      return invalid(`Unsupported actionType ${JSON.stringify(type)}`)
  }
}

function copyOf(doc: Doc | null, id: string): Doc | null {
  if (!doc) return null
  const { _rev: _ignored, ...rest } = doc
  return { ...rest, _id: id }
}

function checkRevision(doc: Doc | null, expected: unknown, id: string): void {
  if (expected === undefined || expected === null) return
  if (doc?._rev !== expected) {
    conflict(`Document "${id}" has revision "${doc?._rev ?? '(none)'}", expected "${String(expected)}"`)
  }
}
