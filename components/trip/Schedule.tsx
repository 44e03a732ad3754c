import { groupMeetingsByDay } from '@/lib/schedule'
import { MeetingItem } from './MeetingItem'
import type { Meeting } from '@/lib/sanity/types'

/**
 * The programme, one titled group per local day; meetings without a date gather at the end. Each
 * official is named with their title the first time the page names them (`introduced`: those the
 * page named in full above the schedule), by name alone after that.
 */
export function Schedule({
  meetings,
  tripTimeZone,
  tripIsPast = false,
  introduced = [],
}: {
  meetings: readonly Meeting[]
  tripTimeZone: string
  tripIsPast?: boolean
  introduced?: readonly string[]
}) {
  const days = groupMeetingsByDay(meetings, tripTimeZone, tripIsPast)
  const named = new Set(introduced)
  const titledIn = new Map<string, ReadonlySet<string>>()
  for (const meeting of days.flatMap((day) => day.meetings)) {
    const first = [...(meeting.hosts ?? []), ...(meeting.participants ?? [])].map((official) => official._id).filter((id) => !named.has(id))
    for (const id of first) named.add(id)
    titledIn.set(meeting._id, new Set(first))
  }
  if (days.length === 0) return <p className="text-neutral-dark">No meetings have been announced yet.</p>
  return (
    <div className="space-y-6">
      {days.map((day) => (
        <section key={day.key} aria-labelledby={`day-${day.key}`}>
          <h3 id={`day-${day.key}`} className="border-b-2 border-primary-dark pb-1 text-lg font-bold text-primary-darker">
            {day.date ? <time dateTime={day.date}>{day.heading}</time> : day.heading}
          </h3>
          <div className="mt-3">
            {day.meetings.map((meeting) => (
              <MeetingItem key={meeting._id} meeting={meeting} tripTimeZone={tripTimeZone} titled={titledIn.get(meeting._id) ?? new Set()} />
            ))}
          </div>
        </section>
      ))}
    </div>
  )
}
