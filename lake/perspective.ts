/**
 * Perspectives and read access: which documents a query sees.
 *
 * - `raw`: every stored document, drafts (`drafts.X`) and release versions (`versions.R.X`) included.
 * - `published` (Sanity's default since API 2025-02-19): documents that are not drafts or versions.
 * - `drafts` (alias `previewDrafts`): each document's draft laid over its published version;
 *   the result has `_id: X` and `_originalId` naming the stored document it came from.
 * - a release stack (`r1,r2,drafts`, or an array in a POST body): `versions.r1.X` over
 *   `versions.r2.X` over `drafts.X` over `X`; a stack always ends on published, as Sanity's does.
 *
 * Read access follows Sanity's rule for public datasets: an anonymous caller sees only documents
 * whose `_id` contains no `.` (ids with a dot are "paths" and private, which hides drafts,
 * versions and `_.`-prefixed system documents) and, as a second guard, none whose `_type` starts
 * with `system.`. Asset documents (`sanity.imageAsset`) have dot-less ids; anonymous callers see one
 * only when a published document references it (withoutUnreferencedAssets). Any token role
 * (viewer and up) reads everything.
 */
import { badRequest } from './errors'
import { DRAFTS_PREFIX, VERSIONS_PREFIX } from './ids'
import { collectRefs } from './index-view'
import type { Store } from './store'
import type { Doc, Principal } from './types'

export type Perspective =
  | { kind: 'raw' }
  | { kind: 'published' }
  /** Layers in priority order, highest first; `drafts` or release names. Published is implied last. */
  | { kind: 'stack'; layers: string[] }

const RELEASE_NAME = /^[A-Za-z0-9_-]{1,128}$/

export function parsePerspective(input: unknown, fallback: Perspective = { kind: 'published' }): Perspective {
  if (input === undefined || input === null || input === '') return fallback
  const items = (Array.isArray(input) ? input : String(input).split(',')).map((item) => (typeof item === 'string' ? item.trim() : item)).filter((item) => item !== '')
  if (items.some((item) => typeof item !== 'string')) throw invalid(input)
  const names = items as string[]
  if (names.length === 1 && names[0] === 'raw') return { kind: 'raw' }
  if (names.length === 1 && names[0] === 'published') return { kind: 'published' }
  const layers: string[] = []
  names.forEach((name, index) => {
    if (name === 'published') {
      // "published" may only close a stack, since it is the bottom layer anyway.
      if (index !== names.length - 1) throw invalid(input)
      return
    }
    if (name === 'raw') throw invalid(input)
    const layer = name === 'previewDrafts' ? 'drafts' : name
    if (!RELEASE_NAME.test(layer)) throw invalid(input)
    layers.push(layer)
  })
  if (layers.length === 0) return { kind: 'published' }
  return { kind: 'stack', layers }
}

function invalid(input: unknown) {
  return badRequest(`Invalid perspective "${Array.isArray(input) ? input.join(',') : String(input)}": use raw, published, drafts or a comma-separated release stack`, 'invalidPerspectiveError')
}

/** Where a stored document sits: its layer (`published`, `drafts` or a release name) and base id. */
export function layerOf(id: string): { layer: string; baseId: string } {
  if (id.startsWith(DRAFTS_PREFIX)) return { layer: 'drafts', baseId: id.slice(DRAFTS_PREFIX.length) }
  if (id.startsWith(VERSIONS_PREFIX)) {
    const rest = id.slice(VERSIONS_PREFIX.length)
    const dot = rest.indexOf('.')
    if (dot > 0) return { layer: rest.slice(0, dot), baseId: rest.slice(dot + 1) }
  }
  return { layer: 'published', baseId: id }
}

export function canReadPrivate(principal: Principal): boolean {
  return principal.role !== 'anonymous'
}

/** Whether a stored document is visible to the caller at all (before any perspective). */
export function isReadable(principal: Principal, doc: Pick<Doc, '_id' | '_type'>): boolean {
  if (canReadPrivate(principal)) return true
  return isPublicId(doc._id) && !(typeof doc._type === 'string' && doc._type.startsWith('system.'))
}

export function isPublicId(id: string): boolean {
  return !id.includes('.')
}

function perspectiveKey(perspective: Perspective): string {
  return perspective.kind === 'stack' ? `stack:${perspective.layers.join(',')}` : perspective.kind
}

/** Where views are memoized: the Store, or a query worker's copy of it (lake/query-worker.ts). */
export type ViewSource = Pick<Store, 'memo'>

/** The documents a query runs over, for this caller and perspective (memoized per dataset state). */
export function documentsFor(store: ViewSource, dataset: string, principal: Principal, perspective: Perspective): readonly Doc[] {
  const privateAccess = canReadPrivate(principal)
  const key = `${perspectiveKey(perspective)}|${privateAccess ? 'all' : 'public'}`
  return store.memo(dataset, key, (docs) => {
    const readable = privateAccess ? docs : withoutUnreferencedAssets(docs.filter((doc) => isReadable(principal, doc)))
    return applyPerspective(readable, perspective)
  })
}

const ASSET_TYPES = new Set(['sanity.imageAsset', 'sanity.fileAsset'])

/**
 * What anonymous callers see of asset documents: only those a published document references.
 * An asset attached only to a draft or to an embargoed trip's draft (its original file name
 * included) stays private until what uses it is published. `readable` holds published ids only
 * (drafts and versions have dotted ids), so every reference counted here is a published one.
 */
export function withoutUnreferencedAssets(readable: readonly Doc[]): Doc[] {
  const referenced = publishedReferences(readable)
  return readable.filter((doc) => !ASSET_TYPES.has(doc._type) || referenced.has(doc._id))
}

function publishedReferences(docs: readonly Doc[]): Set<string> {
  const referenced = new Set<string>()
  for (const doc of docs) if (!ASSET_TYPES.has(doc._type) && isPublicId(doc._id)) collectRefs(doc, referenced)
  return referenced
}

/** Whether `doc` may be shown to `principal`: readable, and for anonymous callers an asset only when referenced. */
export function isVisible(store: ViewSource, dataset: string, principal: Principal, doc: Doc): boolean {
  if (!isReadable(principal, doc)) return false
  if (canReadPrivate(principal) || !ASSET_TYPES.has(doc._type)) return true
  return store.memo(dataset, 'publishedReferences', (docs) => publishedReferences(docs)).has(doc._id)
}

export function applyPerspective(docs: readonly Doc[], perspective: Perspective): readonly Doc[] {
  if (perspective.kind === 'raw') return docs
  if (perspective.kind === 'published') return docs.filter((doc) => layerOf(doc._id).layer === 'published')
  const rank = new Map(perspective.layers.map((layer, index) => [layer, index]))
  const publishedRank = perspective.layers.length
  const best = new Map<string, { doc: Doc; rank: number }>()
  for (const doc of docs) {
    const { layer, baseId } = layerOf(doc._id)
    const docRank = layer === 'published' ? publishedRank : rank.get(layer)
    if (docRank === undefined) continue
    const current = best.get(baseId)
    if (!current || docRank < current.rank) best.set(baseId, { doc, rank: docRank })
  }
  const out: Doc[] = []
  for (const [baseId, { doc }] of best) out.push({ ...doc, _id: baseId, _originalId: doc._id })
  // In _id order of the merged documents, as the raw list is (store.ts). `best` holds a few sorted
  // runs (published ids, then drafts.*, then versions.*), which the sort merges in about one pass.
  return out.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
}
