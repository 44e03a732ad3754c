import { draftMode } from 'next/headers'
import { DEFAULT_FACT_MAX_AGE_MONTHS, isStale } from '@/lib/freshness'
import { formatDate } from '@/lib/time'

/**
 * Marks a figure that is too old for the trip (lib/freshness.ts). An editor's cue only: it renders
 * in preview (draft mode) and never on the public sheet, whatever the figure's age.
 */
export async function StaleFigureFlag({
  asOf,
  reference,
  maxAgeMonths,
}: {
  asOf: string | null
  reference: string | null
  maxAgeMonths: number | null
}) {
  const { isEnabled } = await draftMode()
  if (!isEnabled || !asOf || !isStale(asOf, reference, maxAgeMonths)) return null
  const months = maxAgeMonths ?? DEFAULT_FACT_MAX_AGE_MONTHS
  return (
    <span data-stale-figure className="mt-0.5 block bg-accent-warm px-1 text-[0.7rem] font-semibold text-ink">
      Stale: as of {formatDate(asOf)}, over {months} months before the trip
    </span>
  )
}
