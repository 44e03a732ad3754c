/**
 * Synthetic content shaped like Envoy's own: copies of the seed dataset (sanity/seed/build.ts,
 * one real trip with its meetings, officials, quote and fact bullets), each copy with its own ids,
 * slugs and references. Countries, topics and the settings singleton are shared by all copies, as
 * they would be in a real dataset. Every copied document is marked `synthetic: true`.
 *
 * Used by the lake benchmark (scripts/bench-lake.ts) and the query-plan equivalence test, so that
 * "the trip page at 100k documents" means the portal's real query over many real-shaped trips.
 */
import { buildSeed } from '../../sanity/seed/build'

export type SyntheticDoc = { _id: string; _type: string; [field: string]: unknown }

const SHARED_TYPES = new Set(['country', 'topic', 'settings'])

export function seedDocuments(): SyntheticDoc[] {
  return buildSeed()
}

/** How many seed documents one copy adds (the trip and everything that belongs to it). */
export function documentsPerCopy(seed = seedDocuments()): number {
  return seed.filter((doc) => !SHARED_TYPES.has(doc._type)).length
}

/**
 * About `count` documents: the shared ones once, then as many copies of the rest as fit. Copy 0
 * keeps the seed's own ids and slugs, so the real trip page is among them.
 */
export function syntheticDataset(count: number): SyntheticDoc[] {
  const seed = seedDocuments()
  const shared = seed.filter((doc) => SHARED_TYPES.has(doc._type))
  const perCopy = seed.filter((doc) => !SHARED_TYPES.has(doc._type))
  const copies = Math.max(1, Math.round((count - shared.length) / perCopy.length))
  const copied = new Set(perCopy.map((doc) => doc._id))
  const out: SyntheticDoc[] = [...shared]
  for (let copy = 0; copy < copies; copy++) {
    for (const doc of perCopy) out.push(copyOf(doc, copy, copied))
  }
  return out
}

/** The trip slugs of a synthetic dataset of `count` documents, copy 0 first. */
export function syntheticTripSlugs(docs: readonly SyntheticDoc[]): string[] {
  return docs.flatMap((doc) => {
    const slug = doc.slug as { current?: unknown } | undefined
    return doc._type === 'trip' && typeof slug?.current === 'string' ? [slug.current] : []
  })
}

function copyOf(doc: SyntheticDoc, copy: number, copied: Set<string>): SyntheticDoc {
  if (copy === 0) return { ...doc, synthetic: true }
  const suffix = `-copy${copy}`
  const rename = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => rename(item))
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [name, inner] of Object.entries(value)) out[name] = rename(inner, name)
      if (out._type === 'slug' && typeof out.current === 'string') out.current = `${out.current}${suffix}`
      return out
    }
    if ((key === '_ref' || key === '_id') && typeof value === 'string' && copied.has(value)) return `${value}${suffix}`
    return value
  }
  return { ...(rename(doc) as SyntheticDoc), synthetic: true }
}
