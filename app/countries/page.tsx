import type { Metadata } from 'next'
import Link from 'next/link'
import { sanityFetch } from '@/lib/sanity/client'
import { COUNTRIES_QUERY } from '@/sanity/queries'
import { listTag } from '@/lib/revalidation/tags'

export const revalidate = 60

export const metadata: Metadata = {
  title: 'Countries',
  description: 'Countries officials travel to or that fact sheets speak of, with their trips and facts.',
  alternates: { canonical: '/countries' },
}

export default async function CountriesPage() {
  const countries = await sanityFetch(COUNTRIES_QUERY, {}, ['country', 'trip', 'factBullet'].map(listTag))
  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <h1 className="text-4xl font-bold tracking-tight">Countries</h1>
      <p className="mt-3 max-w-prose text-lg text-neutral-darker">Where officials travel, and what the fact sheets say about each country.</p>
      <ul className="mt-8 grid gap-x-8 sm:grid-cols-2 lg:grid-cols-3">
        {countries.map((country) => (
          <li key={country._id} className="border-t border-neutral-lighter py-3">
            {country.slug ? (
              <Link href={`/countries/${country.slug}`} className="text-lg font-semibold">
                {country.name}
              </Link>
            ) : (
              <span className="text-lg font-semibold">{country.name}</span>
            )}
            <p className="text-sm text-neutral-dark">
              {country.tripCount} {country.tripCount === 1 ? 'trip' : 'trips'} · {country.factCount} {country.factCount === 1 ? 'fact' : 'facts'}
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}
