import { formatLocalTimeRange, formatWashingtonTime, isoInstant, WASHINGTON_TIME_ZONE } from '@/lib/time'

/**
 * The meeting's clock time in its zone; renders nothing when no time was announced. With
 * `showWashington`, Washington's time follows in brackets unless the meeting is already there.
 */
export function MeetingTime({ startsAt, endsAt, timeZone, showWashington = false }: { startsAt: string | null; endsAt: string | null; timeZone: string; showWashington?: boolean }) {
  if (!startsAt) return null
  const local = <time dateTime={isoInstant(startsAt)}>{formatLocalTimeRange(startsAt, endsAt, timeZone)}</time>
  if (!showWashington || timeZone === WASHINGTON_TIME_ZONE) return local
  return (
    <>
      {local} <span className="font-normal">({formatWashingtonTime(startsAt, endsAt, timeZone)} in Washington)</span>
    </>
  )
}
