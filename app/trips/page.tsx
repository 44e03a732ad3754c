import type { Metadata } from 'next'
import { TripsList, tripsMetadata } from '@/components/lists/TripsList'
import { ALL } from '@/lib/listViews'

/** The unfiltered list: prerendered, ISR, expired by the publish webhook (filtered views: proxy.ts). */
export const revalidate = 60

export function generateMetadata(): Metadata {
  return tripsMetadata(ALL)
}

export default function TripsListPage() {
  return <TripsList view={ALL} />
}
