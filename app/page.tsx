import type { Metadata } from 'next'
import { TripGroup } from '@/components/trip/TripGroup'
import { sanityFetch } from '@/lib/sanity/client'
import { tripTimeZone } from '@/lib/trip'
import { groupTripsByStatus } from '@/lib/tripStatus'
import { HOME_QUERY } from '@/sanity/queries'
import { listTag } from '@/lib/revalidation/tags'

// Static with ISR: regenerated at most every minute, which also moves trips between groups.
export const revalidate = 60

export const metadata: Metadata = {
  title: { absolute: 'Official travel: trips, meetings and fact sheets' },
  description: 'Upcoming, current and past official trips, with their meetings, the officials who travel, and sourced fact sheets.',
}

export default async function HomePage() {
  const trips = await sanityFetch(HOME_QUERY, {}, ['trip', 'country'].map(listTag))
  const groups = groupTripsByStatus(
    trips.map((trip) => ({ ...trip, timeZone: tripTimeZone(trip.destinations) })),
    new Date(),
  )
  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <h1 className="text-4xl font-bold tracking-tight">Official travel</h1>
      <p className="mt-3 max-w-prose text-lg text-neutral-darker">
        Trips by government officials: where they go, whom they meet, and the facts behind each visit, with a source and date for every figure.
      </p>
      {/* Only groups with trips: an empty "Under way" over the page's one past trip is noise. */}
      {groups.underway.length > 0 && <TripGroup id="trips-underway" title="Under way" trips={groups.underway} />}
      {groups.upcoming.length > 0 && <TripGroup id="trips-upcoming" title="Upcoming" trips={groups.upcoming} />}
      {groups.past.length > 0 && <TripGroup id="trips-past" title="Past" trips={groups.past} />}
      {trips.length === 0 && <p className="mt-10 text-neutral-dark">No trips have been published yet.</p>}
    </div>
  )
}
