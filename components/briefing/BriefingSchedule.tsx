import { meetingFormatLabels, meetingKindLabels } from '@/lib/labels'
import { groupMeetingsByDay, meetingTimeZone } from '@/lib/schedule'
import { MeetingTime } from '@/components/trip/MeetingTime'
import type { BriefingMeeting } from '@/lib/sanity/types'

const names = (people: BriefingMeeting['hosts']) => (people ?? []).map((p) => p.name).filter(Boolean).join(', ')

/** The schedule as a dense list: one line of what, one of who. No descriptions; the web page has them. */
export function BriefingSchedule({ meetings, tripTimeZone }: { meetings: readonly BriefingMeeting[]; tripTimeZone: string }) {
  const days = groupMeetingsByDay(meetings, tripTimeZone)
  if (days.length === 0) return <p>No meetings announced.</p>
  return (
    <div className="space-y-2">
      {days.map((day) => (
        <section key={day.key} aria-labelledby={`b-day-${day.key}`}>
          <h3 id={`b-day-${day.key}`} className="text-[0.95em] font-bold text-primary-darker">
            {day.heading}
          </h3>
          <ul className="mt-1 space-y-1.5">
            {day.meetings.map((m) => {
              const hosts = names(m.hosts)
              const participants = [names(m.participants), ...(m.otherParticipants ?? [])].filter(Boolean).join(', ')
              const tags = [m.kind ? meetingKindLabels[m.kind] : null, m.format ? meetingFormatLabels[m.format] : null].filter(Boolean)
              return (
                <li key={m._id} className="avoid-break leading-snug">
                  <span className="font-semibold">
                    <MeetingTime startsAt={m.startsAt} endsAt={m.endsAt} timeZone={meetingTimeZone(m, tripTimeZone)} />
                    {m.startsAt && ' · '}
                    {m.title}
                  </span>
                  {tags.length > 0 && <span className="text-neutral-dark"> ({tags.join(', ')})</span>}
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
