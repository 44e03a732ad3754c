import { formatLocalTimeRange, isoInstant } from '@/lib/time'

/** The meeting's clock time in its zone; renders nothing when no time was announced. */
export function MeetingTime({ startsAt, endsAt, timeZone }: { startsAt: string | null; endsAt: string | null; timeZone: string }) {
  if (!startsAt) return null
  return <time dateTime={isoInstant(startsAt)}>{formatLocalTimeRange(startsAt, endsAt, timeZone)}</time>
}
