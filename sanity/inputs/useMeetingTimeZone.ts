/**
 * The zone a meeting's times are typed in: the meeting's own `timeZone` when set, else its trip's
 * (sanity/lib/meetingZone.ts). The trip is read through the Studio's client and read again when
 * it changes, so a zone set on the trip a moment ago applies here at once.
 */
import { useEffect, useState } from 'react'
import { useClient, useFormValue } from 'sanity'
import { studioApiVersion } from '../env'
import { referencedId, TRIP_ZONE_QUERY, tripZoneFrom } from '../lib/meetingZone'
import { isIanaTimeZone } from '../lib/timeZone'

export type MeetingZone = { state: 'loading' } | { state: 'none' } | { state: 'known'; zone: string; from: 'meeting' | 'trip' }

const TRIP_CHANGES = `*[_id in [$id, "drafts." + $id]]`

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
        .fetch<unknown>(TRIP_ZONE_QUERY, { id: tripId })
        .then((answer) => {
          if (live) setTripZone({ tripId, zone: tripZoneFrom(answer) })
        })
        .catch(() => {
          if (live) setTripZone({ tripId, zone: null })
        })
    void read()
    // Since API 2025-02-19 a listener hears drafts only with includeAllVersions.
    const subscription = client
      .listen(TRIP_CHANGES, { id: tripId }, { events: ['mutation'], includeResult: false, includeAllVersions: true, visibility: 'query' })
      .subscribe({ next: () => void read() })
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
