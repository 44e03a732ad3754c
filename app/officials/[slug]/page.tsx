import type { Metadata } from 'next'
import { HistoryBanner } from '@/components/HistoryBanner'
import { formerOfficials } from '@/lib/historyMode'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { MeetingTime } from '@/components/trip/MeetingTime'
import { meetingKindLabels, meetingFormatLabels } from '@/lib/labels'
import { sanityFetch } from '@/lib/sanity/client'
import { isKnownSlug, officialSlugParams } from '@/lib/sanity/staticParams'
import { formatDate, formatDateRange } from '@/lib/time'
import { UNDATED_PAST_MEETING, UNSCHEDULED_HEADING } from '@/lib/schedule'
import { tripStatus } from '@/lib/tripStatus'
import { OFFICIAL_QUERY } from '@/sanity/queries'
import type { OFFICIAL_QUERY_RESULT } from '@/sanity.types'
import { destinationText } from '@/components/trip/DestinationList'
import { JsonLd } from '@/components/JsonLd'
import { readSiteUrl } from '@/lib/env'
import { imageUrl } from '@/lib/image'
import { personLd } from '@/lib/jsonld'
import { pageTag } from '@/lib/revalidation/tags'

export const revalidate = 60

type Params = { slug: string }

export const generateStaticParams = officialSlugParams

/** `stega: false` for metadata (see sanityFetch). */
async function loadOfficial(slug: string, stega: boolean) {
  if (!(await isKnownSlug('official', slug))) return null
  return sanityFetch(OFFICIAL_QUERY, { slug }, [pageTag('official', slug)], { stega })
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params
  const official = await loadOfficial(slug, false)
  if (!official) return { title: 'Official not found' }
  const role = [official.title, official.organization].filter(Boolean).join(', ')
  return {
    title: official.name ?? 'Official',
    description: `${official.name ?? 'This official'}${role ? `, ${role}` : ''}: trips and meetings.`,
    alternates: {
      canonical: `/officials/${slug}`,
      types: {
        'application/atom+xml': [
          {
            url: `/officials/${slug}/feed.xml`,
            title: `${official.name ?? 'Official'}: trips (Atom feed)`,
          },
        ],
      },
    },
  }
}

