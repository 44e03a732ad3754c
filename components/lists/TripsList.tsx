import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { FilterForm, FilterSelect } from '@/components/filters/FilterForm'
import { DestinationMap } from '@/components/map/DestinationMap'
import { visitedPlaces } from '@/lib/map'
import { Pagination } from '@/components/Pagination'
import { TripCard } from '@/components/trip/TripCard'
import { decideView, filtersOf, lastPageRedirect } from '@/lib/listViews'
import { pageNumber, paginate } from '@/lib/pagination'
import { listTag } from '@/lib/revalidation/tags'
import { safeRedirectPath } from '@/lib/safeRedirect'
import { sanityFetch } from '@/lib/sanity/client'
import { tripTotals } from '@/lib/tripStats'
import { TRIP_FILTERS_QUERY, TRIPS_QUERY } from '@/sanity/queries'

const FILTERS = ['year', 'country', 'official', 'topic'] as const

function readFilters(view: string) {
  const { page, ...values } = filtersOf('trips', view)
  return { values, page: pageNumber(page) }
}

/** Trip cards and filters show trips with their destinations and officials; the topic filter reads facts. */
const TRIP_LIST_TAGS = ['trip', 'country', 'official', 'topic', 'factBullet'].map(listTag)

/** Metadata of the trips list in a view (lib/listViews.ts). */
export function tripsMetadata(view: string): Metadata {
  const { values, page } = readFilters(view)
  const active = FILTERS.filter((name) => values[name])
  const suffix = active.length > 0 ? ` (filtered by ${active.join(', ')})` : ''
  return {
    title: `All trips${suffix}${page > 1 ? `, page ${page}` : ''}`,
    description: 'Every official trip, newest first, filterable by year, country, official and topic, with a map of destinations.',
    alternates: {
      canonical: '/trips',
      types: {
        'application/atom+xml': [{ url: '/feed.xml', title: 'Trips (Atom feed)' }],
      },
    },
  }
}

/**
 * The trips list in a view: served at /trips and, filtered, from /lists/trips/<view>. A view is
 * cached, so it is checked against the filters' own options first (lib/listViews.ts): a value no
 * trip has sends the reader to the list without it, a page past the last goes to the last, and
 * filters that together match nothing answer 404 (not cached) with "No trips match".
 */
export async function TripsList({ view }: { view: string }) {
  const { values, page } = readFilters(view)
  // Options are compared with the view's values and sorted: no click-to-edit markers (see sanityFetch).
  const filters = await sanityFetch(TRIP_FILTERS_QUERY, {}, TRIP_LIST_TAGS, { stega: false })
  const years = [...new Set(filters.years.map((date) => date.slice(0, 4)))].sort().reverse()
  const slugs = (rows: { slug: string | null }[]) => new Set(rows.flatMap((row) => (row.slug ? [row.slug] : [])))
  const decision = decideView('trips', view, {
    year: new Set(years),
    country: slugs(filters.countries),
    official: slugs(filters.officials),
    topic: slugs(filters.topics),
  })
  if (decision.action === 'not-found') notFound()
  if (decision.action === 'redirect') redirect(safeRedirectPath(decision.to))

  const trips = await sanityFetch(TRIPS_QUERY, values, TRIP_LIST_TAGS)
  const shown = paginate(trips, page)
  const beyond = lastPageRedirect(view, page, shown.pageCount)
  if (beyond) redirect(safeRedirectPath(beyond))
  const totals = tripTotals(trips)
  const filtered = FILTERS.some((name) => values[name])
  if (filtered && trips.length === 0) notFound()

  const points = visitedPlaces(trips)

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
            {
              term: totals.trips === 1 ? 'Trip' : 'Trips',
              value: totals.trips,
            },
            {
              term: totals.countries === 1 ? 'Country' : 'Countries',
              value: totals.countries,
            },
            {
              term: totals.days === 1 ? 'Day travelling' : 'Days travelling',
              value: totals.days,
            },
          ].map((item) => (
            <div key={item.term} className="border-l-4 border-accent-warm bg-neutral-lightest px-4 py-3">
              <dt className="text-sm font-semibold text-neutral-darker">{item.term}</dt>
              <dd className="text-3xl font-bold text-primary-darker">{item.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <FilterForm action="/trips" headingId="filter-heading" heading="Filter trips" filtered={filtered} gridClassName="sm:grid-cols-2 lg:grid-cols-4">
        <FilterSelect id="filter-year" name="year" label="Year" value={values.year} options={years.map((year) => ({ value: year, label: year }))} />
        <FilterSelect
          id="filter-country"
          name="country"
          label="Country"
          value={values.country}
          options={filters.countries.flatMap((c) => (c.slug ? [{ value: c.slug, label: c.name ?? c.slug }] : []))}
        />
        <FilterSelect
          id="filter-official"
          name="official"
          label="Official"
          value={values.official}
          options={filters.officials.flatMap((o) => (o.slug ? [{ value: o.slug, label: o.name ?? o.slug }] : []))}
        />
        <FilterSelect id="filter-topic" name="topic" label="Topic" value={values.topic} options={filters.topics.flatMap((t) => (t.slug ? [{ value: t.slug, label: t.title ?? t.slug }] : []))} />
      </FilterForm>

      <div className="mt-10 grid gap-10 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="results">
          <h2 id="results" className="text-2xl font-bold">
            {shown.total === 0 ? 'No trips match' : `${filtered ? 'Matching trips' : 'Trips'}: ${shown.first}–${shown.last} of ${shown.total}`}
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
