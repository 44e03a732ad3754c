import type { Metadata } from 'next'
import { FactsList, factsMetadata } from '@/components/lists/FactsList'
import { viewFromSegment } from '@/lib/listViews'

type Params = { view: string }

/**
 * /facts with filters (/facts?…), served from here by proxy.ts (lib/listViews.ts): each
 * filtered view is rendered on its first request, then cached, and expired by the publish webhook
 * like the unfiltered list at app/facts/page.tsx.
 */
export const revalidate = 60

/** None at build time: only the views readers ask for are rendered. */
export async function generateStaticParams(): Promise<Params[]> {
  return []
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return factsMetadata(viewFromSegment((await params).view))
}

export default async function FilteredFactsList({ params }: { params: Promise<Params> }) {
  return <FactsList view={viewFromSegment((await params).view)} />
}
