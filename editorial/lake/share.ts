/**
 * Share links on the lake's side: find a link by its token, decide whether it still opens (the
 * rules are in editorial/share-rules.ts, shared with the portal) and record each opening.
 *
 * Links are ordinary documents (type `system.envoyShareLink`, id `envoy-share.*`) that staff
 * create and revoke from the Studio with their own session; anonymous callers never read them
 * (perspective.ts hides dotted ids and `system.*` types). The portal calls these endpoints with
 * its viewer token: recording an opening is the one write a viewer may cause, and only on a
 * link whose token it was given.
 */
import { badRequest } from '../../lake/errors'
import { DRAFTS_PREFIX } from '../../lake/ids'
import type { Store } from '../../lake/store'
import type { Doc, Principal } from '../../lake/types'
import { runWrite } from '../../lake/write'
import type { WriteContext, WriteTransaction } from '../../lake/write'
import { parseRfc3339, rfc3339Message } from '../../lake/dates'
import { SHARE_LINK_MAX_HOURS, SHARE_LINK_TYPE, hashShareToken, shareLinkState } from '../share-rules'
import type { ShareLinkState } from '../share-rules'

/** Openings kept per link (the oldest are dropped past it), so a leaked link cannot grow a document without bound. */
const MAX_OPENINGS = 500

export type ShareCheck = { found: false } | { found: true; state: ShareLinkState; linkId: string; documentId: string; documentType: string; expiresAt: string }

function check(store: Store, dataset: string, link: Doc, now: Date): ShareCheck {
  const documentId = typeof link.documentId === 'string' ? link.documentId : ''
  const published = store.get(dataset, documentId)
  const state = shareLinkState(
    {
      expiresAt: typeof link.expiresAt === 'string' ? link.expiresAt : '',
      revokedAt: typeof link.revokedAt === 'string' ? link.revokedAt : null,
      publishedRev: typeof link.publishedRev === 'string' ? link.publishedRev : null,
    },
    { draftExists: Boolean(documentId && store.get(dataset, `${DRAFTS_PREFIX}${documentId}`)), publishedRev: published?._rev ?? null },
    now,
  )
  return {
    found: true,
    state,
    linkId: link._id,
    documentId,
    documentType: typeof link.documentType === 'string' ? link.documentType : '',
    expiresAt: typeof link.expiresAt === 'string' ? link.expiresAt : '',
  }
}

/** A link's current state by its id (the portal re-checks on every page it renders). */
export function checkShareLink(store: Store, dataset: string, linkId: string, now = new Date()): ShareCheck {
  const link = store.get(dataset, linkId)
  if (!link || link._type !== SHARE_LINK_TYPE) return { found: false }
  return check(store, dataset, link, now)
}

/** Finds the link for a token; when it is active, appends an opening `{_key, at}` to it. */
export async function openShareLink(context: WriteContext, dataset: string, token: string, principal: Principal, now = new Date()): Promise<ShareCheck> {
  const hash = await hashShareToken(token)
  const link = context.store.documents(dataset).find((doc) => doc._type === SHARE_LINK_TYPE && doc.tokenHash === hash)
  if (!link) return { found: false }
  const result = check(context.store, dataset, link, now)
  if (!result.found || result.state !== 'active') return result
  await runWrite(
    context,
    { dataset, author: principal.id },
    (tx) => {
      const current = tx.get(link._id)
      if (!current) return
      const openings = Array.isArray(current.openings) ? current.openings : []
      const opening = { _key: crypto.randomUUID().slice(0, 12), at: now.toISOString() }
      tx.put({ ...current, openings: [...openings, opening].slice(-MAX_OPENINGS) })
    },
    (_value, changes) => changes.map((change) => ({ createOrReplace: change.after })),
  )
  return result
}

/**
 * What the lake enforces on every write of a share-link document, whoever sends it: the expiry
 * is an RFC 3339 time at most SHARE_LINK_MAX_HOURS ahead (a link valid until 2099 was accepted),
 * and the creator is the caller, never what the body says: a new link's `createdBy` is set to the
 * caller's id, an existing link's cannot change. Runs in the write guard (editorial/lake/service.ts).
 */
export function enforceShareLinkRules(tx: WriteTransaction, principal: Principal, now = Date.now()): void {
  for (const change of tx.changes()) {
    const after = change.after
    if (!after || after._type !== SHARE_LINK_TYPE) continue
    const expires = parseRfc3339(after.expiresAt)
    if (expires === undefined) throw badRequest(rfc3339Message('expiresAt', after.expiresAt))
    // A link being revoked or recording an opening keeps its expiry; only a new or changed one is bounded.
    if (change.before?.expiresAt !== after.expiresAt && expires > now + SHARE_LINK_MAX_HOURS * 3_600_000 + CLOCK_SKEW_MS) {
      throw badRequest(`"expiresAt" may be at most ${SHARE_LINK_MAX_HOURS} hours ahead`)
    }
    const creator = change.before ? change.before.createdBy : principal.id
    if (after.createdBy !== creator) tx.put({ ...after, createdBy: creator })
  }
}

/** Allowance for the Studio's clock being a little ahead of the lake's. */
const CLOCK_SKEW_MS = 5 * 60_000
