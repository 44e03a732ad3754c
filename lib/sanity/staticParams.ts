/**
 * The published slugs of trips, officials and countries: generateStaticParams for the routes
 * under /trips/[slug], /officials/[slug] and /countries/[slug] (each is prerendered at build time;
 * those published later are rendered on their first request, then cached, ISR), and the check
 * every such route makes before it reads one document.
 *
 * Why the check: a page reads its document with a query keyed by the slug, and Next caches each
 * query's answer in its data cache. Reading for any slug a reader types would store one answer
 * (`null`) per junk address, without bound. The slug lists are one cached answer each, expired
 * with the list tag whenever such a document is published, so a new trip is known at once.
 */
import 'server-only'
import { listTag } from '@/lib/revalidation/tags'
import { sanityFetch } from '@/lib/sanity/client'
import { COUNTRY_SLUGS_QUERY, FACT_IDS_QUERY, OFFICIAL_SLUGS_QUERY, TRIP_SLUGS_QUERY } from '@/sanity/queries'

type SlugParams = { slug: string }[]

function present(rows: { slug: string | null }[]): SlugParams {
  return rows.flatMap((row) => (row.slug ? [{ slug: row.slug }] : []))
}

export async function tripSlugParams(): Promise<SlugParams> {
  return present(await sanityFetch(TRIP_SLUGS_QUERY, {}, [listTag('trip')], { stega: false }))
}

export async function officialSlugParams(): Promise<SlugParams> {
  return present(await sanityFetch(OFFICIAL_SLUGS_QUERY, {}, [listTag('official')], { stega: false }))
}

export async function countrySlugParams(): Promise<SlugParams> {
  return present(await sanityFetch(COUNTRY_SLUGS_QUERY, {}, [listTag('country')], { stega: false }))
}

const LISTS = { trip: tripSlugParams, official: officialSlugParams, country: countrySlugParams } as const

/** Whether `slug` names a published document of `type` (in preview: one the preview can see). */
export async function isKnownSlug(type: keyof typeof LISTS, slug: string): Promise<boolean> {
  if (slug.length === 0 || slug.length > 200) return false
  return (await LISTS[type]()).some((params) => params.slug === slug)
}

/** The ids of public fact bullets: generateStaticParams for /facts/[id]. */
export async function factIdParams(): Promise<{ id: string }[]> {
  return (await sanityFetch(FACT_IDS_QUERY, {}, [listTag('factBullet')])).map((row) => ({ id: row.id }))
}

/**
 * Whether `id` names a public fact bullet. Only plain ids (letters, digits, `-`, `_`) are asked
 * about: a dot would reach drafts ("drafts.…") or releases, which are never public.
 */
export async function isKnownFactId(id: string): Promise<boolean> {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(id)) return false
  return (await factIdParams()).some((params) => params.id === id)
}
