/**
 * generateStaticParams for the routes under /trips/[slug] and /officials/[slug]: every published
 * trip and official is prerendered at build time; those published later are rendered on their
 * first request, then cached (ISR).
 */
import 'server-only'
import { listTag } from '@/lib/revalidation/tags'
import { sanityFetch } from '@/lib/sanity/client'
import { OFFICIAL_SLUGS_QUERY, TRIP_SLUGS_QUERY } from '@/sanity/queries'

export async function tripSlugParams(): Promise<{ slug: string }[]> {
  const trips = await sanityFetch(TRIP_SLUGS_QUERY, {}, [listTag('trip')])
  return trips.flatMap((trip) => (trip.slug ? [{ slug: trip.slug }] : []))
}

export async function officialSlugParams(): Promise<{ slug: string }[]> {
  const officials = await sanityFetch(OFFICIAL_SLUGS_QUERY, {}, [listTag('official')])
  return officials.flatMap((official) => (official.slug ? [{ slug: official.slug }] : []))
}