export default async function OfficialPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params
  const official = await loadOfficial(slug, true)
  if (!official) notFound()
  const portrait = imageUrl(official.portrait, 320, 400)
  // Each trip once, with this official's meetings on it beneath (the query sorts them newest trip first).
  const tripIds = new Set(official.trips.map((trip) => trip._id))
  const meetingsByTrip = new Map<string, OfficialMeeting[]>()
  for (const meeting of official.meetings) {
    if (meeting.trip && tripIds.has(meeting.trip._id)) meetingsByTrip.set(meeting.trip._id, [...(meetingsByTrip.get(meeting.trip._id) ?? []), meeting])
  }
  const loose = official.meetings.filter((meeting) => !meeting.trip || !tripIds.has(meeting.trip._id))

  return (
    <div className="mx-auto max-w-page px-4 py-8">
      <JsonLd data={personLd(readSiteUrl(), { ...official, image: portrait })} />
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/officials">Officials</Link> <span aria-hidden="true">›</span> <span className="text-neutral-dark">{official.name}</span>
      </nav>
      <header className="mt-4 flex flex-wrap items-start gap-6 border-b border-neutral-lighter pb-6">
        {portrait && (
          // eslint-disable-next-line @next/next/no-img-element -- already sized by the image pipeline
          <img src={portrait} alt={official.portrait?.alt ?? ''} width={160} height={200} className="h-50 w-40 rounded-sm object-cover" />
        )}
        <div>
          <h1 className="text-4xl font-bold tracking-tight">{official.name}</h1>
          {official.title && <p className="mt-2 text-xl text-neutral-darker">{official.title}</p>}
          {(official.organization || official.country?.name) && <p className="text-neutral-dark">{[official.organization, official.country?.name].filter(Boolean).join(', ')}</p>}
          <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm print:hidden">
            <li>
              <a href={`/officials/${slug}/calendar.ics`} type="text/calendar">
                Calendar of trips and meetings (.ics)
              </a>
            </li>
            <li>
              <a href={`/officials/${slug}/feed.xml`} type="application/atom+xml">
                Trips feed (Atom)
              </a>
            </li>
          </ul>
          <HistoryBanner officials={formerOfficials([official])} />
        </div>
      </header>

      <div className="mt-8 max-w-3xl">
        <div className="space-y-10">
          {official.bio && (
            <section aria-labelledby="bio">
              <h2 id="bio" className="text-2xl font-bold">
                Biography
              </h2>
              <p className="mt-3 max-w-prose whitespace-pre-line leading-relaxed">{official.bio}</p>
            </section>
          )}
          {official.quotes.length > 0 && (
            <section aria-labelledby="quotes">
              <h2 id="quotes" className="text-2xl font-bold">
                Quotes
              </h2>
              <div className="mt-3 space-y-4">
                {official.quotes.map((quote) => (
                  <figure key={quote._id} className="border-l-4 border-primary pl-4">
                    <blockquote className="font-serif text-lg leading-relaxed">
                      <p>“{quote.text}”</p>
                    </blockquote>
                    <figcaption className="mt-1 text-sm text-neutral-darker">
                      <time dateTime={quote.date}>{formatDate(quote.date)}</time>
                      {quote.source?.title && <>, {quote.source.url ? <a href={quote.source.url}>{quote.source.title}</a> : quote.source.title}</>}
                    </figcaption>
                  </figure>
                ))}
              </div>
            </section>
          )}
          <section aria-labelledby="trips">
            <h2 id="trips" className="text-2xl font-bold">
              Trips and meetings
            </h2>
            {official.trips.length === 0 && loose.length === 0 ? (
              <p className="mt-3 text-neutral-dark">No trips yet.</p>
            ) : (
              <ul className="mt-3">
                {official.trips.map((trip) => (
                  <li key={trip._id} className="border-t border-neutral-lighter py-4">
                    <h3 className="text-lg font-bold">{trip.slug ? <Link href={`/trips/${trip.slug}`}>{trip.title}</Link> : trip.title}</h3>
                    <p className="text-sm text-neutral-dark">
                      {[
                        trip.startDate ? formatDateRange(trip.startDate, trip.endDate) : null,
                        destinationText(trip.destinations) || null,
                        trip.travelling ? 'Travelling official' : 'Meets the delegation',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                    <MeetingList meetings={meetingsByTrip.get(trip._id) ?? []} label={`Meetings on ${trip.title}`} />
                  </li>
                ))}
                {loose.length > 0 && (
                  <li className="border-t border-neutral-lighter py-4">
                    <h3 className="text-lg font-bold">Other meetings</h3>
                    <MeetingList meetings={loose} label="Other meetings" />
                  </li>
                )}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  )
}

type OfficialMeeting = NonNullable<OFFICIAL_QUERY_RESULT>['meetings'][number]

/** The official's meetings on one trip: date (or why there is none), time, role, kind and format. */
function MeetingList({ meetings, label }: { meetings: readonly OfficialMeeting[]; label: string }) {
  if (meetings.length === 0) return null
  return (
    <ul aria-label={label} className="mt-2 space-y-2 border-l-4 border-primary-lighter pl-4">
      {meetings.map((meeting) => {
        const zone = meeting.timeZone ?? meeting.trip?.timeZone ?? 'UTC'
        const tripIsPast = meeting.trip?.startDate
          ? tripStatus(
              {
                startDate: meeting.trip.startDate,
                endDate: meeting.trip.endDate,
                timeZone: meeting.trip.timeZone,
              },
              new Date(),
            ) === 'past'
          : false
        const tags = [meeting.role === 'host' ? 'Host' : 'Participant', meeting.kind ? meetingKindLabels[meeting.kind] : null, meeting.format ? meetingFormatLabels[meeting.format] : null].filter(
          Boolean,
        )
        return (
          <li key={meeting._id}>
            <p className="font-semibold">{meeting.title}</p>
            <p className="text-sm text-neutral-dark">
              {meeting.date ? <time dateTime={meeting.date}>{formatDate(meeting.date)}</time> : tripIsPast ? UNDATED_PAST_MEETING : UNSCHEDULED_HEADING}
              {meeting.startsAt && ', '}
              <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={zone} showWashington meetingId={meeting._id} />
              {' · '}
              {tags.join(' · ')}
            </p>
          </li>
        )
      })}
    </ul>
  )
}
