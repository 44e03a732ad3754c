import type { Metadata } from 'next'
import { HistoryBanner } from '@/components/HistoryBanner'
import { formerOfficials } from '@/lib/historyMode'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'
import { FactSheet } from '@/components/facts/FactSheet'
import { OfficialName } from '@/components/official/OfficialName'
import { RelatedLinks } from '@/components/RelatedLinks'
import { RichText } from '@/components/RichText'
import { SourceLine } from '@/components/SourceLine'
import { destinationText } from '@/components/trip/DestinationList'
import { LeadQuote } from '@/components/trip/LeadQuote'
import { Schedule } from '@/components/trip/Schedule'
import { StatusTag } from '@/components/trip/StatusTag'
import { JsonLd } from '@/components/JsonLd'
import { DestinationMap } from '@/components/map/DestinationMap'
import { readSiteUrl } from '@/lib/env'
import { tripEventLd } from '@/lib/jsonld'
import { destinationPoints } from '@/lib/map'
import { isPublished, sanityFetch } from '@/lib/sanity/client'
import { isKnownSlug, tripSlugParams } from '@/lib/sanity/staticParams'
import { formatDateRange, formatWashingtonDate, formatWashingtonDateTime, isoInstant } from '@/lib/time'
import { majorChanges, publicationLine, type PublicationLine } from '@/lib/timeliness'
import { blocksNotSaidElsewhere, comparableRichText } from '@/lib/repeats'
import { tripTimeZone } from '@/lib/trip'
import { tripStatus } from '@/lib/tripStatus'
import { TRIP_QUERY } from '@/sanity/queries'
import { pageTag } from '@/lib/revalidation/tags'

export const revalidate = 60

type Params = { slug: string }

export const generateStaticParams = tripSlugParams

/** `stega: false` for metadata (see sanityFetch); the page's own text stays click-to-edit. */
async function loadTrip(slug: string, stega: boolean) {
  if (!(await isKnownSlug('trip', slug))) return null
  return sanityFetch(TRIP_QUERY, { slug }, [pageTag('trip', slug)], { stega })
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params
  const trip = await loadTrip(slug, false)
  if (!trip) return { title: 'Trip not found' }
  const when = trip.startDate ? formatDateRange(trip.startDate, trip.endDate) : null
  const where = destinationText(trip.destinations)
  const withdrawn = trip.withdrawn?.at ? 'Withdrawn. ' : ''
  return {
    title: trip.withdrawn?.at ? `Withdrawn: ${trip.title ?? 'Trip'}` : (trip.title ?? 'Trip'),
    description: withdrawn + [where, when].filter(Boolean).join(', ') + '. Schedule, travelling officials and fact sheet.',
    alternates: {
      canonical: `/trips/${slug}`,
      types: { 'application/atom+xml': [{ url: '/feed.xml', title: 'Trips (Atom feed)' }] },
    },
    openGraph: { type: 'article', title: trip.title ?? 'Trip', url: `/trips/${slug}` },
  }
}

