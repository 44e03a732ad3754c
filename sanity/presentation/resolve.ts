/**
 * The Presentation tool's resolvers.
 * - locations: for a trip, meeting, official or fact bullet, the portal pages that show it (the
 *   "Used on N pages" list above the form); each opens in the preview. One live query per open
 *   document (drafts perspective, so a new trip or a changed slug shows at once).
 * - mainDocuments: for each portal route, the document to open beside the preview.
 */
import { map } from 'rxjs'
import { defineDocuments } from 'sanity/presentation'
import type { DocumentLocation, DocumentLocationResolver, DocumentLocationsState } from 'sanity/presentation'

const LOCATIONS_QUERY = `{
  "doc": *[_id == $id][0]{ _type, title, name, "slug": slug.current, "tripSlug": trip->slug.current, "tripTitle": trip->title },
  "trips": *[_type == "trip" && references($id) && defined(slug.current)] | order(startDate desc) { title, "slug": slug.current }
}`

type Located = {
  doc?: { _type: string; title?: string | null; name?: string | null; slug?: string | null; tripSlug?: string | null; tripTitle?: string | null } | null
  trips?: { title?: string | null; slug: string }[]
} | null

const tripPages = (slug: string, title: string | null | undefined): DocumentLocation[] => [
  { title: title ?? 'Trip page', href: `/trips/${slug}` },
  { title: `Briefing sheet: ${title ?? 'trip'}`, href: `/trips/${slug}/briefing` },
]

/** The pages that show a document, from the LOCATIONS_QUERY result. Exported for tests. */
export function pagesFor(id: string, result: Located): DocumentLocationsState {
  const doc = result?.doc
  const referencing = (result?.trips ?? []).flatMap((trip) => tripPages(trip.slug, trip.title))
  let pages: DocumentLocation[] = []
  switch (doc?._type) {
    case 'trip':
      pages = doc.slug ? [...tripPages(doc.slug, doc.title), { title: 'All trips', href: '/trips' }] : []
      break
    case 'meeting':
      pages = doc.tripSlug ? [...tripPages(doc.tripSlug, doc.tripTitle), { title: `Briefing sheet: ${doc.title ?? 'this engagement'}`, href: `/trips/${doc.tripSlug}/briefing/${id}` }] : []
      break
    case 'official':
      pages = [...(doc.slug ? [{ title: doc.name ?? 'Official', href: `/officials/${doc.slug}` }] : []), ...referencing]
      break
    case 'factBullet':
      pages = [...referencing, { title: 'Fact library', href: '/facts' }]
      break
    default:
      pages = referencing
  }
  return pages.length > 0 ? { locations: pages } : { message: 'Not shown on any page yet', tone: 'caution' }
}

const SHOWN_TYPES = new Set(['trip', 'meeting', 'official', 'factBullet'])

export const locations: DocumentLocationResolver = (params, context) => {
  if (!SHOWN_TYPES.has(params.type)) return null
  const id = params.id.replace(/^drafts\./, '')
  return context.documentStore.listenQuery(LOCATIONS_QUERY, { id }, { perspective: 'drafts' }).pipe(map((result: Located) => pagesFor(id, result)))
}

export const mainDocuments = defineDocuments([
  { route: '/trips/:slug', filter: `_type == "trip" && slug.current == $slug` },
  { route: '/trips/:slug/briefing', filter: `_type == "trip" && slug.current == $slug` },
  { route: '/trips/:slug/briefing/:meetingId', filter: `_type == "meeting" && _id == $meetingId` },
  { route: '/officials/:slug', filter: `_type == "official" && slug.current == $slug` },
  { route: '/countries/:slug', filter: `_type == "country" && slug.current == $slug` },
])
