import { draftMode } from 'next/headers'
import { figureDataDate, periodText } from '@/lib/figures'
import { DEFAULT_FACT_MAX_AGE_MONTHS, isStale } from '@/lib/freshness'
import type { Figure } from '@/lib/sanity/types'
import { formatDate } from '@/lib/time'

/**
 * Marks a figure that is too old for the trip (lib/freshness.ts), measured from the end of the
 * period it covers (lib/figures.ts figureDataDate). An editor's cue only: it renders in preview
 * (draft mode) and never on the public sheet, whatever the figure's age.
 */
export async function StaleFigureFlag({ figure, statedAt, reference, maxAgeMonths }: { figure: Figure; statedAt: string | null; reference: string | null; maxAgeMonths: number | null }) {
  const { isEnabled } = await draftMode()
  const dataDate = figureDataDate(figure, statedAt)
  if (!isEnabled || !dataDate || !isStale(dataDate, reference, maxAgeMonths)) return null
  const months = maxAgeMonths ?? DEFAULT_FACT_MAX_AGE_MONTHS
  const covers = figure.period?.end ? `covers ${periodText(figure.period) ?? figure.period.end}` : `stated ${formatDate(dataDate)}`
  return (
    <span data-stale-figure className="mt-0.5 block bg-accent-warm px-1 text-[0.7rem] font-semibold text-ink">
      Stale: {covers}, over {months} months before the trip
    </span>
  )
}