export default async function TripPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params
  const trip = await loadTrip(slug, true)
  if (!trip) notFound()

  const zone = tripTimeZone(trip.destinations)
  const places = destinationText(trip.destinations)
  const quote = trip.leadQuote
  const sections = trip.factSections ?? []
  const links = trip.relatedLinks ?? []
  const status = trip.startDate ? tripStatus({ startDate: trip.startDate, endDate: trip.endDate, timeZone: zone }, new Date()) : null
  const withdrawn = trip.withdrawn?.at ? trip.withdrawn : null
  const publication = publicationLine(trip, await isPublished(trip._id))
  const changes = majorChanges(trip.changeNotes)
  // History mode: travelling officials and meeting hosts/participants who have left office.
  const former = formerOfficials([...(trip.officials ?? []), ...(trip.meetings ?? []).flatMap((meeting) => [...(meeting.hosts ?? []), ...(meeting.participants ?? [])])])
  const points = destinationPoints(trip.destinations)
  const meetings = trip.meetings
  // The summary is often the meetings' descriptions run together: the schedule says them, once.
  const summary = blocksNotSaidElsewhere(
    trip.summary,
    meetings.map((meeting) => comparableRichText(meeting.description)),
  )
  const officials = trip.officials ?? []
  const contents = [
    { id: 'schedule', title: 'Schedule' },
    { id: 'where', title: 'Where' },
    ...(sections.length > 0 ? [{ id: 'fact-sheet', title: 'Fact sheet' }] : []),
    ...(links.length > 0 ? [{ id: 'related', title: 'Related links' }] : []),
    ...(changes.length > 0 ? [{ id: 'changes', title: 'Change history' }] : []),
    { id: 'about', title: 'About this page' },
  ]
  const site = readSiteUrl()

  return (
    <article className="mx-auto max-w-page px-4 py-5 sm:py-8">
      <JsonLd
        data={tripEventLd(site, {
          slug,
          title: trip.title,
          startDate: trip.startDate,
          endDate: trip.endDate,
          description: places ? `Official travel to ${places}.` : null,
          withdrawn: Boolean(withdrawn),
          destinations: trip.destinations ?? [],
          officials,
          meetings,
        })}
      />
      <nav aria-label="Breadcrumb" className="text-sm print:hidden">
        <Link href="/trips">Trips</Link> <span aria-hidden="true">›</span> <span className="text-neutral-dark">This trip</span>
      </nav>

      <div className="mt-3 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-x-10">
        <header className="pb-3 lg:col-start-1 lg:row-start-1">
          {withdrawn ? (
            <span className="inline-block rounded-sm bg-[#b50909] px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">Withdrawn</span>
          ) : (
            status && <StatusTag status={status} />
          )}
          <h1 className="mt-2 max-w-4xl text-2xl font-bold leading-tight tracking-tight sm:text-4xl">{trip.title}</h1>
          <p className="mt-2 font-semibold text-neutral-darker sm:text-lg">
            {trip.startDate && <time dateTime={trip.startDate}>{formatDateRange(trip.startDate, trip.endDate)}</time>}
            {places && <span> · {places}</span>}
          </p>
          {officials.length > 0 && (
            <p className="mt-1" data-testid="travelling-officials">
              <span className="font-semibold">Travelling:</span>{' '}
              {officials.map((official, index) => (
                <span key={official._id}>
                  {index > 0 && '; '}
                  <OfficialName official={official} />
                </span>
              ))}
            </p>
          )}
          <PublicationDates line={publication} hasChanges={changes.length > 0} />
          <HistoryBanner officials={former} />
          {withdrawn && (
            <section aria-labelledby="withdrawn-heading" className="mt-4 max-w-prose border-l-8 border-[#b50909] bg-[#f4e3db] px-4 py-3">
              <h2 id="withdrawn-heading" className="text-xl font-bold">
                This trip has been withdrawn
              </h2>
              {withdrawn.at && (
                <p className="text-sm">
                  Withdrawn <time dateTime={isoInstant(withdrawn.at)}>{formatWashingtonDate(withdrawn.at)}</time>
                </p>
              )}
              {withdrawn.explanation && <p className="mt-2 whitespace-pre-line">{withdrawn.explanation}</p>}
              <p className="mt-2 text-sm">The page is kept as it was announced, for the record.</p>
            </section>
          )}
          {!withdrawn && (status === 'upcoming' || status === 'underway') && (
            <p className="mt-4 max-w-prose border-l-8 border-accent-warm bg-accent-warm-lighter px-4 py-3">
              <strong>Subject to change.</strong> Dates, times and meetings of {status === 'upcoming' ? 'an upcoming' : 'a current'} trip may change; this page is updated when they do.
            </p>
          )}
        </header>

        {/* One contents list for every size: under the title on a phone, beside the page (and kept in view) on a desk. */}
        <nav aria-labelledby="on-this-page" className="border-y border-neutral-lighter py-2 lg:col-start-2 lg:row-span-3 lg:row-start-1 lg:border-y-0 lg:border-l lg:py-0 lg:pl-6 print:hidden">
          <div className="lg:sticky lg:top-4">
            <h2 id="on-this-page" className="text-sm font-bold uppercase tracking-wide text-neutral-dark lg:text-base lg:normal-case lg:tracking-normal lg:text-ink">
              On this page
            </h2>
            <ul className="mt-1 flex flex-wrap gap-x-4 lg:mt-2 lg:block lg:space-y-1">
              {contents.map((item) => (
                <li key={item.id}>
                  <a href={`#${item.id}`} className="inline-block py-0.5">
                    {item.title}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </nav>

        <div className="border-b border-neutral-lighter pt-3 pb-5 lg:col-start-1 lg:row-start-2 lg:pt-0">
          <RichText value={trip.purpose} className="max-w-prose sm:text-lg" />
          <RichText value={summary} className="mt-3 max-w-prose" />
          {quote?.text && (
            <div className="mt-4 max-w-prose">
              <LeadQuote quote={{ text: quote.text, date: quote.date, speakerName: quote.speakerName, speakerTitle: quote.speaker?.title ?? null }} compact />
            </div>
          )}
          <ul className="mt-4 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm print:hidden">
            <li>
              <Link
                href={`/trips/${slug}/briefing`}
                className="inline-block rounded-sm bg-primary px-3 py-1.5 font-semibold text-white no-underline visited:text-white hover:bg-primary-dark hover:text-white"
              >
                Briefing sheet (printable)
              </Link>
            </li>
            <li>
              <a href={`/trips/${slug}/calendar.ics`} type="text/calendar">
                Add to calendar (.ics)
              </a>
            </li>
            <li>
              <a href="/feed.xml" type="application/atom+xml">
                Trips feed (Atom)
              </a>
            </li>
          </ul>
        </div>

        <div className="min-w-0 max-w-3xl space-y-8 pt-6 lg:col-start-1 lg:row-start-3">
          <Section id="schedule" title="Schedule">
            {meetings.some((meeting) => meeting.startsAt) && <p className="mb-3 text-sm text-neutral-dark">Times are local to where each meeting takes place, with Washington time in brackets.</p>}
            <Schedule meetings={meetings} tripTimeZone={zone} tripIsPast={status === 'past'} introduced={officials.map((official) => official._id)} />
          </Section>

          <Section id="where" title="Where">
            <DestinationMap id="trip-map" title="Map of the trip’s destinations" points={points} listLabel="Destinations, in order of travel" />
          </Section>

          {sections.length > 0 && (
            <Section id="fact-sheet" title="Fact sheet">
              <FactSheet sections={sections} />
            </Section>
          )}

          {links.length > 0 && (
            <Section id="related" title="Related links">
              <RelatedLinks links={links} />
            </Section>
          )}

          {changes.length > 0 && (
            <Section id="changes" title="Change history">
              <ol className="space-y-3">
                {changes.map((change) => (
                  <li key={change._key} className="border-l-2 border-neutral-lighter pl-4">
                    <p className="text-sm font-semibold text-neutral-dark">
                      <time dateTime={isoInstant(change.date)}>{formatWashingtonDateTime(change.date)}</time>
                    </p>
                    <p className="whitespace-pre-line">{change.note}</p>
                  </li>
                ))}
              </ol>
            </Section>
          )}

          <section aria-labelledby="about" className="border-t border-neutral-lighter pt-4 text-sm">
            <h2 id="about" className="text-lg font-bold">
              About this page
            </h2>
            <SourceLine source={trip.source} statedAt={null} label="Source of the trip’s announcement" className="mt-1" />
            <p>Local time zone: {zone}</p>
          </section>
        </div>
      </div>
    </article>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  )
}

/** "Published … · Updated …" from the content's own dates; "Not published yet" for a previewed draft; nothing when unknown. */
function PublicationDates({ line, hasChanges }: { line: PublicationLine; hasChanges: boolean }) {
  if (line.kind === 'unpublished') {
    return (
      <p className="mt-2 text-sm font-semibold text-neutral-darker" data-testid="publication-line">
        Not published yet: this is a preview of a draft.
      </p>
    )
  }
  const { published, updated } = line
  if (!published && !updated) return null
  return (
    <p className="mt-2 text-sm text-neutral-darker" data-testid="publication-line">
      {published && (
        <span>
          Published <time dateTime={isoInstant(published)}>{formatWashingtonDate(published)}</time>
        </span>
      )}
      {published && updated && <span aria-hidden="true"> · </span>}
      {updated && (
        <span>
          Updated <time dateTime={isoInstant(updated)}>{formatWashingtonDate(updated)}</time>
          {hasChanges && (
            <>
              {' '}
              (<a href="#changes">see what changed</a>)
            </>
          )}
        </span>
      )}
    </p>
  )
}
