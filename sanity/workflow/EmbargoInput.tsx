/**
 * The trip's embargo lift time: the Studio's own date-time input, with the lift shown in
 * Washington, local and UTC time and a live countdown underneath.
 */
import { Card, Stack, Text } from '@sanity/ui'
import { useEffect, useState } from 'react'
import type { StringInputProps } from 'sanity'
import { countdown } from '../../editorial/state'
import { ThreeTimes } from './ScheduleDialog'

export function EmbargoInput(props: StringInputProps) {
  const value = typeof props.value === 'string' ? props.value : undefined
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
            <ThreeTimes iso={value} />
          </Stack>
        </Card>
      )}
    </Stack>
  )
}
