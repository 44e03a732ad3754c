import { FigureStat } from '@/components/facts/FigureStat'
import { attributionText, sharedAttribution } from '@/lib/attribution'
import type { FactBullet, Figure } from '@/lib/sanity/types'
import { SourceMarker, type SourceNumbers } from './BriefingSources'
import { StaleFigureFlag } from './StaleFigureFlag'

type KeyFigure = { bullet: FactBullet; figure: Figure }

/**
 * The sheet's figures at a glance: each written from its data, then its source (with the marker
 * of the numbered source list) and the date stated where one is recorded. When every figure
 * shares one attribution it is said once under the block, which keeps the sheet to two pages.
 */
export function KeyFigures({
  bullets,
  reference,
  maxAgeMonths,
  headingLevel,
  sourceNumbers,
}: {
  bullets: readonly FactBullet[]
  reference: string | null
  maxAgeMonths: number | null
  headingLevel: 2 | 3
  sourceNumbers: SourceNumbers
}) {
  const figures: KeyFigure[] = bullets.flatMap((bullet) => (bullet.figures ?? []).map((figure) => ({ bullet, figure })))
  if (figures.length === 0) return null
  const shared = sharedAttribution(figures.map((f) => f.bullet))
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-label="Key figures" className="mt-3 print:mt-2">
      <Heading className="mb-1 border-b border-neutral-lighter text-[1.05em] font-bold uppercase tracking-wide text-primary-darker">Key figures</Heading>
      <ul className="grid list-none grid-cols-2 gap-1.5 p-0 sm:grid-cols-4 print:grid-cols-5">
        {figures.map(({ bullet, figure }) => (
          <li key={`${bullet._id}-${figure._key}`} className="avoid-break">
            <FigureStat figure={figure} compact />
            {!shared && attributionText(bullet) && (
              <span className="block px-2 text-[0.7rem] leading-tight text-neutral-dark">
                {attributionText(bullet)}
                <SourceMarker source={bullet.source} numbers={sourceNumbers} />
              </span>
            )}
            <StaleFigureFlag figure={figure} statedAt={bullet.statedAt} reference={reference} maxAgeMonths={maxAgeMonths} />
          </li>
        ))}
      </ul>
      {shared && (
        <p className="mt-1 text-[0.85em] italic text-neutral-dark">
          Figures: {shared}
          <SourceMarker source={figures[0]?.bullet.source} numbers={sourceNumbers} />.
        </p>
      )}
    </section>
  )
}
