import type { MetadataRoute } from 'next'
import { readSiteUrl } from '@/lib/env'
import { sanityFetch } from '@/lib/sanity/client'
import { SITEMAP_QUERY } from '@/sanity/queries'
import { listTag } from '@/lib/revalidation/tags'
import { scheduleDates } from '@/lib/dailyScheduleLoad'

export const revalidate = 60

/** Every public page, with absolute URLs from the site-URL setting. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = readSiteUrl()
  const [{ trips, officials, countries }, dates] = await Promise.all([sanityFetch(SITEMAP_QUERY, {}, ['trip', 'official', 'country'].map(listTag), { stega: false }), scheduleDates()])
  return [
    { url: `${site}/` },
    { url: `${site}/trips` },
    { url: `${site}/schedule` },
    { url: `${site}/officials` },
    { url: `${site}/countries` },
    { url: `${site}/facts` },
    { url: `${site}/about` },
    { url: `${site}/accessibility` },
    ...trips.flatMap((trip) => [
      { url: `${site}/trips/${trip.slug}`, lastModified: trip.lastModified },
      { url: `${site}/trips/${trip.slug}/briefing`, lastModified: trip.lastModified },
    ]),
    ...officials.map((official) => ({ url: `${site}/officials/${official.slug}`, lastModified: official.lastModified })),
    ...countries.map((country) => ({ url: `${site}/countries/${country.slug}`, lastModified: country.lastModified })),
    ...dates.map((date) => ({ url: `${site}/schedule/${date}` })),
  ]
}
