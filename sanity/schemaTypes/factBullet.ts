import { defineArrayMember, defineField, defineType } from 'sanity'
import { FIGURE_CURRENCIES, FIGURE_QUALIFIERS, FIGURE_SCALES, figureDataDate, figureText, firstDayOf, isPartialDate, periodText, textHoldsFigure, type FigureData } from '../../lib/figures'
import { DEFAULT_FACT_MAX_AGE_MONTHS, isStale } from '../../lib/freshness'
import { formatIsoDate } from '../lib/dates'
import { excerpt, toPlainText, type PtBlock } from '../lib/portableText'

type FactDocument = { _id?: string; statedAt?: string; text?: PtBlock[]; figures?: FigureData[] }
type StaleContext = {
  document?: FactDocument
  getClient: (options: { apiVersion: string }) => { fetch: <R>(query: string, params: Record<string, unknown>) => Promise<R> }
}

/**
 * Warns (never blocks) when a figure is too old for the trips that use the fact: its period's end
 * (or, for a period running up to the statement, the date the fact was stated) is measured against
 * each referencing trip's first day, or today when no trip uses it yet (a fact kept for future
 * sheets). A figure whose period and statement date are both unknown is not measured: nothing says
 * how old it is, and guessing would be inventing a date. The age comes from the settings document,
 * default 12 months.
 */
async function staleFigureWarning(figure: FigureData | undefined, context: StaleContext): Promise<true | string> {
  const dataDate = figure ? figureDataDate(figure, context.document?.statedAt) : null
  if (!dataDate || !context.document?._id) return true
  const id = context.document._id.replace(/^drafts\./, '')
  const { months, trips } = await context.getClient({ apiVersion: '2025-02-19' }).fetch<{
    months: number | null
    trips: { title: string | null; startDate: string | null }[]
  }>(
    `{
      "months": *[_type == "settings" && _id == "settings"][0].factMaxAgeMonths,
      "trips": *[_type == "trip" && !(_id in path("drafts.**")) && references($id)] { title, startDate }
    }`,
    { id },
  )
  const maxAge = months ?? DEFAULT_FACT_MAX_AGE_MONTHS
  if (trips.length === 0) {
    const today = new Date().toISOString().slice(0, 10)
    return isStale(dataDate, today, maxAge) ? `This figure covers a period that ended more than ${maxAge} months ago. Check for a newer one before using it.` : true
  }
  const staleFor = trips.filter((trip) => isStale(dataDate, trip.startDate, maxAge))
  if (staleFor.length === 0) return true
  const names = staleFor.map((trip) => `${trip.title ?? 'Untitled trip'} (${formatIsoDate(trip.startDate)})`).join('; ')
  return `This figure covers a period that ended more than ${maxAge} months before the start of: ${names}. Check for a newer one.`
}

const partialDateRule = (value: string | undefined) => (value === undefined || isPartialDate(value) ? true : 'Write a year (2019), a month (2019-03) or a day (2019-03-15).')

/** The span of time a figure covers, as precisely as the source says it. */
export const figurePeriod = defineType({
  name: 'figurePeriod',
  title: 'Period',
  type: 'object',
  description: 'The time the figure covers, only as the source gives it (“in 2019” is 2019 to 2019; “since 1952” is a start only). Leave empty when the source does not say.',
  options: { columns: 2 },
  fields: [
    defineField({ name: 'start', title: 'From', description: 'A year, month or day: 2019, 2019-03 or 2019-03-15.', type: 'string', validation: (rule) => rule.custom(partialDateRule) }),
    defineField({
      name: 'end',
      title: 'To',
      description: 'Empty for a period that runs up to when the fact was stated.',
      type: 'string',
      validation: (rule) => [
        rule.custom(partialDateRule),
        rule.custom((end: string | undefined, context) => {
          const start = (context.parent as { start?: string } | undefined)?.start
          const from = start ? firstDayOf(start) : null
          const to = end ? firstDayOf(end) : null
          return from && to && to < from ? 'The period cannot end before it starts.' : true
        }),
      ],
    }),
  ],
})

/**
 * One figure of a fact, as data: the number, its scale and currency or counted unit, the
 * qualifier the source puts before it, and the period it covers. The portal writes it back out in
 * the source's words (lib/figures.ts), so the data must match the fact's text.
 */
