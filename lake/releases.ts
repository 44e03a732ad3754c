/**
 * Content Releases, as Sanity's Content Lake keeps them.
 *
 * A release is a `system.release` document at `_.releases.<releaseId>`; the documents in it are
 * versions, `versions.<releaseId>.<id>`. The release actions of the Actions API
 * (`sanity.action.release.*`) move a release through its states:
 *
 *   create → active ⇄ scheduled (schedule / unschedule)
 *   active | scheduled → published (publish, or the scheduler at `publishAt`)
 *   active ⇄ archived (archive removes the versions, unarchive restores them from the log)
 *   archived | published → deleted (delete)
 *
 * Publishing writes every version over its published document (a version marked
 * `_system.delete` by `version.unpublish` deletes it instead), removes the versions and marks the
 * release published, all in the one transaction it runs in: the write engine then checks strong
 * references of the new published documents, so a release that would break integrity fails as a
 * whole with a 409 and changes nothing. Hosted Sanity publishes asynchronously (the release passes
 * through `publishing`); here the action returns once it is published.
 *
 * Only `active` releases take changes to their versions (checkReleaseLocks, run by the write
 * engine on every write); release documents change only through release actions
 * (refuseReleaseDocumentWrites, run for the Mutation API and document actions).
 */
import { Mutation } from '@sanity/mutator'
import { conflict, invalid, isRecord, missing, requireString } from './action-input'
import { ConflictError, LakeError } from './errors'
import { RELEASES_PREFIX, VERSIONS_PREFIX, isValidReleaseId } from './ids'
import { layerOf } from './perspective'
import type { Doc, DocumentChange } from './types'
import { parseRfc3339, rfc3339Message } from './dates'
import type { WriteTransaction } from './write'

/** The most documents an imported release may name as its final states (as many as one request's actions). */
const MAX_FINAL_STATES = 1000

export const RELEASE_TYPE = 'system.release'
export const RELEASE_ACTION_PREFIX = 'sanity.action.release.'

const RELEASE_STATES = ['active', 'scheduled', 'published', 'archived'] as const
export type ReleaseState = (typeof RELEASE_STATES)[number]
const RELEASE_TYPES = ['asap', 'scheduled', 'undecided'] as const
const CARDINALITIES = ['many', 'one'] as const

/** Bounds on what a release's metadata may hold: a title and a description, not a document. */
const MAX_TITLE = 500
const MAX_DESCRIPTION = 10_000
const METADATA_FIELDS = new Set(['title', 'description', 'releaseType', 'intendedPublishAt', 'cardinality'])

/**
 * Most open (active or scheduled) releases a dataset holds: each one is listed, validated and
 * listened to by every open Studio. Reported to the Studio as its `datasetReleaseLimit`
 * (lake/routes/releases.ts), which then offers no new release at the limit.
 */
export const MAX_OPEN_RELEASES = 100

export type Release = { releaseId: string; doc: Doc; state: ReleaseState; publishAt: string | undefined }

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
}

export function releaseDocumentId(releaseId: string): string {
  return `${RELEASES_PREFIX}${releaseId}`
}

/** The release a stored document is, or null when it is not a release document. */
export function readRelease(doc: Doc | null | undefined): Release | null {
  if (!doc || doc._type !== RELEASE_TYPE || !doc._id.startsWith(RELEASES_PREFIX)) return null
  if (!isOneOf(RELEASE_STATES, doc.state)) return null
  return {
    releaseId: doc._id.slice(RELEASES_PREFIX.length),
    doc,
    state: doc.state,
    publishAt: typeof doc.publishAt === 'string' ? doc.publishAt : undefined,
  }
}

export function isReleaseAction(action: unknown): boolean {
  return isRecord(action) && typeof action.actionType === 'string' && action.actionType.startsWith(RELEASE_ACTION_PREFIX)
}

function requireReleaseId(action: Record<string, unknown>): string {
  const releaseId = requireString(action, 'releaseId')
  if (!isValidReleaseId(releaseId)) return invalid(`"releaseId" must be 1–64 letters, digits, "_" or "-", got ${JSON.stringify(String(releaseId).slice(0, 80))}`)
  return releaseId
}

function requireRelease(tx: WriteTransaction, releaseId: string): Release {
  const release = readRelease(tx.get(releaseDocumentId(releaseId)))
  if (!release) return missing(`Release "${releaseId}" does not exist`, 'releaseNotFoundError')
  return release
}

function requireState(release: Release, allowed: readonly ReleaseState[], what: string): void {
  if (!allowed.includes(release.state)) {
    conflict(`Cannot ${what} release "${release.releaseId}": it is ${release.state}, and only ${allowed.join(' or ')} releases can be`, 'releaseStateError')
  }
}

