import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'
import { BriefingFacts } from '@/components/briefing/BriefingFacts'
import { BriefingSchedule } from '@/components/briefing/BriefingSchedule'
import { PrintControls } from '@/components/briefing/PrintControls'
import { FigureStat } from '@/components/facts/FigureStat'
import { RelatedLinks } from '@/components/RelatedLinks'
import { RichText } from '@/components/RichText'
import { LeadQuote } from '@/components/trip/LeadQuote'
import { readSiteUrl } from '@/lib/env'
import { sanityFetch } from '@/lib/sanity/client'
import { formatDateRange } from '@/lib/time'
import { tripTimeZone } from '@/lib/trip'
import { BRIEFING_QUERY, TRIP_SLUGS_QUERY } from '@/sanity/queries'

export const revalidate = 60

type Params = { slug: string }

export async function generateStaticParams(): Promise<Params[]> {
  const trips = await sanityFetch(TRIP_SLUGS_QUERY, {}, ['trip'])
  return trips.flatMap((trip) => (trip.slug ? [{ slug: trip.slug }] : []))
}

async function loadBriefing(slug: string) {
  return sanityFetch(BRIEFING_QUERY, { slug }, ['trip', `trip:${slug}`, 'meeting', 'factBullet', 'official', 'quote'])
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params
  const trip = await loadBriefing(slug)
  if (!trip) return { title: 'Briefing not found' }
  return {
    title: `Briefing sheet: ${trip.title ?? 'Trip'}`,
    description: `Printable one-to-two page briefing for ${trip.title ?? 'this trip'}: schedule, key figures and sourced facts.`,
    alternates: { canonical: `/trips/${slug}/briefing` },
  }
}

export default async function BriefingPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params
  const trip = await loadBriefing(slug)
  if (!trip) notFound()

  const zone = tripTimeZone(trip.destinations)
  const places = (trip.destinations ?? []).map((d) => [d.city, d.country].filter(Boolean).join(', ')).join('; ')
  const sections = trip.factSections ?? []
  const figures = sections.flatMap((s) => (s.bullets ?? []).flatMap((b) => (b.figure?.value ? [{ id: b._id, figure: b.figure }] : [])))
  const officials = (trip.officials ?? []).map((o) => [o.title, o.name].filter(Boolean).join(' ')).filter(Boolean)
  const links = trip.relatedLinks ?? []
  const webAddress = `${readSiteUrl()}/trips/${slug}`

  return (
    <div className="bg-neutral-lightest px-2 py-6 print:bg-white print:p-0">
      <div className="mx-auto mb-4 flex max-w-[8.5in] flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/trips/${slug}`}>← Back to the trip page</Link>
        <PrintControls />
      </div>

      <article className="briefing-sheet mx-auto max-w-[8.5in] bg-white p-[0.5in] text-[0.8125rem] leading-[1.3] shadow-md print:leading-[1.25] print:max-w-none print:p-0 print:text-[1em] print:shadow-none">
        <header className="border-b-2 border-primary-darker pb-2">
          <p className="text-[0.8em] font-semibold uppercase tracking-widest text-neutral-dark">Briefing sheet</p>
          <h1 className="mt-0.5 text-[1.6em] font-bold leading-tight">{trip.title}</h1>
          <p className="mt-1 font-semibold">
            {trip.startDate && formatDateRange(trip.startDate, trip.endDate)}
            {places && ` · ${places}`}
            {trip.meetings.some((m) => m.startsAt) && ` · Local times (${zone})`}
          </p>
          {officials.length > 0 && <p>Travelling: {officials.join('; ')}</p>}
        </header>

        {figures.length > 0 && (
          <section aria-labelledby="b-figures" className="mt-3">
            <h2 id="b-figures" className="sr-only">
              Key figures
            </h2>
            <div className="grid grid-cols-2 gap-1.5 sm:grid-cols-4 print:grid-cols-4">
              {figures.map(({ id, figure }) => (
                <FigureStat key={id} figure={figure} compact />
              ))}
            </div>
          </section>
        )}

        <div className="mt-3 gap-6 sm:columns-2 print:columns-2 [column-rule:1px_solid_var(--color-neutral-lighter)]">
          {trip.leadQuote?.text && (
            <div className="mb-3">
              <LeadQuote quote={trip.leadQuote} compact />
            </div>
          )}
          <Block title="Purpose">
            <RichText value={trip.purpose} />
            <RichText value={trip.summary} className="mt-2" />
          </Block>
          <Block title="Schedule">
            <BriefingSchedule meetings={trip.meetings} tripTimeZone={zone} />
          </Block>
          {sections.length > 0 && (
            <Block title="Facts">
              <BriefingFacts sections={sections} />
            </Block>
          )}
          {links.length > 0 && (
            <Block title="Related links">
              <RelatedLinks links={links} />
            </Block>
          )}
        </div>

        <footer className="mt-3 border-t border-neutral-light pt-1 text-[0.8em] text-neutral-dark">
          {trip.source?.title && <span>Issued by {trip.source.title}. </span>}
          Full page with sources: {webAddress}
        </footer>
      </article>
    </div>
  )
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-3">
      <h2 className="mb-1 break-after-avoid border-b border-neutral-lighter text-[1.05em] font-bold uppercase tracking-wide text-primary-darker">
        {title}
      </h2>
      {children}
    </section>
  )
}
