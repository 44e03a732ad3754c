import { figureAmount, periodText } from '@/lib/figures'
import type { Figure } from '@/lib/sanity/types'

/**
 * A highlighted figure, written from its data (lib/figures.ts): the qualifier ("more than") kept
 * beside the number so the figure never overstates the source, the amount large, then the unit,
 * the caption and the period it covers when the source gives one.
 */
export function FigureStat({ figure, compact = false }: { figure: Figure; compact?: boolean }) {
  const amount = figureAmount(figure)
  if (!amount) return null
  const period = periodText(figure.period)
  return (
    <div className={`avoid-break figure-stat ${compact ? 'px-2 py-1' : 'px-4 py-3'}`} data-figure>
      {figure.qualifier && <span className={`figure-stat-qualifier ${compact ? 'text-[0.7rem]' : 'text-xs font-semibold'}`}>{figure.qualifier}</span>}
      <span className={`figure-stat-value ${compact ? 'text-lg' : 'text-3xl'}`}>{amount}</span>
      {(figure.unit || figure.label) && (
        <span className={`block leading-snug ${compact ? 'text-[0.75rem]' : 'mt-1 text-sm'}`}>
          {figure.unit && <strong className="font-semibold">{figure.unit} </strong>}
          {figure.label}
        </span>
      )}
      {period && <span className={`block text-neutral-dark ${compact ? 'text-[0.7rem]' : 'mt-1 text-xs'}`}>Period: {period}</span>}
    </div>
  )
}

/** A fact's highlighted figures, one above the other, beside its words (the fact library and a fact's own page). */
export function FigureStack({ figures }: { figures: ReadonlyArray<Figure & { _key: string }> }) {
  if (figures.length === 0) return null
  return (
    <div className="space-y-2">
      {figures.map((figure) => (
        <FigureStat key={figure._key} figure={figure} />
      ))}
    </div>
  )
}
