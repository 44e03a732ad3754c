import type { Destination } from '@/lib/sanity/types'

/** "Tokyo, Japan; Seoul, Republic of Korea". */
export function destinationText(destinations: readonly Destination[] | null): string {
  return (destinations ?? [])
    .map((d) => [d.city, d.country?.name].filter(Boolean).join(', '))
    .filter(Boolean)
    .join('; ')
}
