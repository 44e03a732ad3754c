/**
 * A fact's figures as data — value, scale, currency or counted unit, qualifier and period — and
 * their wording, rebuilt from that data exactly as a source writes it ("more than 948,100 jobs",
 * "$644.7 billion", "approximately 55,000 U.S. service members").
 *
 * Plain functions over Intl with no imports beyond lib/time, so the Studio's schema (previews,
 * validation) and the portal render a figure the same way.
 */
import { parseIsoDate, type IsoDate } from './time'

/** The words a source puts before a number; the schema offers exactly these. */
export const FIGURE_QUALIFIERS = ['more than', 'over', 'nearly', 'almost', 'approximately', 'about', 'at least', 'up to', 'fewer than', 'less than'] as const
/** Words for a power of a thousand, as written after the number ("$300 billion"). */
export const FIGURE_SCALES = ['thousand', 'million', 'billion', 'trillion'] as const
/** Currencies a figure may be an amount of (ISO 4217), written with their symbol ("$", "¥", "€"). */
export const FIGURE_CURRENCIES = ['USD', 'JPY', 'EUR', 'GBP', 'KRW'] as const

/** What a query returns for a figure: every field may be missing or null. */
export interface FigureData {
  qualifier?: string | null
  value?: number | null
  scale?: string | null
  currency?: string | null
  unit?: string | null
  period?: FigurePeriod | null
}

/**
 * The span of time a figure covers, as precisely as the source gives it: a year ("2019"), a month
 * ("2019-03") or a day. Only a start means "since" ("since 1952"); only an end means "through".
 */
export interface FigurePeriod {
  start?: string | null
  end?: string | null
}

/** A partial date: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/** Whether `value` is a real year, month or day ("2019", "2019-03", "2019-03-15"). */
export function isPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value)
  if (!match) return false
  const [, year, month, day] = match
  if (day) return parseIsoDate(value) !== null
  if (month) return Number(month) >= 1 && Number(month) <= 12
  return year !== undefined
}

/** The first day a partial date names: "2019" → "2019-01-01". */
export function firstDayOf(value: string): IsoDate | null {
  if (!isPartialDate(value)) return null
  const [year, month = '01', day = '01'] = value.split('-')
  return `${year}-${month}-${day}`
}

/** The last day a partial date names: "2019" → "2019-12-31", "2020-02" → "2020-02-29". */
export function lastDayOf(value: string): IsoDate | null {
  if (!isPartialDate(value)) return null
  const [year, month, day] = value.split('-')
  if (day) return value
  const y = Number(year)
  const m = month ? Number(month) : 12
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${year}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 })
const currencyFormats = new Map<string, Intl.NumberFormat>()

function currencyFormat(currency: string): Intl.NumberFormat | null {
  let format = currencyFormats.get(currency)
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: 20 })
    } catch {
      return null
    }
    currencyFormats.set(currency, format)
  }
  return format
}

/** "$644.7 billion", "30,000": the number with its currency symbol and scale word; null without a value. */
export function figureAmount(figure: FigureData): string | null {
  if (typeof figure.value !== 'number' || !Number.isFinite(figure.value)) return null
  const money = figure.currency ? currencyFormat(figure.currency) : null
  const number = money ? money.format(figure.value) : numberFormat.format(figure.value)
  return figure.scale ? `${number} ${figure.scale}` : number
}

/** The figure as the source words it: qualifier, amount, unit ("more than 948,100 jobs"). */
export function figureText(figure: FigureData): string | null {
  const amount = figureAmount(figure)
  if (!amount) return null
  return [figure.qualifier, amount, figure.unit].filter(Boolean).join(' ')
}

const yearMonth = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', year: 'numeric' })
const fullDate = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' })

/** "2019", "March 2019", "March 15, 2019". */
function partialDateText(value: string): string {
  const [, month, day] = value.split('-')
  const first = firstDayOf(value)
  if (!first) return value
  const date = new Date(`${first}T00:00:00Z`)
  if (day) return fullDate.format(date)
  if (month) return yearMonth.format(date)
  return value
}

/** "2019", "2019 – 2020", "since 1952", "through March 2022"; null when the period is unknown or unreadable. */
export function periodText(period: FigurePeriod | null | undefined): string | null {
  const start = period?.start && isPartialDate(period.start) ? period.start : null
  const end = period?.end && isPartialDate(period.end) ? period.end : null
  if (start && end) return start === end ? partialDateText(start) : `${partialDateText(start)} – ${partialDateText(end)}`
  if (start) return `since ${partialDateText(start)}`
  if (end) return `through ${partialDateText(end)}`
  return null
}

/**
 * The last day a figure speaks for, which staleness is measured from: the period's end, or the
 * day the fact was stated when the period runs up to it ("since 1952") or is not given. Null when
 * neither is known: such a figure is never called stale, since nothing says how old it is.
 */
export function figureDataDate(figure: FigureData, statedAt: string | null | undefined): IsoDate | null {
  const end = figure.period?.end ? lastDayOf(figure.period.end) : null
  if (end) return end
  return statedAt && parseIsoDate(statedAt) ? statedAt : null
}

/**
 * Whether `text` holds the figure's wording as written: exactly, or with its first letter
 * capitalised where it opens a sentence ("More than 3,800 Japanese are …"), and, for a figure
 * without a qualifier, not right after one (the data must not drop the source's "nearly").
 */
export function textHoldsFigure(text: string, figure: FigureData): boolean {
  const wording = figureText(figure)
  if (!wording) return false
  const capitalised = wording.charAt(0).toUpperCase() + wording.slice(1)
  const occurrences = (needle: string) => {
    const found: number[] = []
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at)
    return found
  }
  const opensSentence = (at: number) => at === 0 || /[.!?]\s$/.test(text.slice(Math.max(0, at - 2), at))
  const afterQualifier = (at: number) => FIGURE_QUALIFIERS.some((qualifier) => text.slice(0, at).toLowerCase().endsWith(`${qualifier} `))
  const starts = [...occurrences(wording), ...(capitalised === wording ? [] : occurrences(capitalised).filter(opensSentence))]
  return starts.some((at) => figure.qualifier || !afterQualifier(at))
}
