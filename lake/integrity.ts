/**
 * Strong-reference integrity, as Sanity's Content Lake enforces it. A strong reference is
 * `{_ref: id}` without `_weak: true`; two rules follow from it:
 *
 * - a write may not add a strong reference to a document that does not exist (after the
 *   transaction: a document created in the same transaction counts);
 * - a document may not disappear while another document holds a strong reference to it.
 *
 * Which documents are checked, matching Sanity: published documents and drafts. Drafts are
 * checked too, which is why the Studio writes a draft's reference to an unpublished document as
 * `_weak: true` with `_strengthenOnPublish`, and why Sanity refuses to unpublish a document a
 * draft strongly references. Release versions (`versions.<release>.<id>`) are not: since Studio
 * v3.77 the Studio writes strong references in versions even to documents that only exist in the
 * same release, and they are checked when the release publishes them as published documents.
 *
 * Checked once per transaction, against the state the transaction would commit, so creating the
 * referenced document alongside the reference, or deleting the referrer and the referenced
 * document together, is allowed. Only references a change *adds* are checked for existence: a
 * document that already held a dangling reference (imported before this rule, say) stays editable.
 */
import { ConflictError } from './errors'
import { layerOf } from './perspective'
import type { Doc, DocumentChange } from './types'

function strongRefs(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) strongRefs(item, out)
    return out
  }
  if (typeof value !== 'object' || value === null) return out
  const record = value as Record<string, unknown>
  if (typeof record._ref === 'string' && record._weak !== true) out.add(record._ref)
  for (const [key, child] of Object.entries(record)) if (key !== '_ref') strongRefs(child, out)
  return out
}

/** Whether a document's strong references are integrity-checked (published documents and drafts). */
function isChecked(id: string): boolean {
  const { layer } = layerOf(id)
  return layer === 'published' || layer === 'drafts'
}

function quotedList(ids: string[]): string {
  return (
    ids
      .slice(0, 5)
      .map((id) => `"${id}"`)
      .join(', ') + (ids.length > 5 ? ` and ${ids.length - 5} more` : '')
  )
}

/**
 * Throws a 409 naming the referring document and the missing one when a change adds a strong
 * reference to a document that will not exist once the transaction commits.
 */
export function checkReferencesExist(changes: DocumentChange[], exists: (id: string) => boolean): void {
  for (const change of changes) {
    if (!change.after || !isChecked(change.id)) continue
    const before = change.before ? strongRefs(change.before, new Set()) : new Set<string>()
    for (const ref of strongRefs(change.after, new Set())) {
      if (before.has(ref) || exists(ref)) continue
      throw new ConflictError(
        'referenceIntegrityError',
        `Document "${change.id}" references non-existent document "${ref}": create "${ref}" first (or in the same transaction), or make the reference weak (_weak: true).`,
        change.id,
      )
    }
  }
}

/** Throws a 409 naming the referrers when `changes` remove a strongly referenced document. */
export function checkStrongReferences(changes: DocumentChange[], documentsAfter: () => Iterable<Doc>): void {
  const removed = new Set(changes.filter((change) => change.before && !change.after).map((c) => c.id))
  if (removed.size === 0) return
  const referrers = new Map<string, string[]>()
  for (const doc of documentsAfter()) {
    if (!isChecked(doc._id)) continue
    for (const ref of strongRefs(doc, new Set())) {
      if (!removed.has(ref)) continue
      const list = referrers.get(ref) ?? []
      list.push(doc._id)
      referrers.set(ref, list)
    }
  }
  for (const [id, list] of referrers) {
    throw new ConflictError(
      'referenceIntegrityError',
      `Document "${id}" cannot be deleted or unpublished: the document${list.length > 1 ? 's' : ''} ${quotedList(list)} reference${list.length > 1 ? '' : 's'} it. Remove those references first.`,
      id,
    )
  }
}
