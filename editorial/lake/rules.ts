/**
 * What the lake refuses on the way to the public: the review rule (publish only an approved
 * draft, approved by someone other than its last editor) and the embargo rule (nothing of an
 * embargoed trip goes public before its lift). Both read a View; given a WriteTransaction
 * they see the state the write would commit.
 */
import { isDeepStrictEqual } from 'node:util'
import { DRAFTS_PREFIX } from '../../lake/ids'
import { layerOf } from '../../lake/perspective'
import { parseRfc3339 } from '../../lake/dates'
import type { Doc } from '../../lake/types'
import { factBulletIds } from '../group'

/** What the rules read: a write transaction's view of a dataset (WriteTransaction), or the stored dataset. */
export type View = { get(id: string): Doc | null; documents(): readonly Doc[] }

// `_system` is where a release version records its base: not content.
const SYSTEM_FIELDS = new Set(['_id', '_rev', '_createdAt', '_updatedAt', '_originalId', '_system'])

/** A document's content, without the fields the lake stamps on every write. */
function content(doc: Doc): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !SYSTEM_FIELDS.has(key)))
}

export function sameContent(a: Doc | null, b: Doc | null): boolean {
  if (!a || !b) return a === b
  return isDeepStrictEqual(content(a), content(b))
}

/** Content types the workflow governs: not the lake's system documents, not assets. */
export function isContentType(type: string): boolean {
  return !type.startsWith('system.') && !type.startsWith('sanity.')
}

function refOf(value: unknown): string | null {
  return typeof value === 'object' && value !== null && typeof (value as { _ref?: unknown })._ref === 'string' ? (value as { _ref: string })._ref : null
}

function refsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((item) => refOf(item) ?? []) : []
}

/**
 * The embargo lift of a trip (its draft first, since the draft is what would go out), if still
 * ahead. Fails closed: an `embargoUntil` that is set but not an RFC 3339 date-time (a number, an
 * offset without minutes, a space before `Z`) holds the trip as embargoed until it is corrected.
 */
export function pendingEmbargo(trip: Doc | null, now: number): string | null {
  const until = trip?.embargoUntil
  if (until === undefined || until === null || until === '') return null
  const time = parseRfc3339(until)
  if (time === undefined) return `an unreadable time (${JSON.stringify(until)?.slice(0, 80) ?? String(until)}), which holds it until corrected`
  return time > now ? String(until) : null
}

/** The later of the pending lifts of a trip's draft and published document (the strictest holds). */
function tripEmbargo(tx: View, tripId: string, now: number): string | null {
  return pendingEmbargo(tx.get(`${DRAFTS_PREFIX}${tripId}`), now) ?? pendingEmbargo(tx.get(tripId), now)
}

/** The facts and officials a trip or meeting names (fact sheet, travelling officials, hosts, participants). */
function namedBy(doc: Doc): string[] {
  return [...factBulletIds(doc), ...refsIn(doc.officials), ...refsIn(doc.hosts), ...refsIn(doc.participants)]
}

/**
 * Why publishing `doc` (a published-layer document about to be written) would break an embargo,
 * or null. A trip with a lift ahead holds itself, its meetings, and the fact bullets of its fact
 * sheet that have never been published (a bullet already public stays editable).
 */
/** `holders` lets a caller checking many documents against one view work the holders out once (holdersOnce). */
export function embargoRefusal(tx: View, doc: Doc, before: Doc | null, now: number, holders: () => EmbargoHolders = () => embargoHolders(tx, now)): string | null {
  if (doc._type === 'trip') {
    // The draft's lift holds too: a version published from a release cannot undercut it.
    const until = pendingEmbargo(doc, now) ?? pendingEmbargo(tx.get(`${DRAFTS_PREFIX}${doc._id}`), now)
    return until ? `Trip "${doc._id}" is embargoed until ${until}: it publishes at the lift, not before.` : null
  }
  if (doc._type === 'meeting') {
    const tripId = refOf(doc.trip)
    const until = tripId ? tripEmbargo(tx, tripId, now) : null
    return until ? `Meeting "${doc._id}" belongs to trip "${tripId}", which is embargoed until ${until}: it publishes with the trip at the lift.` : null
  }
  // A fact or official never published goes public with the embargoed trip (or meeting) that
  // names it, in any layer: its draft, a release's version of it, or the published trip.
  if ((doc._type === 'factBullet' || doc._type === 'official') && !before) {
    const holder = holders().get(doc._id)
    if (holder) {
      const what = doc._type === 'factBullet' ? 'Fact' : 'Official'
      return `${what} "${doc._id}" is named by trip "${holder.tripId}"${holder.meetingId ? ` (its meeting "${holder.meetingId}")` : ''}, embargoed until ${holder.until}: it publishes with the trip at the lift.`
    }
  }
  return null
}

/** For each fact or official an embargoed trip (or one of its meetings) names: who holds it, and until when. */
export type EmbargoHolders = ReadonlyMap<string, { tripId: string; meetingId: string | null; until: string }>

/**
 * Every trip and meeting under an embargo still ahead, by the facts and officials they name: one
 * pass over the view. A whole import asks once (import-embargo.ts) rather than once per document,
 * which made importing n documents take n² steps.
 */
export function embargoHolders(tx: View, now: number): EmbargoHolders {
  const holders = new Map<string, { tripId: string; meetingId: string | null; until: string }>()
  for (const candidate of tx.documents()) {
    if (candidate._type !== 'trip' && candidate._type !== 'meeting') continue
    const tripId = candidate._type === 'trip' ? layerOf(candidate._id).baseId : refOf(candidate.trip)
    if (!tripId) continue
    const named = namedBy(candidate)
    if (named.length === 0) continue
    const until = (candidate._type === 'trip' ? pendingEmbargo(candidate, now) : null) ?? tripEmbargo(tx, tripId, now)
    if (!until) continue
    const meetingId = candidate._type === 'meeting' ? layerOf(candidate._id).baseId : null
    // The first holder in the view's order names the reason, as a scan that stops at it would.
    for (const id of named) if (!holders.has(id)) holders.set(id, { tripId, meetingId, until })
  }
  return holders
}

/** The embargo holders of one view, worked out on first use and then kept (the view must not change meanwhile). */
export function holdersOnce(tx: View, now: number): () => EmbargoHolders {
  let holders: EmbargoHolders | undefined
  return () => (holders ??= embargoHolders(tx, now))
}
