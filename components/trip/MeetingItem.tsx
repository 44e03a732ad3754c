import { OfficialName } from '@/components/official/OfficialName'
import { Editable } from '@/components/preview/Editable'
import { RichText } from '@/components/RichText'
import { meetingFormatLabels, meetingKindLabels, pressCoverageLabels } from '@/lib/labels'
import { meetingTimeZone } from '@/lib/schedule'
import { MeetingTime } from './MeetingTime'
import type { Meeting, OfficialCard } from '@/lib/sanity/types'

/** One meeting in the schedule: time (if announced), kind and format, who, and what. */
export function MeetingItem({ meeting, tripTimeZone }: { meeting: Meeting; tripTimeZone: string }) {
  const facts = [
    meeting.kind ? meetingKindLabels[meeting.kind] : null,
    meeting.format ? meetingFormatLabels[meeting.format] : null,
    meeting.pressCoverage ? pressCoverageLabels[meeting.pressCoverage] : null,
  ].filter(Boolean)
  const place = [meeting.venue, meeting.city].filter(Boolean).join(', ')
  return (
    <article className="avoid-break meeting-item">
      <p className="text-sm font-semibold text-neutral-dark">
        <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={meetingTimeZone(meeting, tripTimeZone)} showWashington meetingId={meeting._id} />
        {meeting.startsAt && facts.length > 0 && <span aria-hidden="true"> · </span>}
        {facts.join(' · ')}
      </p>
      <h4 className="mt-1 text-lg font-bold leading-snug">
        {meeting.title ?? (
          <Editable id={meeting._id} type="meeting" path="title">
            Untitled meeting
          </Editable>
        )}
      </h4>
      {place && <p className="text-neutral-darker">{place}</p>}
      <dl className="mt-2 space-y-1 text-base">
        <People label={meeting.hosts && meeting.hosts.length > 1 ? 'Hosts' : 'Host'} people={meeting.hosts ?? []} />
        <People label="Participants" people={meeting.participants ?? []} extra={meeting.otherParticipants ?? []} />
      </dl>
      <RichText value={meeting.description} className="mt-2 max-w-prose leading-relaxed" />
      {meeting.agenda && meeting.agenda.length > 0 && (
        <div className="mt-2">
          <p className="font-semibold">Agenda</p>
          <ul className="list-disc pl-6">
            {meeting.agenda.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      )}
    </article>
  )
}

function People({ label, people, extra = [] }: { label: string; people: readonly OfficialCard[]; extra?: readonly string[] }) {
  if (people.length === 0 && extra.length === 0) return null
  return (
    <div>
      <dt className="inline font-semibold">{label}: </dt>
      <dd className="inline">
        {people.map((official, index) => (
          <span key={official._id}>
            {index > 0 && '; '}
            <OfficialName official={official} />
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
