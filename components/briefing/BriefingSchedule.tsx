import { meetingFormatLabels, meetingKindLabels, pressCoverageLabels } from '@/lib/labels'
import { groupMeetingsByDay, meetingTimeZone } from '@/lib/schedule'
import { MeetingTime } from '@/components/trip/MeetingTime'
import type { BriefingMeeting } from '@/lib/sanity/types'
import { formatLocalTimeRange, isoInstant, localDateOf } from '@/lib/time'

/** Staff brief principals on Washington time; every timed engagement shows it beside the local time. */
export const WASHINGTON_TIME_ZONE = 'America/New_York'

const names = (people: BriefingMeeting['hosts']) =>
  (people ?? [])
    .map((p) => p.name)
    .filter(Boolean)
    .join(', ')

const shortDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' })

/** "9:00 – 10:30 PM EDT" in Washington, with the day when it differs from the local day. */
function washingtonTime(m: BriefingMeeting, localZone: string): string | null {
  if (!m.startsAt) return null
  const range = formatLocalTimeRange(m.startsAt, m.endsAt, WASHINGTON_TIME_ZONE)
  const dcDay = localDateOf(m.startsAt, WASHINGTON_TIME_ZONE)
  if (dcDay === localDateOf(m.startsAt, localZone)) return range
  return `${range}, ${shortDay.format(new Date(`${dcDay}T00:00:00Z`))}`
}

/** The schedule as a dense list: what and when (local and Washington), where, press, who. */
export function BriefingSchedule({
  meetings,
  tripTimeZone,
  headingLevel = 3,
  tripIsPast = false,
}: {
  meetings: readonly BriefingMeeting[]
  tripTimeZone: string
  headingLevel?: 3 | 4
  tripIsPast?: boolean
}) {
  const days = groupMeetingsByDay(meetings, tripTimeZone, tripIsPast)
  if (days.length === 0) return <p>No meetings announced.</p>
  const DayHeading = headingLevel === 3 ? 'h3' : 'h4'
  return (
    <div className="space-y-2">
      {days.map((day) => (
        <section key={day.key} aria-labelledby={`b-day-${day.key}`}>
          <DayHeading id={`b-day-${day.key}`} className="text-[0.95em] font-bold text-primary-darker">
            {day.heading}
          </DayHeading>
          <ul className="mt-1 space-y-1.5">
            {day.meetings.map((m) => {
              const zone = meetingTimeZone(m, tripTimeZone)
              const hosts = names(m.hosts)
              const participants = [names(m.participants), ...(m.otherParticipants ?? [])].filter(Boolean).join(', ')
              const tags = [m.kind ? meetingKindLabels[m.kind] : null, m.format ? meetingFormatLabels[m.format] : null].filter(Boolean)
              const place = [m.venue, m.city].filter(Boolean).join(', ')
              const dc = zone === WASHINGTON_TIME_ZONE ? null : washingtonTime(m, zone)
              return (
                <li key={m._id} className="avoid-break leading-snug">
                  <span className="font-semibold">
                    <MeetingTime startsAt={m.startsAt} endsAt={m.endsAt} timeZone={zone} meetingId={m._id} />
                    {m.startsAt && ' · '}
                    {m.title}
                  </span>
                  {tags.length > 0 && <span className="text-neutral-dark"> ({tags.join(', ')})</span>}
                  {dc && m.startsAt && (
                    <span className="block">
                      Washington: <time dateTime={isoInstant(m.startsAt)}>{dc}</time>
                    </span>
                  )}
                  {(place || m.pressCoverage) && (
                    <span className="block">
                      {place && <>Venue: {place}</>}
                      {place && m.pressCoverage && ' · '}
                      {m.pressCoverage && <>Press: {pressCoverageLabels[m.pressCoverage]}</>}
                    </span>
                  )}
                  {hosts && <span className="block">Hosts: {hosts}</span>}
                  {participants && <span className="block">With: {participants}</span>}
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}
