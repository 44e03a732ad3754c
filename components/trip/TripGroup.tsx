import { TripCard } from './TripCard'
import type { TripCardData } from '@/lib/sanity/types'

/** A labelled group of trips on the home page. The page shows a group only when it has trips. */
export function TripGroup({ id, title, trips }: { id: string; title: string; trips: readonly TripCardData[] }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-2xl font-bold">
        {title} <span className="text-base font-normal text-neutral-dark">({trips.length})</span>
      </h2>
      <div className="mt-3">
        {trips.map((trip) => (
          <TripCard key={trip._id} trip={trip} />
        ))}
      </div>
    </section>
  )
}
