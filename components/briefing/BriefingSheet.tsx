import type { ReactNode } from 'react'
import { RichText } from '@/components/RichText'
import { LeadQuote } from '@/components/trip/LeadQuote'
import type { LoadedBriefing } from '@/lib/briefing/load'
import { formatDate, formatDateRange, zoneAbbreviation } from '@/lib/time'
import { tripTimeZone } from '@/lib/trip'
import { tripStatus } from '@/lib/tripStatus'
import { BriefingFacts } from './BriefingFacts'
import { BriefingParticipants, collectParticipants } from './BriefingParticipants'
import { BriefingSchedule, WASHINGTON_TIME_ZONE } from './BriefingSchedule'
import { BriefingSources, collectSources, numberSources, SourceMarker } from './BriefingSources'
import { KeyFigures } from './KeyFigures'
import { QrCode } from './QrCode'
import './briefing.css'

const preparedDate = new Intl.DateTimeFormat('en-US', { timeZone: WASHINGTON_TIME_ZONE, month: 'long', day: 'numeric', year: 'numeric' })
const preparedTime = new Intl.DateTimeFormat('en-US', { timeZone: WASHINGTON_TIME_ZONE, hour: 'numeric', minute: '2-digit' })

/** "Prepared March 15, 2021, 10:02 AM EDT · version 3": Washington time, where staff print it. */
export function preparedStamp(preparedAt: string, version: number | null): string {
  const date = new Date(preparedAt)
  // Formatted in two parts: ICU versions differ on joining date and time ("," or " at ").
  const when = `${preparedDate.format(date)}, ${preparedTime.format(date)} ${zoneAbbreviation(date, WASHINGTON_TIME_ZONE)}`
  return `Prepared ${when}${version ? ` · version ${version}` : ''}`
}

/**
 * One briefing sheet: a whole trip, or one engagement of it (`meetingId`). The same markup serves
 * the HTML page, its PDF and each chapter of a briefing book (`nested`: headings one level down).
 */
