import type { Briefing } from '@/lib/sanity/types'

export type SheetSource = { title: string; url: string | null; note?: string }
type SourceInput = { title: string | null; url: string | null } | null | undefined

const keyOf = (source: { title: string; url: string | null }) => `${source.title}\u0000${source.url ?? ''}`

/** Every source the sheet cites, once each by title and address, in the order they appear. */
export function collectSources(trip: Briefing, meetings: Briefing['meetings']): SheetSource[] {
  const found = new Map<string, SheetSource>()
  const add = (source: SourceInput, note?: string) => {
    if (!source?.title) return
    const key = keyOf({ title: source.title, url: source.url })
    const seen = found.get(key)
    // One entry per source, naming everything it is cited for: "announcement; facts and figures".
    if (!seen) found.set(key, { title: source.title, url: source.url, note })
    else if (note && !seen.note?.split('; ').includes(note)) seen.note = seen.note ? `${seen.note}; ${note}` : note
  }
  add(trip.source, 'announcement')
  for (const section of trip.factSections ?? []) for (const bullet of section.bullets ?? []) add(bullet.source, 'facts and figures')
  add(trip.quoteSource, 'quote')
  for (const m of meetings) if (m.readoutUrl) add({ title: `Readout: ${m.title}`, url: m.readoutUrl })
  for (const link of trip.relatedLinks ?? []) add({ title: link.title ?? null, url: link.url ?? null }, 'related')
  return [...found.values()]
}

/** The number each source has in the sheet's list, and the id its entry carries (for the markers' links). */
export interface SourceNumbers {
  of(source: SourceInput): number | null
  anchor(number: number): string
}

export function numberSources(sources: readonly SheetSource[], idPrefix: string): SourceNumbers {
  const numbers = new Map(sources.map((source, index) => [keyOf(source), index + 1]))
  return {
    of: (source) => (source?.title ? (numbers.get(keyOf({ title: source.title, url: source.url })) ?? null) : null),
    anchor: (number) => `${idPrefix}-source-${number}`,
  }
}

/**
 * "[1]" after cited text: the number of its source in the list that closes the sheet, linking to
 * that entry (ids carry the sheet's prefix, so a briefing book of several sheets keeps them unique).
 * Nothing for a source the list does not hold.
 */
export function SourceMarker({ source, numbers }: { source: SourceInput; numbers: SourceNumbers }) {
  const number = numbers.of(source)
  if (number === null) return null
  return (
    <a href={`#${numbers.anchor(number)}`} className="source-marker ml-0.5 font-semibold not-italic" aria-label={`source ${number}`}>
      [{number}]
    </a>
  )
}

/** Sources close the sheet as one run-on numbered line each: small print, like a citation list. */
export function BriefingSources({ sources, headingLevel, sourceNumbers }: { sources: readonly SheetSource[]; headingLevel: 2 | 3; sourceNumbers: SourceNumbers }) {
  if (sources.length === 0) return null
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-label="Sources" className="mt-2 avoid-break border-t border-neutral-light pt-1 text-[0.85em]">
      <Heading className="inline font-bold uppercase tracking-wide text-primary-darker">Sources: </Heading>
      <ol className="inline list-none p-0">
        {sources.map((source, index) => (
          <li key={keyOf(source)} id={sourceNumbers.anchor(index + 1)} className="inline">
            {index > 0 && ' '}
            <span className="font-semibold">[{index + 1}]</span> {source.url ? <a href={source.url}>{source.title}</a> : source.title}
            {source.note && <span className="text-neutral-dark"> ({source.note})</span>}
            {index < sources.length - 1 && ';'}
          </li>
        ))}
      </ol>
    </section>
  )
}
