/**
 * The portal's Sanity client, for server components only.
 *
 * It reads either hosted Sanity or the local lake (see `readContentSource` in lib/env.ts), in the
 * published perspective, unless the request is a preview (lib/preview/mode.ts): then it reads
 * drafts with the viewer token, `cache: 'no-store'` and never the 'sanity' tagged cache, so no
 * draft can reach a cached public response.
 */
import 'server-only'
import type { ClientReturn, ContentSourceMap, QueryParams } from 'next-sanity'
import { getClient } from '@/lib/sanity/baseClient'
import { cache } from 'react'
import { readContentSource, readStudioUrl } from '@/lib/env'
import { secondsUntilLift } from '@/lib/embargoLift'
import { previewMode, type PreviewMode } from '@/lib/preview/mode'
import { encodeForEditing } from '@/lib/preview/stega'
import { cacheTagsWithSyncTags, CONTENT_TAG } from '@/lib/revalidation/tags'
import { IS_PUBLISHED_QUERY, NEXT_EMBARGO_LIFTS_QUERY } from '@/sanity/queries'

/** Seconds a page stays fresh before Next.js regenerates it in the background (ISR). */
export const REVALIDATE_SECONDS = 60

// The client itself (one per process, published perspective, short timeout, no retries) is in
// baseClient.ts, which knows nothing of previews, so the preview code can read with it too.
export { getClient, READ_TIMEOUT_MS } from '@/lib/sanity/baseClient'

/**
 * Runs a query for a server component, cached for ISR under its sync tags, the site-wide tag and
 * `tags` (lib/revalidation/tags.ts: the page's own `<type>:<slug>` tag, or `list:<type>` for each
 * type it lists). The content source's live events expire the sync tags of what changed
 * (app/api/revalidate/live); a publish webhook, where one is configured, the others (app/api/revalidate). The result type comes from TypeGen's query registry;
 * a query missing from it resolves to `unknown`, so it cannot be used untyped by accident.
 *
 * `stega`: in staff preview, strings in the result carry invisible click-to-edit markers (see
 * previewFetch). Pass `stega: false` wherever the text leaves the page or is compared: metadata,
 * JSON-LD, feeds, calendars, PDFs, OG images, sitemaps, search. Public reads and share links never
 * carry markers, whatever is passed.
 */
export async function sanityFetch<const Q extends string>(query: Q, params: QueryParams = {}, tags: string[] = [], { stega = true }: { stega?: boolean } = {}): Promise<ClientReturn<Q, unknown>> {
  const preview = await previewMode()
  if (preview.kind !== 'off') return previewFetch(preview, query, params, stega)
  return syncTaggedFetch(query, params, await publicRevalidateSeconds(), [CONTENT_TAG, ...tags])
}

/**
 * A public read cached under its sync tags (lib/revalidation/tags.ts) as well as `tags`, the way
 * next-sanity's `defineLive` does it: a first, uncached request asks what the result depends on
 * (a plain request: without a `next` option @sanity/client does not go through Next's fetch, so
 * Next neither caches it nor counts it as dynamic), and the read itself is then cached under those
 * tags, which also become the tags (and surrogate keys) of the page that made it. A live event
 * naming one of them expires the page (app/api/revalidate/live).
 *
 * Why not `defineLive`'s own `sanityFetch`: it caches with `revalidate: false`, and an embargo
 * lifting is a moment, not a change, so no event would ever show the trip; here the cache life
 * still ends at the next lift (publicRevalidateSeconds).
 */
async function syncTaggedFetch<const Q extends string>(query: Q, params: QueryParams, revalidate: number, tags: string[]): Promise<ClientReturn<Q, unknown>> {
  const client = getClient()
  const { syncTags } = await client.fetch(query, params, { filterResponse: false, returnQuery: false, tag: 'sync-tags' })
  return client.fetch(query, params, { next: { revalidate, tags: cacheTagsWithSyncTags(tags, syncTags) } })
}

/**
 * Whether the document a page shows has been published. A public read sees only published
 * documents, so there it is; a preview reads drafts laid over them and must ask the published
 * perspective (uncached, like every preview read), so that a never-published draft says so rather
 * than showing publication dates it does not have.
 */
