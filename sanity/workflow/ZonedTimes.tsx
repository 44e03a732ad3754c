/** An instant in Washington, the trip's zone and the viewer's (editorial/state.ts instantInZones). */
import { Text } from '@sanity/ui'
import { instantInZones } from '../../editorial/state'

/** The first destination's IANA zone of a trip document, if it has one. */
export function tripZoneOf(doc: Record<string, unknown> | null | undefined): string | null {
  const destinations = doc?.destinations
  if (!Array.isArray(destinations)) return null
  for (const destination of destinations) {
    const zone = typeof destination === 'object' && destination !== null ? (destination as { timeZone?: unknown }).timeZone : undefined
    if (typeof zone === 'string' && zone !== '') return zone
  }
  return null
}

export function ZonedTimes({ iso, tripZone }: { iso: string; tripZone?: string | null }) {
  const times = instantInZones(iso, tripZone)
  return (
    <Text size={1} muted data-testid="zoned-times">
      {times.map((time) => `${time.label} ${time.text}`).join(' · ')}
    </Text>
  )
}
