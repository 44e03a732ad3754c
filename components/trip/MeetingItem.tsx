import { OfficialName } from '@/components/official/OfficialName'
import { Editable } from '@/components/preview/Editable'
import { RichText } from '@/components/RichText'
import { meetingFormatLabels, meetingKindLabels, pressCoverageLabels } from '@/lib/labels'
import { agendaNotInDescription } from '@/lib/repeats'
import { meetingTimeZone } from '@/lib/schedule'
import { MeetingTime } from './MeetingTime'
import type { Meeting, OfficialCard } from '@/lib/sanity/types'

/** One meeting in the schedule: time (if announced), kind and format, who, and what (the agenda only where the description does not already say it). */
export function MeetingItem({ meeting, tripTimeZone, titled }: { meeting: Meeting; tripTimeZone: string; titled: ReadonlySet<string> }) {
  const kind = meeting.kind ? meetingKindLabels[meeting.kind] : null
  const format = meeting.format ? meetingFormatLabels[meeting.format] : null
  const facts = [
    kind,
    // "Virtual meeting · Virtual" would say it twice.
    format && !kind?.toLowerCase().includes(format.toLowerCase()) ? format : null,
    meeting.pressCoverage ? pressCoverageLabels[meeting.pressCoverage] : null,
  ].filter(Boolean)
  const place = [meeting.venue, meeting.city].filter(Boolean).join(', ')
  // Agenda items the description already says word for word are not said again (lib/repeats.ts).
  const agenda = agendaNotInDescription(meeting.agenda ?? [], meeting.description)
  return (
    <article className="avoid-break meeting-item">
      <p className="text-sm font-semibold text-neutral-dark">
        <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={meetingTimeZone(meeting, tripTimeZone)} showWashington meetingId={meeting._id} />
        {meeting.startsAt && facts.length > 0 && <span aria-hidden="true"> · </span>}
        {facts.join(' · ')}
      </p>
      <h4 className="text-lg font-bold leading-snug">
        {meeting.title ?? (
          <Editable id={meeting._id} type="meeting" path="title">
            Untitled meeting
          </Editable>
        )}
      </h4>
      {place && <p className="text-neutral-darker">{place}</p>}
      <dl className="mt-1">
        <People label={meeting.hosts && meeting.hosts.length > 1 ? 'Hosts' : 'Host'} people={meeting.hosts ?? []} titled={titled} />
        <People label="Participants" people={meeting.participants ?? []} extra={meeting.otherParticipants ?? []} titled={titled} />
      </dl>
      <RichText value={meeting.description} className="mt-1 max-w-prose" />
      {agenda.length > 0 && (
        <div className="mt-2">
          <p className="font-semibold">{agenda.length === (meeting.agenda ?? []).length ? 'Agenda' : 'Also on the agenda'}</p>
          <ul className="list-disc pl-6">
            {agenda.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      )}
    </article>
  )
}

/** `titled`: the officials to name with their title here (the page names each in full once). */
function People({ label, people, extra = [], titled }: { label: string; people: readonly OfficialCard[]; extra?: readonly string[]; titled: ReadonlySet<string> }) {
  if (people.length === 0 && extra.length === 0) return null
  return (
    <div>
      <dt className="inline font-semibold">{label}: </dt>
      <dd className="inline">
        {people.map((official, index) => (
          <span key={official._id}>
            {index > 0 && '; '}
            <OfficialName official={official} showTitle={titled.has(official._id)} />
          </span>
        ))}
        {extra.map((group, index) => (
          <span key={group}>
            {people.length + index > 0 && '; '}
            {group}
          </span>
        ))}
      </dd>
    </div>
  )
}
