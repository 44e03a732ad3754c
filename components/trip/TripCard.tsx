import Link from 'next/link'
import { formatDateRange } from '@/lib/time'
import { destinationText } from './DestinationList'
import type { TripCardData } from '@/lib/sanity/types'

/** One trip in a home-page list: the title links to the trip, the rest is context. */
export function TripCard({ trip, headingLevel = 3 }: { trip: TripCardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const places = destinationText(trip.destinations)
  const officials = (trip.officials ?? []).map((o) => [o.title, o.name].filter(Boolean).join(' ')).filter(Boolean)
  return (
    <article className="border-t border-neutral-lighter py-5">
      <p className="text-sm font-semibold text-neutral-dark">
        {trip.startDate && <time dateTime={trip.startDate}>{formatDateRange(trip.startDate, trip.endDate)}</time>}
        {places && <span> · {places}</span>}
      </p>
      {trip.withdrawn && (
        <p className="mt-1">
          <span className="inline-block rounded-sm bg-[#b50909] px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">Withdrawn</span>
        </p>
      )}
      <Heading className="mt-1 text-xl font-bold leading-snug">{trip.slug ? <Link href={`/trips/${trip.slug}`}>{trip.title ?? 'Untitled trip'}</Link> : trip.title}</Heading>
      {officials.length > 0 && <p className="mt-1 text-neutral-darker">{officials.join('; ')}</p>}
      {trip.purposeText && <p className="mt-2 line-clamp-3 max-w-prose text-neutral-darker">{trip.purposeText}</p>}
    </article>
  )
}
