/**
 * GET /data/doc/{dataset}/{id,id,...}: documents by id, raw (no perspective).
 * Response `{documents, omitted: [{id, reason: 'existence' | 'permission'}]}`; the Studio relies
 * on `omitted` for availability and reference checks. With `includeAllVersions=true`
 * (`client.getDocument(id, {includeAllVersions: true})`) each id brings every stored layer of its
 * document the caller may read: published, draft and release versions, in _id order.
 */
import { badRequest } from '../errors'
import { DRAFTS_PREFIX } from '../ids'
import { isReadable, isVisible, layerOf } from '../perspective'
import type { Doc } from '../types'
import type { App, LakeContext, Query } from './common'
import { datasetOf, flag, listOfIds, principalOf } from './common'

const MAX_ALL_VERSIONS_IDS = 100

const SYSTEM_FIELDS = ['_id', '_type', '_rev', '_createdAt', '_updatedAt'] as const

export function docRoutes(app: App, context: LakeContext): void {
  app.get('/data/doc/:dataset/:ids', async (request) => {
    const dataset = datasetOf(request)
    const principal = principalOf(context, request)
    const ids = listOfIds((request.params as { ids?: string }).ids)
    // Not in Sanity's public reference: the Studio sends excludeContent=true when it only needs to
    // know a document exists; the lake then returns the system fields only (a guess).
    const excludeContent = flag(request.query as Query, 'excludeContent', false)
    const documents: Doc[] = []
    const omitted: { id: string; reason: 'existence' | 'permission' }[] = []
    if (flag(request.query as Query, 'includeAllVersions', false)) {
      // Each id scans the dataset's release versions: a handful of ids, as the client sends one.
      if (ids.length > MAX_ALL_VERSIONS_IDS) throw badRequest(`includeAllVersions takes at most ${MAX_ALL_VERSIONS_IDS} ids`)
      const seen = new Set<string>()
      for (const id of ids) {
        const { baseId } = layerOf(id)
        // Anonymous callers never see drafts or versions, so their request does not scan versions.
        const versions = principal.role === 'anonymous' ? [] : context.store.versionsOf(dataset, baseId)
        const layers = [context.store.get(dataset, baseId), context.store.get(dataset, `${DRAFTS_PREFIX}${baseId}`), ...versions]
        for (const doc of layers) {
          if (!doc || seen.has(doc._id) || !isVisible(context.store, dataset, principal, doc)) continue
          seen.add(doc._id)
          documents.push(excludeContent ? pickSystemFields(doc) : doc)
        }
      }
      return { documents: documents.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)), omitted }
    }
    for (const id of ids) {
      const doc = context.store.get(dataset, id)
      // An unreadable id is reported as "permission" whether or not it exists, so anonymous
      // callers cannot probe for the existence of drafts.
      if (!isReadable(principal, doc ?? { _id: id, _type: '' }) || (doc && !isVisible(context.store, dataset, principal, doc))) omitted.push({ id, reason: 'permission' })
      else if (!doc) omitted.push({ id, reason: 'existence' })
      else documents.push(excludeContent ? pickSystemFields(doc) : doc)
    }
    return { documents, omitted }
  })
}

function pickSystemFields(doc: Doc): Doc {
  const out: Record<string, unknown> = {}
  for (const field of SYSTEM_FIELDS) if (doc[field] !== undefined) out[field] = doc[field]
  return out as Doc
}
