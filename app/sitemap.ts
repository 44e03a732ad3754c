import type { MetadataRoute } from 'next'
import { readSiteUrl } from '@/lib/env'
import { sanityFetch } from '@/lib/sanity/client'
import { SITEMAP_QUERY } from '@/sanity/queries'

export const revalidate = 60

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = readSiteUrl()
  const { trips, officials } = await sanityFetch(SITEMAP_QUERY, {}, ['trip', 'official'])
  return [
    { url: `${site}/` },
    { url: `${site}/officials` },
    ...trips.flatMap((trip) => [
      { url: `${site}/trips/${trip.slug}`, lastModified: trip.lastModified },
      { url: `${site}/trips/${trip.slug}/briefing`, lastModified: trip.lastModified },
    ]),
    ...officials.map((official) => ({ url: `${site}/officials/${official.slug}`, lastModified: official.lastModified })),
  ]
}
