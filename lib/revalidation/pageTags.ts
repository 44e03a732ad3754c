/**
 * From one published change to the cache tags it must expire: the pages that show the changed
 * document, and the lists of its type (tag names in ./tags.ts).
 *
 * What each page shows (sanity/queries.ts), and so what makes it stale:
 * - a trip page: the trip, what it references (officials, quote, facts, countries), what those
 *   facts and quote reference (topics, countries, the speaker), its meetings (which reference the
 *   trip) and what they reference (hosts, participants);
 * - an official page: the official and their country, the trips and meetings naming them (with
 *   the trip's title, dates and destinations), their quotes;
 * - a country page: the country, trips there (with their officials), facts about it, its officials.
 *
 * The rules below walk those links from the changed document, both ways, one step further where a
 * page shows a document through another. The document's references before and after the change
 * (`refs`, sent by the webhook) cover pages it has just left: a meeting moved to another trip
 * expires both trips. Anything missed here is still refreshed by ISR within REVALIDATE_SECONDS.
 */
import type { SanityClient } from 'next-sanity'
import schema from '@/schema.json'
import { PAGES_SHOWING_QUERY, REFERRERS_QUERY } from '@/sanity/queries'
import { CONTENT_TAG, isPageType, listTag, pageTag } from './tags'

export type PublishedChange = {
  _id: string
  _type: string
  slug?: string | null
  previousSlug?: string | null
  /** Ids the document referenced before or after the change. */
  refs?: readonly string[]
}

/** Types whose documents are shown on every page (the layout's header and footer). */
const SITE_WIDE_TYPES = new Set(['settings'])

/**
 * The document types of the site's schema (schema.json, extracted by TypeGen). A document of any
 * other type (something another tool keeps in the same dataset) is on no page, so working out
 * which pages show it would be two wasted queries per publish.
 */
const SITE_DOCUMENT_TYPES: ReadonlySet<string> = new Set(schema.flatMap((type) => (type.type === 'document' ? [type.name] : [])))

/**
 * The tags to expire for a batch of published changes (several webhooks that arrived together are
 * worked out with the same two queries; see ./batches.ts).
 */
export async function tagsForChanges(client: SanityClient, changes: readonly PublishedChange[]): Promise<string[]> {
  if (changes.some((change) => SITE_WIDE_TYPES.has(change._type))) return [CONTENT_TAG]
  const tags = new Set<string>()
  for (const change of changes) {
    tags.add(listTag(change._type))
    if (!isPageType(change._type)) continue
    for (const slug of [change.slug, change.previousSlug]) if (slug) tags.add(pageTag(change._type, slug))
  }
  const shown = changes.filter((change) => SITE_DOCUMENT_TYPES.has(change._type))
  if (shown.length === 0) return [...tags].sort()

  const ids = [...new Set(shown.map((change) => change._id))]
  const changed = new Set(ids)
  const referrers = await client.fetch(REFERRERS_QUERY, { ids }, { cache: 'no-store' })
  const direct = new Set<string>([...ids, ...shown.flatMap((change) => change.refs ?? [])])
  const through: string[] = []
  const cardFields = shown.some((change) => change._type === 'official' || change._type === 'country')
  for (const referrer of referrers) {
    if (referrer._type === 'quote' || referrer._type === 'factBullet') through.push(referrer._id)
    if (referrer._type === 'meeting') {
      // The meeting's trip page shows it with its hosts and participants.
      if (referrer.trip) direct.add(referrer.trip)
      // A trip's meetings name the officials whose pages list that trip.
      if (referrer.trip && changed.has(referrer.trip)) for (const id of [...(referrer.hosts ?? []), ...(referrer.participants ?? [])]) direct.add(id)
    }
    // Trip cards show destinations (on official pages) and officials (on country pages).
    if (referrer._type === 'trip' && cardFields) for (const id of [...(referrer.officials ?? []), ...(referrer.countries ?? [])]) direct.add(id)
  }

  const pages = await client.fetch(PAGES_SHOWING_QUERY, { ids, direct: [...direct], through }, { cache: 'no-store' })
  for (const page of pages) if (page.slug && isPageType(page._type)) tags.add(pageTag(page._type, page.slug))
  return [...tags].sort()
}
