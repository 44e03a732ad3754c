import { groupMeetingsByDay } from '@/lib/schedule'
import { MeetingItem } from './MeetingItem'
import type { Meeting } from '@/lib/sanity/types'

/** The programme, one titled group per local day; meetings without a date gather at the end. */
export function Schedule({ meetings, tripTimeZone, tripIsPast = false }: { meetings: readonly Meeting[]; tripTimeZone: string; tripIsPast?: boolean }) {
  const days = groupMeetingsByDay(meetings, tripTimeZone, tripIsPast)
  if (days.length === 0) return <p className="text-neutral-dark">No meetings have been announced yet.</p>
  return (
    <div className="space-y-8">
      {days.map((day) => (
        <section key={day.key} aria-labelledby={`day-${day.key}`}>
          <h3 id={`day-${day.key}`} className="border-b-2 border-primary-dark pb-1 text-lg font-bold text-primary-darker">
            {day.date ? <time dateTime={day.date}>{day.heading}</time> : day.heading}
          </h3>
          <div className="mt-4">
            {day.meetings.map((meeting) => (
              <MeetingItem key={meeting._id} meeting={meeting} tripTimeZone={tripTimeZone} />
            ))}
          </div>
        </section>
      ))}
    </div>
  )
}