/** Release metadata as stored: the known fields only, each of its type, releaseType defaulting to undecided. */
function metadataOf(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) return invalid('"metadata" must be an object')
  const unknown = Object.keys(value).filter((key) => !METADATA_FIELDS.has(key))
  if (unknown.length > 0) invalid(`Unknown release metadata ${unknown.map((key) => `"${key.slice(0, 40)}"`).join(', ')}: use ${[...METADATA_FIELDS].join(', ')}`)
  const text = (field: string, max: number) => {
    const text = value[field]
    if (text === undefined) return
    if (typeof text !== 'string' || text.length > max) invalid(`"metadata.${field}" must be text of at most ${max} characters`)
  }
  text('title', MAX_TITLE)
  text('description', MAX_DESCRIPTION)
  const releaseType = value.releaseType ?? 'undecided'
  if (!isOneOf(RELEASE_TYPES, releaseType)) invalid(`"metadata.releaseType" must be one of ${RELEASE_TYPES.join(', ')}`)
  if (value.cardinality !== undefined && !isOneOf(CARDINALITIES, value.cardinality)) invalid(`"metadata.cardinality" must be one of ${CARDINALITIES.join(', ')}`)
  if (value.intendedPublishAt !== undefined && parseRfc3339(value.intendedPublishAt) === undefined) invalid(rfc3339Message('metadata.intendedPublishAt', value.intendedPublishAt))
  return { ...value, releaseType }
}

/** Whether a release is open: active or scheduled, counted against MAX_OPEN_RELEASES. */
export function isOpen(release: Release | null): boolean {
  return release?.state === 'active' || release?.state === 'scheduled'
}

/** Refuses to open one more release when the dataset holds MAX_OPEN_RELEASES already. */
function requireRoomForRelease(tx: WriteTransaction): void {
  const open = tx.withIdPrefix(RELEASES_PREFIX).filter((doc) => isOpen(readRelease(doc))).length
  if (open >= MAX_OPEN_RELEASES) {
    // The Studio recognises this type (error.details.type) and explains the limit.
    throw new LakeError(409, 'releaseLimitExceededError', `The dataset has ${open} open releases, the most it may hold: publish or archive one first`, { limit: MAX_OPEN_RELEASES })
  }
}

/** A release's versions as the transaction sees them, in _id order. */
export function releaseVersions(tx: WriteTransaction, releaseId: string): Doc[] {
  return tx.withIdPrefix(`${VERSIONS_PREFIX}${releaseId}.`)
}

function withoutFields(doc: Doc, ...fields: string[]): Doc {
  const out: Doc = { ...doc }
  for (const field of fields) delete out[field]
  return out
}

/** Whether `version.unpublish` marked a version to delete its published document on publish. */
export function marksUnpublish(version: Doc): boolean {
  return isRecord(version._system) && version._system.delete === true
}

/** Publishes every version of `release` and marks it published, inside `tx`. */
export function publishReleaseIn(tx: WriteTransaction, release: Release): void {
  // An empty release publishes too (to an empty finalDocumentStates): the Studio dry-runs publish
  // and schedule on every release it shows, empty ones included, to learn whether it may.
  const versions = releaseVersions(tx, release.releaseId)
  for (const version of versions) {
    const { baseId } = layerOf(version._id)
    // Never a release document (refused at write too, refuseReleaseDocumentWrites).
    if (baseId.startsWith(RELEASES_PREFIX)) throw new LakeError(403, 'permissionDeniedError', `"${version._id}" is a version of a release document and cannot be published`)
    const published = tx.get(baseId)
    if (marksUnpublish(version)) {
      if (published) tx.remove(baseId)
    } else {
      tx.put({ ...withoutFields(version, '_system', '_rev'), _id: baseId, _createdAt: published?._createdAt ?? version._createdAt })
    }
    tx.remove(version._id)
  }
  tx.put({
    ...withoutFields(release.doc, 'error', '_rev'),
    state: 'published',
    publishedAt: tx.time.toISOString(),
    finalDocumentStates: versions.map((version) => ({ id: version._id })),
  })
}

