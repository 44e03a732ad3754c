import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'
import { FactSectionView } from '@/components/facts/FactSectionView'
import { RelatedLinks } from '@/components/RelatedLinks'
import { RichText } from '@/components/RichText'
import { SourceLine } from '@/components/SourceLine'
import { destinationText } from '@/components/trip/DestinationList'
import { LeadQuote } from '@/components/trip/LeadQuote'
import { Schedule } from '@/components/trip/Schedule'
import { StatusTag } from '@/components/trip/StatusTag'
import { TravellingOfficials } from '@/components/trip/TravellingOfficials'
import { sanityFetch } from '@/lib/sanity/client'
import { formatDateRange } from '@/lib/time'
import { tripTimeZone } from '@/lib/trip'
import { tripStatus } from '@/lib/tripStatus'
import { TRIP_QUERY, TRIP_SLUGS_QUERY } from '@/sanity/queries'

export const revalidate = 60

type Params = { slug: string }

export async function generateStaticParams(): Promise<Params[]> {
  const trips = await sanityFetch(TRIP_SLUGS_QUERY, {}, ['trip'])
  return trips.flatMap((trip) => (trip.slug ? [{ slug: trip.slug }] : []))
}

async function loadTrip(slug: string) {
  return sanityFetch(TRIP_QUERY, { slug }, ['trip', `trip:${slug}`, 'meeting', 'factBullet', 'official', 'quote'])
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params
  const trip = await loadTrip(slug)
  if (!trip) return { title: 'Trip not found' }
  const when = trip.startDate ? formatDateRange(trip.startDate, trip.endDate) : null
  const where = destinationText(trip.destinations)
  return {
    title: trip.title ?? 'Trip',
    description: [where, when].filter(Boolean).join(', ') + '. Schedule, travelling officials and fact sheet.',
    alternates: { canonical: `/trips/${slug}` },
  }
}

export default async function TripPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params
  const trip = await loadTrip(slug)
  if (!trip) notFound()

  const zone = tripTimeZone(trip.destinations)
  const places = destinationText(trip.destinations)
  const quote = trip.leadQuote
  const sections = trip.factSections ?? []
  const links = trip.relatedLinks ?? []
  const contents = [
    { id: 'purpose', title: 'Purpose' },
    { id: 'schedule', title: 'Schedule' },
    ...(sections.length > 0 ? [{ id: 'fact-sheet', title: 'Fact sheet' }] : []),
    ...(links.length > 0 ? [{ id: 'related', title: 'Related links' }] : []),
    { id: 'officials', title: 'Travelling officials' },
  ]

  return (
    <article className="mx-auto max-w-page px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/">Trips</Link> <span aria-hidden="true">›</span> <span className="text-neutral-dark">This trip</span>
      </nav>

      <header className="mt-4 border-b border-neutral-lighter pb-6">
        {trip.startDate && <StatusTag status={tripStatus({ startDate: trip.startDate, endDate: trip.endDate, timeZone: zone }, new Date())} />}
        <h1 className="mt-2 max-w-4xl text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{trip.title}</h1>
        <p className="mt-3 text-lg text-neutral-darker">
          {trip.startDate && <time dateTime={trip.startDate}>{formatDateRange(trip.startDate, trip.endDate)}</time>}
          {places && <span> · {places}</span>}
        </p>
        <p className="mt-4">
          <Link
            href={`/trips/${slug}/briefing`}
            className="inline-block rounded-sm bg-primary px-4 py-2 font-semibold text-white no-underline visited:text-white hover:bg-primary-dark hover:text-white"
          >
            Briefing sheet (printable)
          </Link>
        </p>
      </header>

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-12">
          {quote?.text && (
            <LeadQuote quote={{ text: quote.text, date: quote.date, speakerName: quote.speakerName, speakerTitle: quote.speaker?.title ?? null }} />
          )}

          <Section id="purpose" title="Purpose">
            <RichText value={trip.purpose} className="max-w-prose text-lg leading-relaxed" />
            <RichText value={trip.summary} className="mt-4 max-w-prose leading-relaxed" />
          </Section>

          <Section id="schedule" title="Schedule">
            {trip.meetings.some((meeting) => meeting.startsAt) && (
              <p className="mb-4 text-sm text-neutral-dark">Times are local to where each meeting takes place.</p>
            )}
            <Schedule meetings={trip.meetings} tripTimeZone={zone} />
          </Section>

          {sections.length > 0 && (
            <Section id="fact-sheet" title="Fact sheet">
              {sections.map((section) => (
                <FactSectionView key={section._key} section={section} />
              ))}
            </Section>
          )}

          {links.length > 0 && (
            <Section id="related" title="Related links">
              <RelatedLinks links={links} />
            </Section>
          )}
        </div>

        <aside aria-label="Trip details" className="order-first space-y-8 lg:order-last lg:border-l lg:border-neutral-lighter lg:pl-8">
          <nav aria-labelledby="on-this-page" className="hidden lg:block">
            <h2 id="on-this-page" className="text-lg font-bold">
              On this page
            </h2>
            <ul className="mt-2 space-y-1">
              {contents.map((item) => (
                <li key={item.id}>
                  <a href={`#${item.id}`}>{item.title}</a>
                </li>
              ))}
            </ul>
          </nav>
          <section aria-labelledby="officials">
            <h2 id="officials" className="text-lg font-bold">
              Travelling officials
            </h2>
            <div className="mt-3">
              <TravellingOfficials officials={trip.officials ?? []} />
            </div>
          </section>
          <section aria-labelledby="details" className="text-sm">
            <h2 id="details" className="text-lg font-bold">
              About this page
            </h2>
            <dl className="mt-3 space-y-2">
              <Detail term="Local time zone">{zone}</Detail>
            </dl>
            <SourceLine source={trip.source} asOf={null} className="mt-2" />
          </section>
        </aside>
      </div>
    </article>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-4 text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  )
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-semibold">{term}</dt>
      <dd className="text-neutral-darker">{children}</dd>
    </div>
  )
}
