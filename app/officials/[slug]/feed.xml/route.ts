import { readSiteUrl } from '@/lib/env'
import { ATOM_HEADERS, tripsAtom } from '@/lib/feed'
import { loadSiteIdentity } from '@/lib/publisher'
import { sanityFetch } from '@/lib/sanity/client'
import { isKnownSlug, officialSlugParams } from '@/lib/sanity/staticParams'
import { OFFICIAL_FEED_QUERY } from '@/sanity/queries'
import { pageTag } from '@/lib/revalidation/tags'

/** Same freshness as the site-wide feed and the official's page (see app/feed.xml/route.ts). */
export const revalidate = 60

export const generateStaticParams = officialSlugParams

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  if (!(await isKnownSlug('official', slug))) return new Response('No such official.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const site = readSiteUrl()
  const [{ publisher }, official] = await Promise.all([loadSiteIdentity(), sanityFetch(OFFICIAL_FEED_QUERY, { slug }, [pageTag('official', slug)], { stega: false })])
  if (!official) return new Response('No such official.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const body = tripsAtom({
    title: `${official.name ?? 'Official'}: trips`,
    description: `Trips ${official.name ?? 'this official'} travels on or takes part in.`,
    site,
    selfPath: `/officials/${slug}/feed.xml`,
    alternatePath: `/officials/${slug}`,
    publisher,
    trips: official.trips,
  })
  return new Response(body, { headers: ATOM_HEADERS })
}
