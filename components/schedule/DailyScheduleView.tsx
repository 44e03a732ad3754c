import Link from 'next/link'
import { coverageLine, dailySchedule, engagementTimeZone, neighbouringDates, travelLine, type ScheduleOfficial } from '@/lib/dailySchedule'
import { meetingKindLabels } from '@/lib/labels'
import { formatDate, formatDayHeading, formatLocalTimeRange, formatWashingtonTime, isoInstant, WASHINGTON_TIME_ZONE, type IsoDate } from '@/lib/time'
import type { DAILY_SCHEDULE_QUERY_RESULT } from '@/sanity.types'

export const SUBJECT_TO_CHANGE = 'THE DAILY PUBLIC SCHEDULE IS SUBJECT TO CHANGE'

type Day = DAILY_SCHEDULE_QUERY_RESULT
type Engagement = Day['engagements'][number]

/**
 * One day of the daily public schedule: the subject-to-change heading, then one section per
 * official (in order of precedence) with their travel line and a table of their engagements.
 * Server-rendered only; printing needs no script (globals.css hides the site chrome in print).
 */
export function DailyScheduleView({ date, day, dates, today = false }: { date: IsoDate; day: Day | null; dates: readonly string[]; today?: boolean }) {
  const officials = day ? dailySchedule(day.engagements, day.trips) : []
  const { previous, next } = neighbouringDates(dates, date)
  return (
    <div className="daily-schedule mx-auto max-w-page px-4 py-8">
      <p className="text-sm font-semibold uppercase tracking-wide text-neutral-dark">Daily public schedule{today ? ' · Today in Washington' : ''}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">
        <time dateTime={date}>{formatDayHeading(date)}</time>
      </h1>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm print:hidden">
        {/* Only a day with engagements has a calendar: any other date's address is a 404. */}
        {day && day.engagements.length > 0 && (
          <li>
            <a href={`/schedule/${date}/calendar.ics`} type="text/calendar">
              This day’s engagements (.ics)
            </a>
          </li>
        )}
        <li>
          <a href="/schedule/feed.xml" type="application/atom+xml">
            Daily schedule feed (Atom)
          </a>
        </li>
      </ul>

      <h2 className="mt-8 border-y-2 border-primary-dark py-2 text-lg font-bold tracking-wide text-primary-darker">{SUBJECT_TO_CHANGE}</h2>

      {officials.length === 0 ? (
        <p className="mt-6 text-lg">No public engagements are scheduled for {today ? 'today' : formatDate(date)}.</p>
      ) : (
        officials.map(({ official, travel, engagements }) => (
          <section key={official._id} aria-labelledby={`official-${official._id}`} className="mt-8">
            <h3 id={`official-${official._id}`} className="text-xl font-bold uppercase tracking-wide">
              <OfficialHeading official={official} />
            </h3>
            {travel.map((trip) => (
              <p key={trip._id} className="mt-1 text-neutral-darker">
                {trip.slug ? <Link href={`/trips/${trip.slug}`}>{travelLine(trip)}</Link> : travelLine(trip)}.
              </p>
            ))}
            {engagements.length === 0 ? (
              <p className="mt-2 text-neutral-dark">No public engagements.</p>
            ) : (
              <EngagementTable official={official} engagements={engagements} travellingOn={travel.map((trip) => trip._id)} />
            )}
          </section>
        ))
      )}

      <nav aria-label="Other days" className="mt-10 flex flex-wrap justify-between gap-4 border-t border-neutral-lighter pt-4 print:hidden">
        {previous ? (
          <Link href={`/schedule/${previous}`} rel="prev">
            ← Previous schedule: {formatDate(previous)}
          </Link>
        ) : (
          <span />
        )}
        {!today && <Link href="/schedule">Today’s schedule</Link>}
        {next && (
          <Link href={`/schedule/${next}`} rel="next">
            Next schedule: {formatDate(next)} →
          </Link>
        )}
      </nav>
    </div>
  )
}

function OfficialHeading({ official }: { official: ScheduleOfficial }) {
  const text = [official.title, official.name].filter(Boolean).join(' ') || 'Unnamed official'
  return official.slug ? <Link href={`/officials/${official.slug}`}>{text}</Link> : <>{text}</>
}

function EngagementTable({
  official,
  engagements,
  travellingOn,
}: {
  official: ScheduleOfficial
  engagements: readonly Engagement[]
  /** Trips the section's travel line already links to: their engagements need no link of their own. */
  travellingOn: readonly string[]
}) {
  return (
    <table className="mt-3 w-full border-collapse text-left align-top">
      <caption className="sr-only">Public engagements of {official.name ?? 'this official'}</caption>
      <thead>
        <tr className="border-b border-neutral-light text-sm text-neutral-dark">
          <th scope="col" className="w-28 py-2 pr-3 font-semibold sm:w-56 sm:pr-4">
            Time
          </th>
          <th scope="col" className="py-2 font-semibold">
            Engagement
          </th>
        </tr>
      </thead>
      <tbody>
        {engagements.map((engagement) => (
          <EngagementRow key={engagement._id} engagement={engagement} official={official} linkTrip={!travellingOn.includes(engagement.trip?._id ?? '')} />
        ))}
      </tbody>
    </table>
  )
}

function EngagementRow({ engagement, official, linkTrip }: { engagement: Engagement; official: ScheduleOfficial; linkTrip: boolean }) {
  const zone = engagementTimeZone(engagement)
  const others = [...(engagement.hosts ?? []), ...(engagement.participants ?? [])].filter((o) => o._id !== official._id)
  const withWhom = [...others.map((o) => [o.title, o.name].filter(Boolean).join(' ')), ...(engagement.otherParticipants ?? [])].filter(Boolean)
  const place = [engagement.venue, engagement.city].filter(Boolean).join(', ')
  const coverage = coverageLine(engagement.pressCoverage)
  return (
    <tr className="border-b border-neutral-lighter align-top">
      <td className="py-3 pr-3 text-sm sm:pr-4 sm:text-base">
        {engagement.startsAt && (
          <>
            <time dateTime={isoInstant(engagement.startsAt)} className="block font-semibold">
              {formatLocalTimeRange(engagement.startsAt, engagement.endsAt, zone)}
            </time>
            {zone !== WASHINGTON_TIME_ZONE && <span className="block text-sm text-neutral-dark">{formatWashingtonTime(engagement.startsAt, engagement.endsAt, zone)} in Washington</span>}
          </>
        )}
      </td>
      <td className="py-3">
        <p className="font-semibold">{engagement.title ?? meetingKindLabels[engagement.kind]}</p>
        {withWhom.length > 0 && <p>With {withWhom.join('; ')}</p>}
        {place && <p className="text-neutral-darker">{place}</p>}
        {coverage && <p className="mt-1 text-sm font-semibold tracking-wide">({coverage})</p>}
        {linkTrip && engagement.trip?.slug && (
          <p className="mt-1 text-sm print:hidden">
            Part of <Link href={`/trips/${engagement.trip.slug}#schedule`}>{engagement.trip.title}</Link>
          </p>
        )}
      </td>
    </tr>
  )
}