export async function isPublished(id: string): Promise<boolean> {
  if ((await previewMode()).kind === 'off') return true
  const client = getClient().withConfig({ token: readContentSource().token, useCdn: false })
  return client.fetch(IS_PUBLISHED_QUERY, { id }, { perspective: 'published', cache: 'no-store' })
}

/**
 * The cache lifetime of a public read: REVALIDATE_SECONDS, or less when an embargo lifts sooner,
 * so the pages that would show the trip regenerate at its lift (why: lib/embargoLift.ts).
 *
 * The lifts are read fresh, once per render, and outside Next's fetch cache (a plain request:
 * see syncTaggedFetch), so that the page is not tagged by them: every page reads them, and a tag
 * of theirs (any trip) would make every change to a trip purge every page, the about page too.
 * None is needed: a page that shows trips is tagged by its own trip queries, so publishing a
 * trip with a sooner lift expires it, and its next render reads the new lift; a page that shows
 * none does not change at a lift. Lifts already past are skipped.
 */
export const publicRevalidateSeconds = cache(async (): Promise<number> => {
  const lifts = await getClient().fetch(NEXT_EMBARGO_LIFTS_QUERY, {}, { tag: 'embargo-lifts' })
  return secondsUntilLift(lifts, Date.now(), REVALIDATE_SECONDS)
})

/**
 * A preview read: staff see every draft (or published, if the Presentation tool says so); a share
 * link sees published content with only its one document's draft laid over (the lake's
 * `overlayDrafts` option, lake/overlay.ts). Always uncached.
 *
 * Staff reads ask for the content source map and, when `stega` is on, encode it into the result's
 * strings (lib/preview/stega.ts: @sanity/client's stega, as `client.fetch` applies with `stega.enabled`),
 * so `<VisualEditing/>` makes every string from content click-to-edit, opening the field it came
 * from (except values the page compares, lib/preview/stega.ts). The encoding is done here rather than by the client so that one lake request serves both
 * the encoded page render and the clean metadata of the same render. Share links get none: their
 * reviewers have no Studio account and cannot edit.
 */
async function previewFetch<const Q extends string>(preview: Exclude<PreviewMode, { kind: 'off' }>, query: Q, params: QueryParams, stega: boolean): Promise<ClientReturn<Q, unknown>> {
  if (preview.kind === 'share') return shareQuery(preview.documentId, query, JSON.stringify(params))
  const { result, resultSourceMap } = await staffQuery(preview.perspective, query, JSON.stringify(params))
  if (!stega || !resultSourceMap) return result
  return encodeForEditing(result, resultSourceMap, readStudioUrl())
}

/**
 * One lake request per distinct query in a preview render: metadata and page (and layout) ask for
 * the same data, which Next's fetch cache would dedupe for public pages but never does uncached.
 * React's cache lasts one request, so every render still reads the current drafts. The cached
 * answer is never changed in place: stegaEncodeSourceMap builds a new result.
 */
const staffQuery = cache(
  async <const Q extends string>(perspective: 'drafts' | 'published', query: Q, paramsJson: string): Promise<{ result: ClientReturn<Q, unknown>; resultSourceMap?: ContentSourceMap }> => {
    const params = JSON.parse(paramsJson) as QueryParams
    const client = getClient().withConfig({ token: readContentSource().token, useCdn: false })
    return client.fetch(query, params, {
      perspective,
      cache: 'no-store',
      stega: false,
      filterResponse: false,
      resultSourceMap: 'withKeyArraySelector',
    })
  },
)

const shareQuery = cache(async <const Q extends string>(documentId: string, query: Q, paramsJson: string): Promise<ClientReturn<Q, unknown>> => {
  const source = readContentSource()
  const params = JSON.parse(paramsJson) as QueryParams
  const client = getClient().withConfig({ token: source.token, useCdn: false })
  const answer = await client.request<{ result: ClientReturn<Q, unknown> }>({
    uri: `/data/query/${source.dataset}`,
    method: 'POST',
    query: { perspective: 'published', overlayDrafts: documentId, returnQuery: 'false' },
    body: { query, params },
  })
  return answer.result
})
