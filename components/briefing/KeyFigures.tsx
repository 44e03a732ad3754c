import { FigureStat } from '@/components/facts/FigureStat'
import { attributionText, sharedAttribution } from '@/lib/attribution'
import type { FactBullet, Figure } from '@/lib/sanity/types'
import { StaleFigureFlag } from './StaleFigureFlag'

type KeyFigure = { bullet: FactBullet; figure: Figure }

/**
 * The sheet's figures at a glance: value and label, then source and as-of date. When every figure
 * shares one source and date it is said once under the block, which keeps the sheet to two pages.
 */
export function KeyFigures({
  bullets,
  reference,
  maxAgeMonths,
  headingLevel,
}: {
  bullets: readonly FactBullet[]
  reference: string | null
  maxAgeMonths: number | null
  headingLevel: 2 | 3
}) {
  const figures: KeyFigure[] = bullets.flatMap((bullet) => (bullet.figure?.value ? [{ bullet, figure: bullet.figure }] : []))
  if (figures.length === 0) return null
  const shared = sharedAttribution(figures.map((f) => f.bullet))
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-label="Key figures" className="mt-3 print:mt-2">
      <Heading className="mb-1 border-b border-neutral-lighter text-[1.05em] font-bold uppercase tracking-wide text-primary-darker">
        Key figures
      </Heading>
      <ul className="grid list-none grid-cols-2 gap-1.5 p-0 sm:grid-cols-4 print:grid-cols-5">
        {figures.map(({ bullet, figure }) => (
          <li key={bullet._id} className="avoid-break">
            <FigureStat figure={figure} compact />
            {!shared && attributionText(bullet) && (
              <span className="block px-2 text-[0.7rem] leading-tight text-neutral-dark">{attributionText(bullet)}</span>
            )}
            <StaleFigureFlag asOf={bullet.asOf} reference={reference} maxAgeMonths={maxAgeMonths} />
          </li>
        ))}
      </ul>
      {shared && <p className="mt-1 text-[0.85em] italic text-neutral-dark">Figures: {shared}.</p>}
    </section>
  )
}