export async function BriefingSheet({ loaded, liveUrl, meetingId, nested = false, id }: { loaded: LoadedBriefing; liveUrl: string; meetingId?: string; nested?: boolean; id?: string }) {
  const { trip } = loaded
  const meeting = meetingId ? trip.meetings.find((m) => m._id === meetingId) : undefined
  const meetings = meeting ? [meeting] : trip.meetings
  const zone = tripTimeZone(trip.destinations)
  // Past as of when the sheet was prepared: a printed sheet speaks for that moment.
  const tripIsPast = trip.startDate ? tripStatus({ startDate: trip.startDate, endDate: trip.endDate, timeZone: zone }, new Date(loaded.preparedAt)) === 'past' : false
  const places = (trip.destinations ?? []).map((d) => [d.city, d.country].filter(Boolean).join(', ')).join('; ')
  const hostCountries = (trip.destinations ?? []).flatMap((d) => (d.country ? [d.country] : []))
  const sections = trip.factSections ?? []
  const bullets = sections.flatMap((s) => s.bullets ?? [])
  const people = meeting ? collectParticipants([meeting.hosts, meeting.participants]) : collectParticipants([trip.officials, ...trip.meetings.flatMap((m) => [m.hosts, m.participants])])
  const sources = collectSources(trip, meetings)
  const sourceNumbers = numberSources(sources, id ?? 'sheet')
  const Title = nested ? 'h2' : 'h1'
  const level = nested ? 3 : 2
  const sub = nested ? 4 : 3

  const when = meeting
    ? meeting.date
      ? formatDate(meeting.date)
      : `During the trip, ${trip.startDate ? formatDateRange(trip.startDate, trip.endDate) : 'dates to be announced'}`
    : trip.startDate
      ? formatDateRange(trip.startDate, trip.endDate)
      : 'Dates to be announced'
  const where = meeting ? [meeting.venue, meeting.city].filter(Boolean).join(', ') || places : places

  return (
    <article
      id={id}
      aria-labelledby={`${id ?? 'sheet'}-title`}
      className="briefing-sheet mx-auto max-w-[8.5in] bg-white p-[0.5in] text-[0.8125rem] leading-[1.3] shadow-md print:max-w-none print:p-0 print:text-[1em] print:leading-[1.15] print:shadow-none"
    >
      <header className="flex items-start justify-between gap-4 border-b-2 border-primary-darker pb-2">
        <div>
          <p className="text-[0.8em] font-semibold uppercase tracking-widest text-neutral-dark">{meeting ? 'Engagement briefing' : 'Briefing sheet'}</p>
          <Title id={`${id ?? 'sheet'}-title`} className="mt-0.5 text-[1.6em] font-bold leading-tight">
            {meeting ? meeting.title : trip.title}
          </Title>
          {meeting && <p className="text-[0.9em]">Part of: {trip.title}</p>}
          <p className="mt-1 font-semibold">
            {when}
            {where && ` · ${where}`}
            {meetings.some((m) => m.startsAt) && ` · Local times (${zone}) and Washington`}
          </p>
          <p className="mt-0.5 text-[0.85em] text-neutral-dark" data-testid="prepared-stamp">
            {preparedStamp(loaded.preparedAt, loaded.version)}
          </p>
        </div>
        <QrCode url={liveUrl} />
      </header>

      <BriefingParticipants people={people} hostCountries={hostCountries} headingLevel={level} />
      <KeyFigures bullets={bullets} reference={trip.startDate} maxAgeMonths={trip.factMaxAgeMonths} headingLevel={level} sourceNumbers={sourceNumbers} />

      {/* One column on screen, where a reader scrolls; two on paper, which keeps the sheet to two pages. */}
      <div className="mt-3 gap-6 print:mt-2 print:columns-2 print:[column-rule:1px_solid_var(--color-neutral-lighter)]">
        {!meeting && trip.leadQuote?.text && (
          <div className="mb-3">
            <LeadQuote quote={trip.leadQuote} compact />
            {trip.quoteSource?.title && (
              <p className="text-[0.85em] italic text-neutral-dark">
                Quote: {trip.quoteSource.title}
                <SourceMarker source={trip.quoteSource} numbers={sourceNumbers} />.
              </p>
            )}
          </div>
        )}
        {meeting ? (
          (meeting.description || meeting.agenda) && (
            <Block title="About" level={level}>
              <RichText value={meeting.description} />
              {meeting.agenda && meeting.agenda.length > 0 && (
                <ul className="mt-2 list-disc pl-4">
                  {meeting.agenda.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              )}
            </Block>
          )
        ) : (
          <Block title="Purpose" level={level}>
            <RichText value={trip.purpose} />
            <RichText value={trip.summary} className="mt-2" />
            {trip.source?.title && (
              <p className="mt-1 text-[0.85em] italic text-neutral-dark">
                Announced by {trip.source.title}
                <SourceMarker source={trip.source} numbers={sourceNumbers} />.
              </p>
            )}
          </Block>
        )}
        <Block title="Schedule" level={level}>
          <BriefingSchedule meetings={meetings} tripTimeZone={zone} headingLevel={sub === 3 ? 3 : 4} tripIsPast={tripIsPast} />
        </Block>
        {sections.length > 0 && (
          <Block title="Facts" level={level}>
            <BriefingFacts sections={sections} headingLevel={sub === 3 ? 3 : 4} sourceNumbers={sourceNumbers} />
          </Block>
        )}
      </div>

      <BriefingSources sources={sources} headingLevel={level} sourceNumbers={sourceNumbers} />

      <footer className="mt-1 text-[0.8em] text-neutral-dark">
        {trip.source?.title && <span>Issued by {trip.source.title}. </span>}
        Live page:{' '}
        <a href={liveUrl} className="no-print-url">
          {liveUrl}
        </a>
      </footer>
    </article>
  )
}

function Block({ title, level, children }: { title: string; level: 2 | 3; children: ReactNode }) {
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <section className="mb-3">
      <Heading className="mb-1 border-b border-neutral-lighter text-[1.05em] font-bold uppercase tracking-wide text-primary-darker">{title}</Heading>
      {children}
    </section>
  )
}
