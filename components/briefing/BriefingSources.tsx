import type { Briefing } from '@/lib/sanity/types'

export type SheetSource = { title: string; url: string | null; note?: string }

/** Every source the sheet cites, once each by title and address, in the order they appear. */
export function collectSources(trip: Briefing, meetings: Briefing['meetings']): SheetSource[] {
  const found = new Map<string, SheetSource>()
  const add = (source: { title: string | null; url: string | null } | null | undefined, note?: string) => {
    if (!source?.title) return
    const key = `${source.title}\u0000${source.url ?? ''}`
    if (!found.has(key)) found.set(key, { title: source.title, url: source.url, note })
  }
  add(trip.source, 'announcement')
  for (const section of trip.factSections ?? []) for (const bullet of section.bullets ?? []) add(bullet.source, 'facts and figures')
  add(trip.quoteSource, 'quote')
  for (const m of meetings) if (m.readoutUrl) add({ title: `Readout: ${m.title}`, url: m.readoutUrl })
  for (const link of trip.relatedLinks ?? []) add({ title: link.title ?? null, url: link.url ?? null }, 'related')
  return [...found.values()]
}

/** Sources close the sheet as one run-on numbered line each: small print, like a citation list. */
export function BriefingSources({ sources, headingLevel }: { sources: readonly SheetSource[]; headingLevel: 2 | 3 }) {
  if (sources.length === 0) return null
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-label="Sources" className="mt-2 avoid-break border-t border-neutral-light pt-1 text-[0.85em]">
      <Heading className="inline font-bold uppercase tracking-wide text-primary-darker">Sources: </Heading>
      <ol className="inline list-none p-0">
        {sources.map((source, index) => (
          <li key={`${source.title}|${source.url ?? ''}`} className="inline">
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
