/**
 * The publication dates readers see on a trip (`firstPublishedAt`, `updatedAt`), written into the
 * content by the Studio's own Publish, so hosted Sanity, which keeps no "first published" time of
 * its own, gets them exactly as the local lake does.
 *
 * Why content fields rather than `_createdAt`/`_updatedAt`: those move whenever the document is
 * written — an import, a migration, a reference fix — with nothing published; the seed trip said
 * "Published" on the day it was imported. Why only on a major change for `updatedAt`: the change
 * note form promises that a minor correction is not told to readers ("Minor change … readers are
 * not told"), and an "Updated" date is telling them.
 *
 * When it is stamped: just before the publish where Publish publishes (no review required, or
 * Sanity's own Publish where a deployment runs without review). Where review is required, the
 * lake publishes only the approved draft unchanged, so the stamp goes on at "Submit for review"
 * and is part of what the reviewer approves; a trip under embargo is stamped with its lift, the
 * moment it goes public.
 */
import type { SanityClient } from 'sanity'

/** Document types whose schema has the two fields (sanity/schemaTypes/trip.ts). */
export const DATED_TYPES: ReadonlySet<string> = new Set(['trip'])

/** The fields read here of a draft or published document (any Studio document has an `_id`). */
export interface DatedDocument {
  _id?: string
  firstPublishedAt?: unknown
  updatedAt?: unknown
  embargoUntil?: unknown
}

export type PublicationStamp = { firstPublishedAt?: string; updatedAt?: string }

/**
 * What a publish sets. A first publish sets `firstPublishedAt` unless the draft holds one (an editor
 * recorded a briefing first issued elsewhere); a republish of a major change sets `updatedAt`,
 * unless the editor changed it by hand in this draft. A document published before without a known
 * first date (the seed) keeps none: its first publication is not this one.
 */
export function publicationStamp({ draft, published, now, major }: { draft: DatedDocument; published: DatedDocument | null | undefined; now: Date; major: boolean }): PublicationStamp {
  const at = goesPublicAt(draft, now)
  if (!published) return draft.firstPublishedAt ? {} : { firstPublishedAt: at }
  if (!major || draft.updatedAt !== published.updatedAt) return {}
  return { updatedAt: at }
}

/** Now, or the embargo lift when one is ahead: an embargoed trip is published at its lift. */
function goesPublicAt(draft: DatedDocument, now: Date): string {
  const lift = typeof draft.embargoUntil === 'string' ? Date.parse(draft.embargoUntil) : Number.NaN
  return new Date(Number.isFinite(lift) && lift > now.getTime() ? lift : now.getTime()).toISOString()
}

/** Writes the stamp into the draft; returns the draft's new revision, or undefined when there is nothing to write. */
export async function stampDraft(client: SanityClient, draftId: string, stamp: PublicationStamp): Promise<string | undefined> {
  if (Object.keys(stamp).length === 0) return undefined
  const result = await client.patch(draftId).set(stamp).commit()
  return result._rev
}

/**
 * Publishes the draft of `publishedId` as its revision `revision` (the one just stamped), through
 * the Actions API that hosted Sanity and the lake both answer: a draft changed in between by
 * someone else is refused rather than published unseen.
 */
export async function publishRevision(client: SanityClient, publishedId: string, revision: string | undefined): Promise<void> {
  await client.action({
    actionType: 'sanity.action.document.publish',
    draftId: `drafts.${publishedId}`,
    publishedId,
    ...(revision ? { ifDraftRevisionId: revision } : {}),
  })
}
