import type { Metadata } from 'next'
import Link from 'next/link'
import { DestinationMap } from '@/components/map/DestinationMap'
import { Pagination } from '@/components/Pagination'
import { TripCard } from '@/components/trip/TripCard'
import { param, pageNumber, paginate } from '@/lib/pagination'
import { sanityFetch } from '@/lib/sanity/client'
import { tripTotals } from '@/lib/tripStats'
import { TRIP_FILTERS_QUERY, TRIPS_QUERY } from '@/sanity/queries'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const FILTERS = ['year', 'country', 'official', 'topic'] as const
type Filter = (typeof FILTERS)[number]

async function readFilters(searchParams: SearchParams) {
  const raw = await searchParams
  const values = Object.fromEntries(FILTERS.map((name) => [name, param(raw[name])])) as Record<Filter, string>
  if (!/^\d{4}$/.test(values.year)) values.year = ''
  return { values, page: pageNumber(raw.page) }
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { values, page } = await readFilters(searchParams)
  const active = FILTERS.filter((name) => values[name])
  const suffix = active.length > 0 ? ` (filtered by ${active.join(', ')})` : ''
  return {
    title: `All trips${suffix}${page > 1 ? `, page ${page}` : ''}`,
    description: 'Every official trip, newest first, filterable by year, country, official and topic, with a map of destinations.',
    alternates: { canonical: '/trips', types: { 'application/atom+xml': [{ url: '/feed.xml', title: 'Trips (Atom feed)' }] } },
  }
}

export default async function TripsPage({ searchParams }: { searchParams: SearchParams }) {
  const { values, page } = await readFilters(searchParams)
  const [trips, filters] = await Promise.all([sanityFetch(TRIPS_QUERY, values, ['trip']), sanityFetch(TRIP_FILTERS_QUERY, {}, ['trip'])])
  const shown = paginate(trips, page)
  const totals = tripTotals(trips)
  const years = [...new Set(filters.years.map((date) => date.slice(0, 4)))].sort().reverse()
  const filtered = FILTERS.some((name) => values[name])

  const places = new Map<string, { key: string; label: string; lat: number | null; lng: number | null; count: number }>()
  for (const trip of trips) {
    for (const d of trip.destinations ?? []) {
      const label = [d.city, d.country?.name].filter(Boolean).join(', ')
      if (!label) continue
      const place = places.get(label) ?? { key: label, label, lat: d.location?.lat ?? null, lng: d.location?.lng ?? null, count: 0 }
      place.count += 1
      places.set(label, place)
    }
  }
  const points = [...places.values()]
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((p) => ({ ...p, label: `${p.label} (${p.count} ${p.count === 1 ? 'trip' : 'trips'})` }))

  const pageHref = (n: number) => {
    const query = new URLSearchParams()
    for (const name of FILTERS) if (values[name]) query.set(name, values[name])
    if (n > 1) query.set('page', String(n))
    const text = query.toString()
    return text ? `/trips?${text}` : '/trips'
  }

  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <h1 className="text-4xl font-bold tracking-tight">All trips</h1>
      <p className="mt-3 max-w-prose text-lg text-neutral-darker">
        Every official trip, newest first. Narrow the list by year, country, official or topic.{' '}
        <a href="/feed.xml" type="application/atom+xml">
          Follow new and updated trips (Atom feed)
        </a>
        .
      </p>

      <section aria-labelledby="totals" className="mt-8">
        <h2 id="totals" className="sr-only">
          {filtered ? 'Totals for the trips shown' : 'Totals'}
        </h2>
        <dl className="grid max-w-2xl grid-cols-3 gap-3">
          {[
            { term: totals.trips === 1 ? 'Trip' : 'Trips', value: totals.trips },
            { term: totals.countries === 1 ? 'Country' : 'Countries', value: totals.countries },
            { term: totals.days === 1 ? 'Day travelling' : 'Days travelling', value: totals.days },
          ].map((item) => (
            <div key={item.term} className="border-l-4 border-accent-warm bg-neutral-lightest px-4 py-3">
              <dt className="text-sm font-semibold text-neutral-darker">{item.term}</dt>
              <dd className="text-3xl font-bold text-primary-darker">{item.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <form method="get" action="/trips" aria-labelledby="filter-heading" className="mt-8 rounded-sm border border-neutral-lighter bg-neutral-lightest p-4">
        <h2 id="filter-heading" className="text-lg font-bold">
          Filter trips
        </h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Select name="year" label="Year" value={values.year} options={years.map((year) => ({ value: year, label: year }))} />
          <Select name="country" label="Country" value={values.country} options={filters.countries.flatMap((c) => (c.slug ? [{ value: c.slug, label: c.name ?? c.slug }] : []))} />
          <Select name="official" label="Official" value={values.official} options={filters.officials.flatMap((o) => (o.slug ? [{ value: o.slug, label: o.name ?? o.slug }] : []))} />
          <Select name="topic" label="Topic" value={values.topic} options={filters.topics.flatMap((t) => (t.slug ? [{ value: t.slug, label: t.title ?? t.slug }] : []))} />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded-sm bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
            Apply filters
          </button>
          {filtered && <Link href="/trips">Clear filters</Link>}
        </div>
      </form>

      <div className="mt-10 grid gap-10 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="results">
          <h2 id="results" className="text-2xl font-bold">
            {shown.total === 0
              ? 'No trips match'
              : `${filtered ? 'Matching trips' : 'Trips'}: ${shown.first}–${shown.last} of ${shown.total}`}
          </h2>
          {shown.total === 0 ? (
            <p className="mt-3">
              No trip matches these filters. <Link href="/trips">See all trips</Link>.
            </p>
          ) : (
            <div className="mt-3">
              {shown.items.map((trip) => (
                <TripCard key={trip._id} trip={trip} />
              ))}
            </div>
          )}
          <Pagination page={shown.page} pageCount={shown.pageCount} href={pageHref} label="Trips pages" />
        </section>
        <section aria-labelledby="map-heading">
          <h2 id="map-heading" className="text-2xl font-bold">
            Destinations
          </h2>
          <div className="mt-3">
            <DestinationMap id="trips-map" title="Map of trip destinations" points={points} listLabel="Places visited" ordered={false} />
          </div>
        </section>
      </div>
    </div>
  )
}

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: ReadonlyArray<{ value: string; label: string }> }) {
  const id = `filter-${name}`
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className="mt-1 w-full rounded-sm border border-neutral-dark bg-white px-2 py-1.5">
        <option value="">Any {label.toLowerCase()}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
