/**
 * Schedules and embargo lifts as Content Releases, through Sanity's Actions API: the same calls
 * on the local lake and on hosted Sanity (the Studio's Schedule dialog makes them with the
 * signed-in user's client; the tests make them with the real `@sanity/client`).
 *
 *   schedule: release.create (releaseType "scheduled", intendedPublishAt) → one transaction of
 *             document.version.create, one per document with unpublished changes, from its draft
 *             → release.schedule at the time.
 *   cancel:   release.unschedule → release.archive (the Releases tool keeps it under Archived,
 *             where it can be brought back).
 *
 * An embargo lift is the same release at the trip's `embargoUntil`; what locks it against early
 * publishing is the editorial lake plugin's embargo rule (editorial/lake/rules.ts), which refuses
 * any publish of the group before the lift, the release's included. Where the back end has no
 * such plugin (hosted Sanity), the portal's own embargo filter keeps the group off public pages.
 */
import type { SanityClient } from '@sanity/client'
import { GROUP_DOCUMENTS_QUERY, GROUP_REFERENCES_QUERY, pendingMembers, publicationGroup, groupReferences, type GroupDoc } from './group'

export type ScheduleKind = 'publish' | 'embargo'

/** A release as Envoy's dialogs show it. */
export type ReleaseSummary = {
  releaseId: string
  title: string
  state: string
  publishAt: string | null
  intendedPublishAt: string | null
  error: string | null
}

const MAX_DOCUMENTS = 200
/** Open releases, and ones that published or were archived with the document, shown per document. */
const MAX_LISTED = 10

/** A release id as the Studio makes them: "r" and eight letters or digits. */
export function newReleaseId(random: () => number = Math.random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  let id = 'r'
  for (let i = 0; i < 8; i++) id += alphabet[Math.floor(random() * alphabet.length)]
  return id
}

/**
 * What a schedule of `publishedId` publishes: for a trip, its publication group
 * (editorial/group.ts), else the document alone; of those, the ones with a draft.
 */
export async function documentsToSchedule(client: SanityClient, publishedId: string, type: string): Promise<string[]> {
  if (type !== 'trip') {
    const draft = await client.fetch<number>('count(*[_id == $id])', { id: `drafts.${publishedId}` }, { perspective: 'raw' })
    return draft > 0 ? [publishedId] : []
  }
  const docs = await client.fetch<GroupDoc[]>(GROUP_DOCUMENTS_QUERY, { id: publishedId }, { perspective: 'raw' })
  const ids = groupReferences(docs, publishedId)
  const referenced = ids.length > 0 ? await client.fetch<GroupDoc[]>(GROUP_REFERENCES_QUERY, { ids, draftIds: ids.map((id) => `drafts.${id}`) }, { perspective: 'raw' }) : []
  const all = [...docs, ...referenced]
  return pendingMembers(all, publicationGroup(all, publishedId))
}

/** Turns a failed action's body into its sentence (the lake and Sanity both send `error.description`). */
export function describeFailure(error: unknown): string {
  const body = (error as { response?: { body?: { error?: { description?: unknown } } } }).response?.body
  const description = body?.error?.description
  if (typeof description === 'string' && description !== '') return description
  return error instanceof Error ? error.message : String(error)
}

/**
 * Makes a scheduled release of `documentIds` (published ids, each with a draft) at `publishAt`.
 * All-or-nothing as far as the API allows: the versions go in one transaction, and when a later
 * step fails the release made here is archived again before the error is passed on.
 */
export async function scheduleAsRelease(
  client: SanityClient,
  options: { title: string; description?: string; documentIds: readonly string[]; publishAt: string; releaseId?: string },
): Promise<string> {
  const ids = [...new Set(options.documentIds)]
  if (ids.length === 0) throw new Error('Nothing to schedule: none of the documents has unpublished changes.')
  if (ids.length > MAX_DOCUMENTS) throw new Error(`A schedule holds at most ${MAX_DOCUMENTS} documents, and this one has ${ids.length}.`)
  const publishAt = new Date(options.publishAt)
  if (!Number.isFinite(publishAt.getTime())) throw new Error('Pick a date and time.')
  const releaseId = options.releaseId ?? newReleaseId()
  await client.releases.create({
    releaseId,
    metadata: { title: options.title.slice(0, 500), description: options.description?.slice(0, 2000) ?? '', releaseType: 'scheduled', intendedPublishAt: publishAt.toISOString() },
  })
  try {
    await client.action(ids.map((id) => ({ actionType: 'sanity.action.document.version.create' as const, publishedId: id, baseId: `drafts.${id}`, versionId: `versions.${releaseId}.${id}` })))
    await client.releases.schedule({ releaseId, publishAt: publishAt.toISOString() })
  } catch (error) {
    await client.releases.archive({ releaseId }).catch(() => undefined)
    throw error
  }
  return releaseId
}

/** Cancels a scheduled (or still active) release: unscheduled, then archived. */
export async function cancelRelease(client: SanityClient, releaseId: string): Promise<void> {
  const release = await client.releases.get({ releaseId })
  if (!release) throw new Error(`The release "${releaseId}" no longer exists.`)
  if (release.state === 'scheduled') await client.releases.unschedule({ releaseId })
  if (release.state === 'scheduled' || release.state === 'active') await client.releases.archive({ releaseId })
}

/** Releases `publishedId` is in now, or was in when they published or were archived; newest first. */
export const RELEASES_OF_DOCUMENT_QUERY = `*[_type == "system.release" && _id in path("_.releases.*") && (
  _id in $open || ("versions." + name + "." + $id) in finalDocumentStates[].id
)] | order(coalesce(publishAt, metadata.intendedPublishAt, _createdAt) desc)[0...${MAX_LISTED}]{
  "releaseId": name, "title": coalesce(metadata.title, name), state, "publishAt": publishAt,
  "intendedPublishAt": metadata.intendedPublishAt, "error": error.message
}`

export async function releasesOf(client: SanityClient, publishedId: string): Promise<ReleaseSummary[]> {
  const versionIds = await client.fetch<string[]>('*[_id in path("versions.**") && sanity::versionOf($id)]._id', { id: publishedId }, { perspective: 'raw' })
  const open = versionIds.map((id) => `_.releases.${id.split('.')[1] ?? ''}`)
  const rows = await client.fetch<ReleaseSummary[]>(RELEASES_OF_DOCUMENT_QUERY, { id: publishedId, open }, { perspective: 'raw' })
  return rows.map((row) => ({ ...row, publishAt: row.publishAt ?? null, intendedPublishAt: row.intendedPublishAt ?? null, error: row.error ?? null }))
}
