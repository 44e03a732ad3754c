/**
 * When a figure is too old to hand to a principal without a second look.
 *
 * A figure is stale when the last day it speaks for (its period's end: lib/figures.ts
 * figureDataDate) lies more than `maxAgeMonths` (settings, default 12)
 * before the day the sheet is for: a trip's first day on the portal, the first day of each trip
 * that uses the fact in the Studio (or today, for a fact no trip uses yet). Measuring against the
 * trip rather than today keeps the record of past trips quiet: a 2020 figure was current for a
 * 2021 trip and stays so. Staleness is an editor's cue only; it never shows on a public sheet.
 *
 * Plain date arithmetic with no imports beyond lib/time, so the Studio's schema can use it too.
 */
import { parseIsoDate, type IsoDate } from './time'

export const DEFAULT_FACT_MAX_AGE_MONTHS = 12

/** The oldest still-fresh data date: `reference` minus the months, clamped to the month's end. */
export function freshnessCutoff(reference: IsoDate, maxAgeMonths: number = DEFAULT_FACT_MAX_AGE_MONTHS): IsoDate {
  const date = parseIsoDate(reference)
  if (!date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${reference}`)
  const months = date.getUTCFullYear() * 12 + date.getUTCMonth() - Math.trunc(maxAgeMonths)
  const year = Math.floor(months / 12)
  const month = months - year * 12
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const cutoff = new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)))
  return cutoff.toISOString().slice(0, 10)
}

/**
 * True when `dataDate` is older than the cutoff for `reference`. A figure without a (valid) date,
 * or a sheet without a day to measure from, is not called stale: nothing says how old it is.
 */
export function isStale(dataDate: string | null | undefined, reference: string | null | undefined, maxAgeMonths: number | null | undefined = DEFAULT_FACT_MAX_AGE_MONTHS): boolean {
  if (!dataDate || !reference || !parseIsoDate(dataDate) || !parseIsoDate(reference)) return false
  const months = maxAgeMonths && maxAgeMonths > 0 ? maxAgeMonths : DEFAULT_FACT_MAX_AGE_MONTHS
  return dataDate < freshnessCutoff(reference, months)
}
