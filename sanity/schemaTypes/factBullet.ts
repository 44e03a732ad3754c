import { defineArrayMember, defineField, defineType } from 'sanity'
import { DEFAULT_FACT_MAX_AGE_MONTHS, isStale } from '../../lib/freshness'
import { formatIsoDate } from '../lib/dates'
import { excerpt, type PtBlock } from '../lib/portableText'

/**
 * Warns (never blocks) when a figure's "as of" date is too old for the trips that use the fact:
 * measured against each referencing trip's first day, or today when no trip uses it yet (a fact
 * kept for future sheets). The age comes from the settings document, default 12 months.
 */
async function staleFigureWarning(
  asOf: string | undefined,
  context: { document?: { _id?: string; figure?: { value?: string } }; getClient: (options: { apiVersion: string }) => { fetch: <R>(query: string, params: Record<string, unknown>) => Promise<R> } },
): Promise<true | string> {
  if (!asOf || !context.document?.figure?.value || !context.document._id) return true
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
    return isStale(asOf, today, maxAge) ? `This figure is more than ${maxAge} months old. Check for a newer one before using it.` : true
  }
  const staleFor = trips.filter((trip) => isStale(asOf, trip.startDate, maxAge))
  if (staleFor.length === 0) return true
  const names = staleFor.map((trip) => `${trip.title ?? 'Untitled trip'} (${formatIsoDate(trip.startDate)})`).join('; ')
  return `This figure is more than ${maxAge} months older than the start of: ${names}. Check for a newer one.`
}

/** A highlighted number from a fact bullet. `value` is written exactly as in the bullet text. */
export const figure = defineType({
  name: 'figure',
  title: 'Highlighted figure',
  type: 'object',
  fields: [
    defineField({
      name: 'qualifier',
      title: 'Qualifier',
      description: 'Words the source puts before the number, e.g. "more than", "nearly", "approximately".',
      type: 'string',
    }),
    defineField({
      name: 'value',
      title: 'Value',
      description: 'Exactly as written in the fact, e.g. "30,000" or "$644.7 billion".',
      type: 'string',
      validation: (rule) => rule.required().error('Add the figure exactly as the fact states it.'),
    }),
    defineField({
      name: 'unit',
      title: 'Unit',
      description: 'What is counted, e.g. "jobs" or "U.S. service members".',
      type: 'string',
    }),
    defineField({
      name: 'label',
      title: 'Label',
      description: 'A short caption shown under the figure.',
      type: 'string',
      validation: (rule) => rule.required().error('Add a short caption that explains the figure.'),
    }),
  ],
  preview: {
    select: { qualifier: 'qualifier', value: 'value', unit: 'unit', label: 'label' },
    prepare: ({ qualifier, value, unit, label }: Record<string, string | undefined>) => ({
      title: [qualifier, value, unit].filter(Boolean).join(' '),
      subtitle: label,
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
      name: 'figure',
      title: 'Highlighted figure',
      description: 'Optional: the one number this fact is about. Requires an “As of” date.',
      type: 'figure',
    }),
    defineField({
      name: 'source',
      title: 'Source',
      type: 'source',
      validation: (rule) => rule.required().error('Say where this fact comes from.'),
    }),
    defineField({
      name: 'asOf',
      title: 'As of',
      description: 'The date the fact speaks for. Required when the fact has a highlighted figure.',
      type: 'date',
      validation: (rule) => [
        rule.custom((asOf, context) => {
          const doc = context.document as { figure?: { value?: string } } | undefined
          return doc?.figure?.value && !asOf ? 'A fact with a figure needs an “As of” date, so readers know how current it is.' : true
        }),
        rule
          .custom((asOf: string | undefined, context) =>
            staleFigureWarning(asOf, { document: context.document as { _id?: string; figure?: { value?: string } } | undefined, getClient: context.getClient }),
          )
          .warning(),
      ],
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
  orderings: [{ title: 'As of, newest first', name: 'asOfDesc', by: [{ field: 'asOf', direction: 'desc' }] }],
  preview: {
    select: { text: 'text', value: 'figure.value', asOf: 'asOf', source: 'source.title' },
    prepare: ({ text, value, asOf, source }: { text?: PtBlock[]; value?: string; asOf?: string; source?: string }) => ({
      title: excerpt(text) || 'Empty fact',
      subtitle: [value, asOf ? `as of ${asOf}` : 'no date', source].filter(Boolean).join(' · '),
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
      validation: (rule) => [
        rule.required().min(1).error('Add at least one fact to the section.'),
        rule.unique().error('Each fact only once per section, please.'),
      ],
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
