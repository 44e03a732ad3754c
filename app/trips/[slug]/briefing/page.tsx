import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { BriefingSheet } from '@/components/briefing/BriefingSheet'
import { PrintControls } from '@/components/briefing/PrintControls'
import { RunningTitle } from '@/components/briefing/RunningTitle'
import { loadBriefing } from '@/lib/briefing/load'
import { readSiteUrl } from '@/lib/env'
import { tripSlugParams } from '@/lib/sanity/staticParams'

/**
 * Served from the ISR cache like the trip page; every publish of a document on the sheet expires
 * it at once (lib/briefing/load.ts), so a printed sheet carries the current version number.
 */
export const revalidate = 60

export const generateStaticParams = tripSlugParams

type Params = { slug: string }

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params
  const loaded = await loadBriefing(slug, { stega: false })
  if (!loaded) return { title: 'Briefing not found' }
  const title = loaded.trip.title ?? 'Trip'
  return {
    title: `Briefing sheet: ${title}`,
    description: `Printable one-to-two page briefing for ${title}: participants, schedule, key figures and sourced facts.`,
    alternates: { canonical: `/trips/${slug}/briefing` },
  }
}

export default async function BriefingPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params
  const loaded = await loadBriefing(slug)
  if (!loaded) notFound()

  return (
    <div className="bg-neutral-lightest px-2 py-6 print:bg-white print:p-0">
      <RunningTitle text={`Briefing sheet: ${loaded.trip.title ?? 'Trip'}`} />
      <div className="mx-auto mb-4 flex max-w-[8.5in] flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/trips/${slug}`}>← Back to the trip page</Link>
        <div className="flex flex-wrap items-center gap-3">
          <a href={`/trips/${slug}/briefing.pdf`}>Download PDF</a>
          <Link href={`/briefing-book?trips=${encodeURIComponent(slug)}`}>Add to a briefing book</Link>
          <PrintControls />
        </div>
      </div>
      <BriefingSheet loaded={loaded} liveUrl={`${readSiteUrl()}/trips/${slug}`} />
      {loaded.trip.meetings.length > 1 && (
        <nav aria-labelledby="engagement-sheets" className="mx-auto mt-4 max-w-[8.5in] print:hidden">
          <h2 id="engagement-sheets" className="font-bold">
            A sheet for each engagement
          </h2>
          <p className="text-sm text-neutral-dark">The same briefing narrowed to one engagement: its participants, schedule and description, with the trip’s facts.</p>
          <ul className="mt-1 list-disc pl-6">
            {loaded.trip.meetings.map((m) => (
              <li key={m._id}>
                <Link href={`/trips/${slug}/briefing/${m._id}`}>Briefing sheet: {m.title}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  )
}
