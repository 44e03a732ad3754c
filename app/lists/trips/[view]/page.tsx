import type { Metadata } from 'next'
import { TripsList, tripsMetadata } from '@/components/lists/TripsList'
import { viewFromSegment } from '@/lib/listViews'

type Params = { view: string }

/**
 * /trips with filters (/trips?…), served from here by proxy.ts (lib/listViews.ts): each
 * filtered view is rendered on its first request, then cached, and expired by the publish webhook
 * like the unfiltered list at app/trips/page.tsx.
 */
export const revalidate = 60

/** None at build time: only the views readers ask for are rendered. */
export async function generateStaticParams(): Promise<Params[]> {
  return []
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return tripsMetadata(viewFromSegment((await params).view))
}

export default async function FilteredTripsList({ params }: { params: Promise<Params> }) {
  return <TripsList view={viewFromSegment((await params).view)} />
}
