/**
 * Loads a briefing sheet fresh, with its version.
 *
 * A sheet is printed and handed over, so it must be current when printed. Its content and its
 * history are cached under the trip's page tag (`trip:<slug>`, lib/revalidation/tags.ts), which
 * every publish of a document on the sheet expires at once through the publish webhook; so the
 * sheet is served from the ISR cache like the trip page, and is never older than the last publish.
 *
 * Version and "prepared" stamp. The sheet is made of several published documents (the trip, its
 * meetings, officials, quote and facts; BRIEFING_QUERY lists them in `revisions`):
 * - Prepared = the latest `_updatedAt` among them: when the sheet's content last changed.
 * - Version N = the number of distinct transactions that published any of them, read from the
 *   History API (`/data/history/{dataset}/transactions/{ids}`), which hosted Sanity and the lake
 *   both serve, so the same code runs on either. Only published ids are asked for, so saving a
 *   draft does not count; a publish that touches several of the sheet's documents counts once.
 *   Why not GROQ: documents carry only their latest `_rev` (a random id, not a counter), and a
 *   hand-kept `version` field would depend on editors remembering to bump it.
 *   The History API needs a token (SANITY_API_READ_TOKEN, a viewer's is enough). Without one, or
 *   if history cannot be read, the sheet prints without a version number rather than a wrong one.
 */
import 'server-only'
import { createHash } from 'node:crypto'
import { readContentSource } from '@/lib/env'
import { previewMode } from '@/lib/preview/mode'
import { CONTENT_TAG, pageTag } from '@/lib/revalidation/tags'
import { stegaClean } from '@sanity/client/stega'
import { getClient, READ_TIMEOUT_MS, REVALIDATE_SECONDS, sanityFetch } from '@/lib/sanity/client'
import { isKnownSlug } from '@/lib/sanity/staticParams'
import type { Briefing } from '@/lib/sanity/types'
import { BRIEFING_QUERY } from '@/sanity/queries'

export type LoadedBriefing = {
  trip: Briefing
  /** ISO instant the sheet's content last changed. */
  preparedAt: string
  /** Published revisions of the sheet's documents; null when history is not readable. */
  version: number | null
  /** Changes whenever any document on the sheet is published: the PDF cache key. */
  revisionKey: string
}

/** Keeps each history URL well under common limits; ids are split over several requests past it. */
const MAX_IDS_CHARS = 1500

function chunkIds(ids: readonly string[]): string[][] {
  const chunks: string[][] = []
  let current: string[] = []
  let length = 0
  for (const id of ids) {
    if (current.length && length + id.length + 1 > MAX_IDS_CHARS) {
      chunks.push(current)
      current = []
      length = 0
    }
    current.push(id)
    length += id.length + 1
  }
  if (current.length) chunks.push(current)
  return chunks
}

/**
 * Counts distinct transactions touching `ids`; null when the History API cannot be read.
 * `cache` caches the answer like the sheet's content; without it the answer is read fresh
 * (preview). The History only changes with a publish of one of `ids`, which changes their
 * revisions, so the cached answer is keyed by `cache.revisionKey` (sent as a header, which Next's
 * fetch cache keys by): a new revision is a new read, whichever way the cache hears of the
 * publish (a live event names the sheet's sync tags, not the History's).
 */
export async function countPublishedRevisions(ids: readonly string[], cache?: { tags: readonly string[]; revisionKey: string }): Promise<number | null> {
  const source = readContentSource()
  if (!source.token || ids.length === 0) return null
  const client = getClient()
  const transactions = new Set<string>()
  try {
    for (const chunk of chunkIds(ids)) {
      const url = client.getUrl(`/data/history/${source.dataset}/transactions/${chunk.map(encodeURIComponent).join(',')}?excludeContent=true`)
      const caching: RequestInit = cache ? { next: { revalidate: REVALIDATE_SECONDS, tags: [CONTENT_TAG, ...cache.tags] } } : { cache: 'no-store' }
      const headers = { authorization: `Bearer ${source.token}`, ...(cache ? { 'x-envoy-revisions': cache.revisionKey } : {}) }
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(READ_TIMEOUT_MS), ...caching })
      if (!response.ok) {
        console.warn(`Briefing version unavailable: history answered ${response.status}`)
        return null
      }
      for (const line of (await response.text()).split('\n')) {
        if (!line.trim()) continue
        const record = JSON.parse(line) as { id?: unknown }
        if (typeof record.id === 'string') transactions.add(record.id)
      }
    }
  } catch (error) {
    console.warn('Briefing version unavailable:', error instanceof Error ? error.message : error)
    return null
  }
  return transactions.size || null
}

/**
 * `stega: false` for metadata and the PDF route (text that leaves the page); the sheet's HTML
 * keeps it, so staff previewing it can click to edit (see sanityFetch).
 */
export async function loadBriefing(slug: string, { stega = true }: { stega?: boolean } = {}): Promise<LoadedBriefing | null> {
  if (!(await isKnownSlug('trip', slug))) return null
  const tags = [pageTag('trip', slug)]
  const trip = await sanityFetch(BRIEFING_QUERY, { slug }, tags, { stega })
  if (!trip) return null
  const revisions = trip.revisions
  const preparedAt = revisions.reduce((latest, doc) => (doc._updatedAt > latest ? doc._updatedAt : latest), '')
  const preview = await previewMode()
  const revisionKey = createHash('sha256')
    .update(JSON.stringify(revisions.map((doc) => [doc._id, doc._rev])))
    // The content as stored: a preview's click-to-edit markers are no revision.
    .update(JSON.stringify(stegaClean(trip)))
    .digest('hex')
    .slice(0, 32)
  const version = await countPublishedRevisions(
    revisions.map((doc) => doc._id),
    preview.kind === 'off' ? { tags, revisionKey } : undefined,
  )
  return { trip, preparedAt: preparedAt || new Date().toISOString(), version, revisionKey }
}