export const figure = defineType({
  name: 'figure',
  title: 'Figure',
  type: 'object',
  fields: [
    defineField({
      name: 'qualifier',
      title: 'Qualifier',
      description: 'The word the source puts before the number, if any. Never drop it: without it the figure overstates the source.',
      type: 'string',
      options: { list: FIGURE_QUALIFIERS.map((value) => ({ title: value, value })), layout: 'dropdown' },
    }),
    defineField({
      name: 'value',
      title: 'Value',
      description: 'The number as the source writes it, before any scale word: 948100 for “948,100”, 644.7 for “$644.7 billion”.',
      type: 'number',
      validation: (rule) => rule.required().error('Add the number exactly as the fact states it.'),
    }),
    defineField({
      name: 'scale',
      title: 'Scale',
      description: 'The word after the number, if the source uses one (“billion” in “$644.7 billion”).',
      type: 'string',
      options: { list: FIGURE_SCALES.map((value) => ({ title: value, value })), layout: 'dropdown' },
    }),
    defineField({
      name: 'currency',
      title: 'Currency',
      description: 'For an amount of money: the currency it is in (USD shows as “$”).',
      type: 'string',
      options: { list: FIGURE_CURRENCIES.map((value) => ({ title: value, value })), layout: 'dropdown' },
    }),
    defineField({
      name: 'unit',
      title: 'Unit',
      description: 'What is counted, in the source’s words, e.g. “jobs” or “U.S. service members”.',
      type: 'string',
    }),
    defineField({ name: 'period', title: 'Period', type: 'figurePeriod' }),
    defineField({
      name: 'label',
      title: 'Caption',
      description: 'A short caption shown under the figure.',
      type: 'string',
      validation: (rule) => rule.required().error('Add a short caption that explains the figure.'),
    }),
  ],
  validation: (rule) => [
    // The portal writes the figure from this data: it must read as the fact's own words.
    rule
      .custom((value: FigureData | undefined, context) => {
        const text = toPlainText((context.document as FactDocument | undefined)?.text)
        const wording = value ? figureText(value) : null
        return !value || !wording || textHoldsFigure(text, value) ? true : `“${wording}” is not in the fact’s text as written: check the qualifier, number, scale and unit.`
      })
      .warning(),
    rule.custom((value: FigureData | undefined, context) => staleFigureWarning(value, { document: context.document as FactDocument | undefined, getClient: context.getClient })).warning(),
  ],
  preview: {
    select: { qualifier: 'qualifier', value: 'value', scale: 'scale', currency: 'currency', unit: 'unit', period: 'period', label: 'label' },
    prepare: ({ label, ...data }: FigureData & { label?: string }) => ({
      title: figureText(data) ?? 'No value',
      subtitle: [periodText(data.period), label].filter(Boolean).join(' · '),
    }),
  },
})

export const factBullet = defineType({
  name: 'factBullet',
  title: 'Fact',
  type: 'document',
  fields: [
    defineField({
      name: 'text',
      title: 'Text',
      description: 'The fact, word for word as the source states it.',
      type: 'blockContent',
      validation: (rule) => rule.required().min(1).error('Write the fact.'),
    }),
    defineField({
      name: 'figures',
      title: 'Figures',
      description: 'The numbers the fact gives, one entry each, as data. The first ones show as highlighted figures.',
      type: 'array',
      of: [defineArrayMember({ type: 'figure' })],
    }),
    defineField({
      name: 'source',
      title: 'Source',
      type: 'source',
      validation: (rule) => rule.required().error('Say where this fact comes from.'),
    }),
    defineField({
      name: 'statedAt',
      title: 'Stated on',
      description: 'The date the source stated the fact (not the period its figures cover). Leave empty when the source gives no date.',
      type: 'date',
    }),
    defineField({
      name: 'topics',
      title: 'Topics',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'topic' }] })],
      validation: (rule) => rule.unique().error('Each topic only once, please.'),
    }),
    defineField({
      name: 'countries',
      title: 'Countries',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'country' }] })],
      validation: (rule) => rule.unique().error('Each country only once, please.'),
    }),
  ],
  orderings: [{ title: 'Stated, newest first', name: 'statedAtDesc', by: [{ field: 'statedAt', direction: 'desc' }] }],
  preview: {
    select: { text: 'text', figures: 'figures', statedAt: 'statedAt', source: 'source.title' },
    prepare: ({ text, figures, statedAt, source }: { text?: PtBlock[]; figures?: FigureData[]; statedAt?: string; source?: string }) => ({
      title: excerpt(text) || 'Empty fact',
      subtitle: [figures?.[0] ? figureText(figures[0]) : null, statedAt ? `stated ${statedAt}` : null, source].filter(Boolean).join(' · '),
    }),
  },
})

/** A heading with an ordered list of facts, used inside a trip's fact sheet. */
export const factSection = defineType({
  name: 'factSection',
  title: 'Fact sheet section',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Heading',
      type: 'string',
      validation: (rule) => rule.required().error('Give the section a heading.'),
    }),
    defineField({
      name: 'topic',
      title: 'Topic',
      type: 'reference',
      to: [{ type: 'topic' }],
    }),
    defineField({
      name: 'bullets',
      title: 'Facts',
      description: 'In the order they should appear.',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'factBullet' }] })],
      validation: (rule) => [rule.required().min(1).error('Add at least one fact to the section.'), rule.unique().error('Each fact only once per section, please.')],
    }),
  ],
  preview: {
    select: { title: 'heading', bullets: 'bullets' },
    prepare: ({ title, bullets }: { title?: string; bullets?: unknown[] }) => ({
      title: title ?? 'Untitled section',
      subtitle: `${bullets?.length ?? 0} fact${bullets?.length === 1 ? '' : 's'}`,
    }),
  },
})
