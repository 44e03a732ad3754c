/**
 * Where a document shows on the portal: the page a share link lands on. The Studio's Presentation
 * tool has its own resolver (sanity/presentation/resolve.ts) listing every such page; this one
 * only needs the main page, and runs on the server with the share link's perspective, so a
 * document that exists only as a draft (a new trip) resolves through its draft's slug.
 */
import { z } from 'zod'

/** One query: the document's type and slug, its trip's slug, and the trips that reference it. */
export const DOCUMENT_PAGE_QUERY = /* groq */ `*[_id == $id][0]{
  _type,
  "slug": slug.current,
  "tripSlug": trip->slug.current,
  "referencingTrips": *[_type == "trip" && references(^._id) && defined(slug.current)] | order(startDate desc) [0...1].slug.current
}`

const pageSource = z
  .object({
    _type: z.string(),
    slug: z.string().nullish(),
    tripSlug: z.string().nullish(),
    referencingTrips: z.array(z.string()).nullish(),
  })
  .nullable()

const SLUG = /^[a-z0-9][a-z0-9-]*$/i

function safe(slug: string | null | undefined): string | undefined {
  return slug && SLUG.test(slug) ? encodeURIComponent(slug) : undefined
}

/** The portal path that shows the document `result` (of DOCUMENT_PAGE_QUERY) describes. */
export function documentPath(result: unknown): string {
  const doc = pageSource.parse(result)
  if (!doc) return '/'
  const slug = safe(doc.slug)
  const firstTrip = safe(doc.referencingTrips?.[0])
  switch (doc._type) {
    case 'trip':
      return slug ? `/trips/${slug}` : '/trips'
    case 'official':
      return slug ? `/officials/${slug}` : '/officials'
    case 'country':
      return slug ? `/countries/${slug}` : '/countries'
    case 'meeting': {
      const trip = safe(doc.tripSlug)
      return trip ? `/trips/${trip}` : '/trips'
    }
    case 'factBullet':
      return firstTrip ? `/trips/${firstTrip}` : '/facts'
    case 'quote':
      return firstTrip ? `/trips/${firstTrip}` : '/'
    default:
      return '/'
  }
}
