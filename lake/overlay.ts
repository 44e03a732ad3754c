/**
 * The share-link perspective: published content with the drafts of a few named documents laid
 * over it, and no other draft. Sanity has no such perspective (its `drafts` perspective shows
 * every draft), so the lake adds one query option, `overlayDrafts=<id,id>`, used only by the
 * portal's share links (lib/preview): a reviewer without a Studio account sees the draft of the
 * document they were sent, wherever the page dereferences it (a trip page shows a meeting's draft
 * title through `meetings[]->`), and nothing else that is unpublished.
 *
 * Only callers who may read drafts at all get them (an anonymous caller's readable set has none),
 * so the option widens nothing.
 */
import { badRequest } from './errors'
import { DRAFTS_PREFIX, isValidDocumentId } from './ids'
import { applyPerspective, documentsFor, layerOf } from './perspective'
import type { ViewSource } from './perspective'
import type { Doc, Principal } from './types'

const MAX_OVERLAY_IDS = 20

/** Parses `overlayDrafts` (comma-separated published ids); undefined when absent. */
export function parseOverlayDrafts(input: unknown): string[] | undefined {
  if (input === undefined || input === null || input === '') return undefined
  const ids = String(input)
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
  if (ids.length === 0 || ids.length > MAX_OVERLAY_IDS || ids.some((id) => !isValidDocumentId(id) || layerOf(id).layer !== 'published')) {
    throw badRequest(`"overlayDrafts" must list 1–${MAX_OVERLAY_IDS} published document ids, comma-separated`, 'queryParseError')
  }
  return [...new Set(ids)].sort()
}

/** Published documents, with `drafts.<id>` over `<id>` for the listed ids only. */
export function documentsWithDrafts(store: ViewSource, dataset: string, principal: Principal, ids: readonly string[]): readonly Doc[] {
  const raw = documentsFor(store, dataset, principal, { kind: 'raw' })
  const wanted = new Set(ids.map((id) => `${DRAFTS_PREFIX}${id}`))
  return store.memo(dataset, `overlayDrafts:${ids.join(',')}|${principal.role === 'anonymous' ? 'public' : 'all'}`, () =>
    applyPerspective(
      raw.filter((doc) => layerOf(doc._id).layer === 'published' || wanted.has(doc._id)),
      { kind: 'stack', layers: ['drafts'] },
    ),
  )
}
