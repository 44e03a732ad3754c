/**
 * Attribution for fact bullets on the briefing sheet and the trip page. Repeating "[Source, stated
 * date]" after every bullet costs a third of a page when they are all alike, so a group states a
 * shared attribution once and keeps per-bullet attribution only where bullets differ.
 */
import { stegaClean } from '@sanity/client/stega'
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

/**
 * What two attributions are compared by: their text with stega markers cleaned, since in staff
 * preview each fact's copy of the same source carries a marker naming its own document.
 */
export function attributionKey(item: Attributable): string {
  return stegaClean(attributionText(item))
}

export interface CommonAttribution<T> {
  key: string
  /** The first item holding it: its source (and date) are the ones the group's line shows, click-to-edit in preview. */
  holder: T
}

/**
 * The attribution most items hold (the first to reach the count on a tie), said once for the
 * group; null when no item names a source or a date. Items that differ keep a line of their own.
 */
export function commonAttribution<T extends Attributable>(items: readonly T[]): CommonAttribution<T> | null {
  const counts = new Map<string, { count: number; holder: T }>()
  let best: CommonAttribution<T> | null = null
  let bestCount = 0
  for (const item of items) {
    const key = attributionKey(item)
    if (key === '') continue
    const entry = counts.get(key) ?? { count: 0, holder: item }
    entry.count += 1
    counts.set(key, entry)
    if (entry.count > bestCount) {
      bestCount = entry.count
      best = { key, holder: entry.holder }
    }
  }
  return best
}
