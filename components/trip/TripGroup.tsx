import { TripCard } from './TripCard'
import type { TripCardData } from '@/lib/sanity/types'

/** A labelled group of trips on the home page; says so plainly when the group is empty. */
export function TripGroup({ id, title, trips, empty }: { id: string; title: string; trips: readonly TripCardData[]; empty: string }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-2xl font-bold">
        {title} <span className="text-base font-normal text-neutral-dark">({trips.length})</span>
      </h2>
      {trips.length === 0 ? (
        <p className="mt-3 text-neutral-dark">{empty}</p>
      ) : (
        <div className="mt-3">
          {trips.map((trip) => (
            <TripCard key={trip._id} trip={trip} />
          ))}
        </div>
      )}
    </section>
  )
}
