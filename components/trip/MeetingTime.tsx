import { Editable } from '@/components/preview/Editable'
import { formatLocalTimeRange, formatWashingtonTime, isoInstant, WASHINGTON_TIME_ZONE } from '@/lib/time'

/**
 * The meeting's clock time in its zone; renders nothing when no time was announced. With
 * `showWashington`, Washington's time follows in brackets unless the meeting is already there.
 *
 * With `meetingId`, staff preview makes the time click-to-edit (the meeting's `startsAt`) by a
 * hand-placed `data-sanity` attribute (components/preview/Editable.tsx): the text shown is not the
 * stored string but a time computed from the instant in the meeting's zone, and instants are kept
 * clean of stega by design (they are parsed), so stega has nothing to mark here.
 */
export function MeetingTime({
  startsAt,
  endsAt,
  timeZone,
  showWashington = false,
  meetingId,
}: {
  startsAt: string | null
  endsAt: string | null
  timeZone: string
  showWashington?: boolean
  meetingId?: string
}) {
  if (!startsAt) return null
  const time = <time dateTime={isoInstant(startsAt)}>{formatLocalTimeRange(startsAt, endsAt, timeZone)}</time>
  const local = meetingId ? (
    <Editable id={meetingId} type="meeting" path="startsAt">
      {time}
    </Editable>
  ) : (
    time
  )
  if (!showWashington || timeZone === WASHINGTON_TIME_ZONE) return local
  return (
    <>
      {local} <span className="font-normal">({formatWashingtonTime(startsAt, endsAt, timeZone)} in Washington)</span>
    </>
  )
}
