import type { Figure } from '@/lib/sanity/types'

/**
 * A highlighted figure: the number large, its qualifier ("more than") kept beside it so the
 * figure never overstates the source, then unit and label as the caption.
 */
export function FigureStat({ figure, compact = false }: { figure: Figure; compact?: boolean }) {
  if (!figure.value) return null
  return (
    <div className={`avoid-break figure-stat ${compact ? 'px-2 py-1' : 'px-4 py-3'}`}>
      {figure.qualifier && (
        <span className={`figure-stat-qualifier ${compact ? 'text-[0.7rem]' : 'text-xs font-semibold'}`}>
          {figure.qualifier}
        </span>
      )}
      <span className={`figure-stat-value ${compact ? 'text-lg' : 'text-3xl'}`}>{figure.value}</span>
      {(figure.unit || figure.label) && (
        <span className={`block leading-snug ${compact ? 'text-[0.75rem]' : 'mt-1 text-sm'}`}>
          {figure.unit && <strong className="font-semibold">{figure.unit} </strong>}
          {figure.label}
        </span>
      )}
    </div>
  )
}
