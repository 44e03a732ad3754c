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

/** What the rules read: a write transaction's view of a dataset (WriteTransaction), or the stored dataset. */
export type View = { get(id: string): Doc | null; documents(): readonly Doc[] }

const SYSTEM_FIELDS = new Set(['_id', '_rev', '_createdAt', '_updatedAt', '_originalId'])

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

function tripOf(tx: View, tripId: string): Doc | null {
  return tx.get(`${DRAFTS_PREFIX}${tripId}`) ?? tx.get(tripId)
}

/** Fact bullets a trip's fact sheet references (ids as referenced: published ids). */
export function factBulletIds(trip: Doc | null): string[] {
  const sections = Array.isArray(trip?.factSections) ? (trip.factSections as unknown[]) : []
  const ids: string[] = []
  for (const section of sections) {
    const bullets = typeof section === 'object' && section !== null ? (section as { bullets?: unknown }).bullets : undefined
    if (!Array.isArray(bullets)) continue
    for (const bullet of bullets) {
      const ref = refOf(bullet)
      if (ref && !ids.includes(ref)) ids.push(ref)
    }
  }
  return ids
}

/**
 * A trip with everything that goes public with it: its meetings and the fact bullets of its fact
 * sheet (published ids). Gathered from the transaction's view, drafts included.
 */
export function tripGroup(tx: View, tripId: string): string[] {
  const ids = new Set<string>([tripId])
  for (const doc of tx.documents()) {
    if (doc._type === 'meeting' && refOf(doc.trip) === tripId) ids.add(layerOf(doc._id).baseId)
  }
  for (const id of factBulletIds(tripOf(tx, tripId))) ids.add(id)
  return [...ids]
}

/**
 * Why publishing `doc` (a published-layer document about to be written) would break an embargo,
 * or null. A trip with a lift ahead holds itself, its meetings, and the fact bullets of its fact
 * sheet that have never been published (a bullet already public stays editable).
 */
export function embargoRefusal(tx: View, doc: Doc, before: Doc | null, now: number): string | null {
  if (doc._type === 'trip') {
    const until = pendingEmbargo(doc, now)
    return until ? `Trip "${doc._id}" is embargoed until ${until}: it publishes at the lift, not before.` : null
  }
  if (doc._type === 'meeting') {
    const tripId = refOf(doc.trip)
    const until = tripId ? pendingEmbargo(tripOf(tx, tripId), now) : null
    return until ? `Meeting "${doc._id}" belongs to trip "${tripId}", which is embargoed until ${until}: it publishes with the trip at the lift.` : null
  }
  if (doc._type === 'factBullet' && !before) {
    for (const candidate of tx.documents()) {
      if (candidate._type !== 'trip' || layerOf(candidate._id).layer !== 'drafts') continue
      const until = pendingEmbargo(candidate, now)
      if (until && factBulletIds(candidate).includes(doc._id)) {
        return `Fact "${doc._id}" is on the fact sheet of trip "${layerOf(candidate._id).baseId}", embargoed until ${until}: it publishes with the trip at the lift.`
      }
    }
  }
  return null
}
