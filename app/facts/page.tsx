import type { Metadata } from 'next'
import { FactsList, factsMetadata } from '@/components/lists/FactsList'
import { ALL } from '@/lib/listViews'

/** The unfiltered list: prerendered, ISR, expired by the publish webhook (filtered views: proxy.ts). */
export const revalidate = 60

export function generateMetadata(): Metadata {
  return factsMetadata(ALL)
}

export default function FactsListPage() {
  return <FactsList view={ALL} />
}
