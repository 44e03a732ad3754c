/**
 * Strong-reference integrity, as Sanity enforces it: a published document may not disappear
 * while another published document holds a strong reference to it (`{_ref: id}` without
 * `_weak: true`). Drafts and release versions do not count as referrers (the Studio writes their
 * references to unpublished documents as weak and strengthens them on publish).
 *
 * Checked once per transaction, against the state the transaction would commit, so deleting the
 * referrer and the referenced document together is allowed.
 */
import { ConflictError } from './errors'
import { layerOf } from './perspective'
import type { Doc, DocumentChange } from './types'

function strongRefs(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) strongRefs(item, out)
    return
  }
  if (typeof value !== 'object' || value === null) return
  const record = value as Record<string, unknown>
  if (typeof record._ref === 'string' && record._weak !== true) out.add(record._ref)
  for (const [key, child] of Object.entries(record)) if (key !== '_ref') strongRefs(child, out)
}

/** Throws a 409 naming the referrers when `changes` remove a strongly referenced published document. */
export function checkStrongReferences(changes: DocumentChange[], documentsAfter: () => Iterable<Doc>): void {
  const removed = new Set(changes.filter((change) => change.before && !change.after && layerOf(change.id).layer === 'published').map((c) => c.id))
  if (removed.size === 0) return
  const referrers = new Map<string, string[]>()
  for (const doc of documentsAfter()) {
    if (layerOf(doc._id).layer !== 'published') continue
    const refs = new Set<string>()
    strongRefs(doc, refs)
    for (const ref of refs) {
      if (!removed.has(ref)) continue
      const list = referrers.get(ref) ?? []
      list.push(doc._id)
      referrers.set(ref, list)
    }
  }
  for (const [id, list] of referrers) {
    const names = list.slice(0, 5).map((ref) => `"${ref}"`).join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '')
    throw new ConflictError(
      'referenceIntegrityError',
      `Document "${id}" cannot be deleted or unpublished: the published document${list.length > 1 ? 's' : ''} ${names} reference${list.length > 1 ? '' : 's'} it. Remove those references first.`,
      id,
    )
  }
}
