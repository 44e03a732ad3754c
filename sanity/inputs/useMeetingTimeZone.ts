/**
 * The zone a meeting's times are typed in: the meeting's own `timeZone` when set, else its trip's
 * first destination with a zone (the rule the portal reads by: lib/trip.ts tripTimeZone). The trip
 * is read through the Studio's client, its draft first, since that is what the editor sees, and
 * read again when the trip changes, so a zone set on the trip a moment ago applies here at once.
 */
import { useEffect, useState } from 'react'
import { useClient, useFormValue } from 'sanity'
import { studioApiVersion } from '../env'
import { isIanaTimeZone } from '../lib/timeZone'

export type MeetingZone =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'known'; zone: string; from: 'meeting' | 'trip' }

const TRIP_ZONE = `coalesce(*[_id == "drafts." + $id][0], *[_id == $id][0]).destinations[defined(timeZone)][0].timeZone`
const TRIP_CHANGES = `*[_id in [$id, "drafts." + $id]]`

function referencedId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('_ref' in value)) return null
  const ref = value._ref
  return typeof ref === 'string' && ref.length > 0 && ref.length <= 128 ? ref : null
}

export function useMeetingTimeZone(): MeetingZone {
  const own = useFormValue(['timeZone'])
  const tripId = referencedId(useFormValue(['trip']))
  const client = useClient({ apiVersion: studioApiVersion })
  const [tripZone, setTripZone] = useState<{ tripId: string; zone: string | null } | null>(null)

  useEffect(() => {
    if (!tripId) return
    let live = true
    const read = () =>
      client
        .fetch<unknown>(TRIP_ZONE, { id: tripId })
        .then((zone) => {
          if (live) setTripZone({ tripId, zone: typeof zone === 'string' && isIanaTimeZone(zone) ? zone : null })
        })
        .catch(() => {
          if (live) setTripZone({ tripId, zone: null })
        })
    void read()
    const subscription = client.listen(TRIP_CHANGES, { id: tripId }, { events: ['mutation'], includeResult: false, visibility: 'query' }).subscribe({ next: () => void read() })
    return () => {
      live = false
      subscription.unsubscribe()
    }
  }, [client, tripId])

  if (typeof own === 'string' && isIanaTimeZone(own)) return { state: 'known', zone: own, from: 'meeting' }
  if (!tripId) return { state: 'none' }
  if (!tripZone || tripZone.tripId !== tripId) return { state: 'loading' }
  return tripZone.zone ? { state: 'known', zone: tripZone.zone, from: 'trip' } : { state: 'none' }
}
