/**
 * The trip's embargo lift time: the Studio's own date-time input, with the lift shown in
 * Washington, in the trip's zone and in the viewer's and a live countdown underneath.
 */
import { Card, Stack, Text } from '@sanity/ui'
import { useEffect, useState } from 'react'
import type { StringInputProps } from 'sanity'
import { useFormValue } from 'sanity'
import { countdown } from '../../editorial/state'
import { ZonedTimes, tripZoneOf } from './ZonedTimes'

export function EmbargoInput(props: StringInputProps) {
  const value = typeof props.value === 'string' ? props.value : undefined
  const tripZone = tripZoneOf({ destinations: useFormValue(['destinations']) })
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!value) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [value])
  return (
    <Stack space={3}>
      {props.renderDefault(props)}
      {value && Number.isFinite(Date.parse(value)) && (
        <Card tone={Date.parse(value) > now ? 'caution' : 'positive'} padding={3} radius={2} data-testid="embargo-countdown">
          <Stack space={2}>
            <Text size={1} weight="semibold">
              {Date.parse(value) > now ? `Embargoed: lifts in ${countdown(value, now)}` : 'Embargo lifted'}
            </Text>
            <ZonedTimes iso={value} tripZone={tripZone} />
          </Stack>
        </Card>
      )}
    </Stack>
  )
}
