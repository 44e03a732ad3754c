/**
 * Attribution for fact bullets on the briefing sheet. Repeating "[Source, as of date]" after
 * every bullet costs a third of a page when they are all alike, so the sheet states a shared
 * attribution once for the group and keeps per-bullet attribution only where bullets differ.
 */
import { formatDate } from './time'

export interface Attributable {
  source: { title: string | null } | null
  asOf: string | null
}

/** "U.S. Department of State, as of March 15, 2021"; empty when nothing is known. */
export function attributionText(item: Attributable): string {
  return [item.source?.title || null, item.asOf ? `as of ${formatDate(item.asOf)}` : null].filter(Boolean).join(', ')
}

/** The attribution every item shares, or null when they differ (or there are none). */
export function sharedAttribution(items: readonly Attributable[]): string | null {
  const texts = new Set(items.map(attributionText))
  if (texts.size !== 1) return null
  const [only] = texts
  return only || null
}
