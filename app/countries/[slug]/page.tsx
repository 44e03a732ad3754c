import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { FactItem } from '@/components/facts/FactItem'
import { DestinationMap } from '@/components/map/DestinationMap'
import { visitedPlaces } from '@/lib/map'
import { OfficialName } from '@/components/official/OfficialName'
import { TripCard } from '@/components/trip/TripCard'
import { sanityFetch } from '@/lib/sanity/client'
import { countrySlugParams, isKnownSlug } from '@/lib/sanity/staticParams'
import { COUNTRY_QUERY } from '@/sanity/queries'
import { pageTag } from '@/lib/revalidation/tags'

export const revalidate = 60

type Params = { slug: string }

export const generateStaticParams = countrySlugParams

/** `stega: false` for metadata (see sanityFetch). */
async function loadCountry(slug: string, stega: boolean) {
  if (!(await isKnownSlug('country', slug))) return null
  return sanityFetch(COUNTRY_QUERY, { slug }, [pageTag('country', slug)], { stega })
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params
  const country = await loadCountry(slug, false)
  if (!country) return { title: 'Country not found' }
  return {
    title: country.name ?? 'Country',
    description: `Official trips to ${country.name ?? 'this country'} and sourced facts about it: ${country.trips.length} ${country.trips.length === 1 ? 'trip' : 'trips'}, ${country.facts.length} ${country.facts.length === 1 ? 'fact' : 'facts'}.`,
    alternates: { canonical: `/countries/${slug}` },
  }
}

export default async function CountryPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params
  const country = await loadCountry(slug, true)
  if (!country) notFound()
  const places = visitedPlaces(country.trips, country._id)
  return (
    <div className="mx-auto max-w-page px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/countries">Countries</Link> <span aria-hidden="true">›</span> <span className="text-neutral-dark">{country.name}</span>
      </nav>
      <h1 className="mt-4 text-4xl font-bold tracking-tight">{country.name}</h1>
      {country.introduction && <p className="mt-3 max-w-prose whitespace-pre-line text-lg leading-relaxed text-neutral-darker">{country.introduction}</p>}
      {places.length > 0 && (
        <section aria-labelledby="country-map" className="mt-10">
          <h2 id="country-map" className="text-2xl font-bold">
            Places visited in {country.name}
          </h2>
          <div className="mt-3">
            <DestinationMap id="country-places" title={`Map of places visited in ${country.name}`} points={places} listLabel="Places visited" ordered={false} />
          </div>
        </section>
      )}
      <section aria-labelledby="country-trips" className="mt-10">
        <h2 id="country-trips" className="text-2xl font-bold">
          Trips to {country.name} <span className="text-base font-normal text-neutral-dark">({country.trips.length})</span>
        </h2>
        {country.trips.length === 0 ? (
          <p className="mt-3 text-neutral-dark">No trips to {country.name} have been published.</p>
        ) : (
          <div className="mt-3">
            {country.trips.map((trip) => (
              <TripCard key={trip._id} trip={trip} />
            ))}
          </div>
        )}
      </section>
      {country.officials.length > 0 && (
        <section aria-labelledby="country-officials" className="mt-10">
          <h2 id="country-officials" className="text-2xl font-bold">
            Officials of {country.name}
          </h2>
          <ul className="mt-3 grid gap-x-8 sm:grid-cols-2">
            {country.officials.map((official) => (
              <li key={official._id} className="border-t border-neutral-lighter py-3">
                <OfficialName official={official} showOrganization />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="country-facts" className="mt-10">
        <h2 id="country-facts" className="text-2xl font-bold">
          Facts about {country.name} <span className="text-base font-normal text-neutral-dark">({country.facts.length})</span>
        </h2>
        {country.facts.length === 0 ? (
          <p className="mt-3 text-neutral-dark">No facts about {country.name} yet.</p>
        ) : (
          <ul className="mt-3">
            {country.facts.map((fact) => (
              <FactItem key={fact._id} fact={fact} />
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
