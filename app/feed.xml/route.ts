import { readSiteUrl } from '@/lib/env'
import { ATOM_HEADERS, tripsAtom } from '@/lib/feed'
import { loadSiteIdentity } from '@/lib/publisher'
import { sanityFetch } from '@/lib/sanity/client'
import { FEED_QUERY } from '@/sanity/queries'
import { listTag } from '@/lib/revalidation/tags'

/**
 * Regenerated at most once a minute, like the pages it announces: a feed reader polls every few
 * minutes at best, and a new trip appears in the feed no later than on its own page.
 */
export const revalidate = 60

export async function GET() {
  const site = readSiteUrl()
  const [{ title, publisher }, trips] = await Promise.all([loadSiteIdentity(), sanityFetch(FEED_QUERY, {}, ['trip', 'country', 'official'].map(listTag), { stega: false })])
  const body = tripsAtom({
    title: `${title}: official trips`,
    description: 'New and updated official trips.',
    site,
    selfPath: '/feed.xml',
    alternatePath: '/trips',
    publisher,
    trips,
  })
  return new Response(body, { headers: ATOM_HEADERS })
}