function patchRelease(doc: Doc, patch: unknown): Doc {
  if (!isRecord(patch)) return invalid('"patch" must be an object of patch operations')
  let result: Doc | null
  try {
    result = new Mutation({ mutations: [{ patch: { ...patch, id: doc._id } }] as never }).apply(doc) as Doc | null
  } catch (error) {
    return invalid(`Invalid patch: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (!result) return invalid('A patch cannot remove the release')
  // Only the metadata is the caller's: state, times and the document list are the lake's.
  const changed = new Set([...Object.keys(doc), ...Object.keys(result)].filter((key) => JSON.stringify(doc[key]) !== JSON.stringify(result[key])))
  changed.delete('metadata')
  if (changed.size > 0) invalid(`A release edit may change "metadata" only, not ${[...changed].map((key) => `"${key.slice(0, 40)}"`).join(', ')}`)
  return result
}

export function applyReleaseAction(tx: WriteTransaction, action: Record<string, unknown>): void {
  const type = action.actionType
  const releaseId = requireReleaseId(action)
  const id = releaseDocumentId(releaseId)
  switch (type) {
    case 'sanity.action.release.create': {
      if (tx.get(id)) return conflict(`Release "${releaseId}" already exists`, 'releaseAlreadyExistsError')
      requireRoomForRelease(tx)
      tx.put({ _id: id, _type: RELEASE_TYPE, name: releaseId, state: 'active', metadata: metadataOf(action.metadata ?? {}) })
      return
    }
    case 'sanity.action.release.edit': {
      const release = requireRelease(tx, releaseId)
      requireState(release, ['active', 'scheduled'], 'edit')
      const patched = patchRelease(release.doc, action.patch)
      tx.put({ ...withoutFields(release.doc, '_rev'), metadata: metadataOf(patched.metadata) })
      return
    }
    case 'sanity.action.release.schedule': {
      const release = requireRelease(tx, releaseId)
      requireState(release, ['active'], 'schedule')
      const publishAt = parseRfc3339(action.publishAt)
      if (publishAt === undefined) return invalid(rfc3339Message('publishAt', action.publishAt))
      // A time already passed is not refused: it falls due at the scheduler's next tick. The Studio
      // probes its permission with a dry-run schedule at its own "now", which a manual lake clock
      // (LAKE_CLOCK=manual) may be hours past; and its own dialog refuses past times.
      tx.put({ ...withoutFields(release.doc, 'error', '_rev'), state: 'scheduled', publishAt: new Date(publishAt).toISOString() })
      return
    }
    case 'sanity.action.release.unschedule': {
      const release = requireRelease(tx, releaseId)
      requireState(release, ['scheduled'], 'unschedule')
      tx.put({ ...withoutFields(release.doc, 'publishAt', '_rev'), state: 'active' })
      return
    }
    case 'sanity.action.release.publish': {
      const release = requireRelease(tx, releaseId)
      requireState(release, ['active', 'scheduled'], 'publish')
      publishReleaseIn(tx, release)
      return
    }
    case 'sanity.action.release.archive': {
      const release = requireRelease(tx, releaseId)
      requireState(release, ['active'], 'archive')
      const versions = releaseVersions(tx, releaseId)
      for (const version of versions) tx.remove(version._id)
      tx.put({ ...withoutFields(release.doc, '_rev'), state: 'archived', finalDocumentStates: versions.map((version) => ({ id: version._id })) })
      return
    }
    case 'sanity.action.release.unarchive': {
      const release = requireRelease(tx, releaseId)
      requireState(release, ['archived'], 'unarchive')
      requireRoomForRelease(tx)
      // The versions archive removed come back as they last were, read from the transaction log.
      for (const { id: versionId } of finalDocumentIds(release)) {
        const last = tx.lastExistingVersion(versionId)
        if (last && !tx.get(versionId)) tx.put(withoutFields(last, '_rev'))
      }
      tx.put({ ...withoutFields(release.doc, 'finalDocumentStates', '_rev'), state: 'active' })
      return
    }
    case 'sanity.action.release.delete': {
      const release = requireRelease(tx, releaseId)
      requireState(release, ['archived', 'published'], 'delete')
      for (const version of releaseVersions(tx, releaseId)) tx.remove(version._id)
      tx.remove(id)
      return
    }
    case 'sanity.action.release.import': {
      const ifExists = action.ifExists ?? 'fail'
      if (!isOneOf(['fail', 'ignore', 'replace'] as const, ifExists)) return invalid('"ifExists" must be "fail", "ignore" or "replace"')
      const imported = importedRelease(action.attributes ?? action.document, releaseId)
      const existing = tx.get(id)
      if (existing && ifExists === 'fail') return conflict(`Release "${releaseId}" already exists`, 'releaseAlreadyExistsError')
      if (existing && ifExists === 'ignore') return
      if (isOpen(readRelease(imported)) && !isOpen(readRelease(existing))) requireRoomForRelease(tx)
      tx.put(imported)
      return
    }
    default:
      return invalid(`Unsupported actionType ${JSON.stringify(type)}`)
  }
}

/**
 * A release document from an export (`@sanity/import` sends exported ones), checked as the lake
 * would have written it; fields other than the release's own are dropped.
 */
function importedRelease(value: unknown, releaseId: string): Doc {
  if (!isRecord(value)) return invalid('"attributes" must be the release document')
  const id = releaseDocumentId(releaseId)
  if (value._id !== undefined && value._id !== id) return invalid(`"attributes._id" must be "${id}", got ${JSON.stringify(String(value._id).slice(0, 140))}`)
  if (value._type !== undefined && value._type !== RELEASE_TYPE) return invalid(`"attributes._type" must be "${RELEASE_TYPE}"`)
  const state = value.state ?? 'active'
  if (!isOneOf(RELEASE_STATES, state)) return invalid(`"attributes.state" must be one of ${RELEASE_STATES.join(', ')}`)
  const doc: Doc = { _id: id, _type: RELEASE_TYPE, name: releaseId, state, metadata: metadataOf(value.metadata ?? {}) }
  for (const field of ['_createdAt', 'publishAt', 'publishedAt'] as const) {
    const time = value[field]
    if (time === undefined) continue
    if (typeof time !== 'string' || parseRfc3339(time) === undefined) return invalid(rfc3339Message(`attributes.${field}`, time))
    doc[field] = time
  }
  if (state === 'scheduled' && value.publishAt === undefined) invalid('A scheduled release needs "publishAt"')
  // Kept only in the shape the lake reads, and bounded: unarchive looks each entry up in the log.
  const finalStates = value.finalDocumentStates
  if (finalStates !== undefined) {
    const ids =
      Array.isArray(finalStates) && finalStates.length <= MAX_FINAL_STATES
        ? finalStates.map((entry: unknown) => (isRecord(entry) && typeof entry.id === 'string' && entry.id.length <= 300 ? entry.id : undefined))
        : undefined
    if (!ids || ids.some((id) => id === undefined)) return invalid(`"attributes.finalDocumentStates" must be a list of at most ${MAX_FINAL_STATES} {id}`)
    doc.finalDocumentStates = ids.map((id) => ({ id }))
  }
  const error = value.error
  if (error !== undefined) {
    if (!isRecord(error) || typeof error.message !== 'string') return invalid('"attributes.error" must be {message}')
    doc.error = { message: error.message.slice(0, 2000) }
  }
  return doc
}

function finalDocumentIds(release: Release): { id: string }[] {
  const list = release.doc.finalDocumentStates
  if (!Array.isArray(list)) return []
  const prefix = `${VERSIONS_PREFIX}${release.releaseId}.`
  return list.flatMap((entry) => (isRecord(entry) && typeof entry.id === 'string' && entry.id.startsWith(prefix) ? [{ id: entry.id }] : []))
}

/**
 * A version may change only while its release is active (or has no release document: the
 * Mutation API may write versions of its own, as Sanity's does). A transaction that changes the
 * release document itself is the release action moving its versions (publish, archive, delete).
 */
export function checkReleaseLocks(changes: readonly DocumentChange[], get: (id: string) => Doc | null): void {
  const releasesChanged = new Set(changes.filter((change) => change.id.startsWith(RELEASES_PREFIX)).map((change) => change.id))
  for (const change of changes) {
    const { layer } = layerOf(change.id)
    if (layer === 'published' || layer === 'drafts') continue
    const releaseId = releaseDocumentId(layer)
    if (releasesChanged.has(releaseId)) continue
    const release = readRelease(get(releaseId))
    if (release && release.state !== 'active') {
      throw new ConflictError(
        'releaseLockedError',
        `"${change.id}" is in release "${layer}", which is ${release.state}: only an active release's documents can change${release.state === 'scheduled' ? ' (unschedule it first)' : ''}`,
        change.id,
      )
    }
  }
}

/** Release documents are written by release actions only, so their state machine holds. */
export function refuseReleaseDocumentWrites(changes: readonly DocumentChange[]): void {
  for (const change of changes) {
    const touched = change.after ?? change.before
    // A draft or version of a release document too (`versions.r1._.releases.r2`): publishing
    // release r1 would otherwise write r2's release document from it.
    if (change.id.startsWith(RELEASES_PREFIX) || layerOf(change.id).baseId.startsWith(RELEASES_PREFIX) || touched?._type === RELEASE_TYPE) {
      throw new LakeError(403, 'permissionDeniedError', `"${change.id}" is a release document: change it with the sanity.action.release.* actions of the Actions API`)
    }
  }
}
