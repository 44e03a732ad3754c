/**
 * Attribution for fact bullets on the briefing sheet. Repeating "[Source, stated date]" after
 * every bullet costs a third of a page when they are all alike, so the sheet states a shared
 * attribution once for the group and keeps per-bullet attribution only where bullets differ.
 */
import { formatDate } from './time'

export interface Attributable {
  source: { title: string | null } | null
  statedAt: string | null
}

/** "U.S. Department of State, stated March 15, 2021"; no date where none is recorded; empty when nothing is known. */
export function attributionText(item: Attributable): string {
  return [item.source?.title || null, item.statedAt ? `stated ${formatDate(item.statedAt)}` : null].filter(Boolean).join(', ')
}

/** The attribution every item shares, or null when they differ (or there are none). */
export function sharedAttribution(items: readonly Attributable[]): string | null {
  const texts = new Set(items.map(attributionText))
  if (texts.size !== 1) return null
  const [only] = texts
  return only || null
}
