import { CalendarIcon } from '@sanity/icons'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { DestinationInput } from '../inputs/DestinationInput'
import { formatDateRange } from '../lib/dates'
import { isIanaTimeZone } from '../lib/timeZone'
import { EmbargoInput } from '../workflow/EmbargoInput'

export const timeZoneField = (name = 'timeZone', title = 'Time zone') =>
  defineField({
    name,
    title,
    description: 'IANA time zone name, e.g. Asia/Tokyo, Asia/Seoul, Europe/Brussels or America/New_York.',
    type: 'string',
    validation: (rule) => rule.custom((value) => (value === undefined || isIanaTimeZone(value) ? true : 'Use an IANA time zone name such as Asia/Tokyo or America/New_York.')),
  })

export const destination = defineType({
  name: 'destination',
  title: 'Destination',
  type: 'object',
  // Picked from the city list, which fills city, time zone and coordinates; all stay editable.
  components: { input: DestinationInput },
  fields: [
    defineField({
      name: 'city',
      title: 'City',
      type: 'string',
      validation: (rule) => rule.required().error('Name the city.'),
    }),
    defineField({
      name: 'country',
      title: 'Country',
      type: 'reference',
      to: [{ type: 'country' }],
      validation: (rule) => rule.required().error('Choose the country.'),
    }),
    {
      ...timeZoneField(),
      validation: (rule) => [
        rule.required().error('Add the destination’s time zone, so meeting times show correctly.'),
        rule.custom((value: string | undefined) => (value === undefined || isIanaTimeZone(value) ? true : 'Use an IANA time zone name such as Asia/Tokyo.')),
      ],
    },
    defineField({
      name: 'location',
      title: 'Location on the map',
      description: 'Latitude and longitude (filled in from the city list), and altitude in metres when it matters: the portal marks the place on the trip map.',
      type: 'geopoint',
    }),
  ],
  preview: {
    select: { city: 'city', country: 'country.name', timeZone: 'timeZone' },
    prepare: ({ city, country, timeZone }: Record<string, string | undefined>) => ({
      title: [city, country].filter(Boolean).join(', '),
      subtitle: timeZone,
    }),
  },
})

export const changeNote = defineType({
  name: 'changeNote',
  title: 'Change note',
  type: 'object',
  fields: [
    defineField({
      name: 'date',
      title: 'Changed at',
      type: 'datetime',
      validation: (rule) => rule.required().error('When was the change made?'),
    }),
    defineField({
      name: 'note',
      title: 'What changed',
      type: 'text',
      rows: 2,
      validation: (rule) => rule.required().error('Say what changed, in a sentence.'),
    }),
    defineField({
      name: 'major',
      title: 'Major update',
      description: 'Shown to readers in the change history. Leave off for corrections of typos and the like.',
      type: 'boolean',
      initialValue: false,
    }),
  ],
  preview: {
    select: { title: 'note', date: 'date', major: 'major' },
    prepare: ({ title, date, major }: { title?: string; date?: string; major?: boolean }) => ({
      title: title ?? 'Change',
      subtitle: [date?.slice(0, 10), major ? 'Major' : 'Minor'].filter(Boolean).join(' · '),
    }),
  },
})

export const trip = defineType({
  name: 'trip',
  title: 'Trip',
  type: 'document',
  icon: CalendarIcon,
  groups: [
    { name: 'overview', title: 'Overview', default: true },
    { name: 'factSheet', title: 'Fact sheet' },
    { name: 'publishing', title: 'Publishing' },
  ],
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      group: 'overview',
      validation: (rule) => rule.required().error('Give the trip a title.'),
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      group: 'overview',
      options: { source: 'title', maxLength: 96 },
      validation: (rule) => rule.required().error('Generate a slug: it is the trip’s web address.'),
    }),
    defineField({
      name: 'startDate',
      title: 'First day',
      type: 'date',
      group: 'overview',
      validation: (rule) => rule.required().error('Add the first day of the trip.'),
    }),
    defineField({
      name: 'endDate',
      title: 'Last day',
      type: 'date',
      group: 'overview',
      validation: (rule) => [
        rule.required().error('Add the last day of the trip (the same as the first day for a one-day trip).'),
        rule.min(rule.valueOfField('startDate')).error('The last day cannot be before the first day.'),
      ],
    }),
    defineField({
      name: 'destinations',
      title: 'Destinations',
      type: 'array',
      group: 'overview',
      of: [defineArrayMember({ type: 'destination' })],
      validation: (rule) => rule.required().min(1).error('Add at least one destination.'),
    }),
    defineField({
      name: 'officials',
      title: 'Travelling officials',
      type: 'array',
      group: 'overview',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'official' }] })],
      validation: (rule) => [rule.required().min(1).error('Add the officials who travel.'), rule.unique().error('Each official only once, please.')],
    }),
    defineField({
      name: 'purpose',
      title: 'Purpose',
      description: 'Why the trip is taking place.',
      type: 'blockContent',
      group: 'overview',
      validation: (rule) => rule.required().min(1).error('Describe the purpose of the trip.'),
    }),
    defineField({
      name: 'summary',
      title: 'Summary',
      description: 'An overview of the programme.',
      type: 'blockContent',
      group: 'overview',
    }),
    defineField({
      name: 'leadQuote',
      title: 'Lead quote',
      type: 'reference',
      group: 'overview',
      to: [{ type: 'quote' }],
    }),
    defineField({
      name: 'factSections',
      title: 'Fact sheet sections',
      type: 'array',
      group: 'factSheet',
      of: [defineArrayMember({ type: 'factSection' })],
    }),
    defineField({
      name: 'relatedLinks',
      title: 'Related links',
      description: 'Only pages the source ties to this trip; not promotions the source page runs on every page.',
      type: 'array',
      group: 'factSheet',
      of: [defineArrayMember({ type: 'relatedLink' })],
    }),
    defineField({
      name: 'source',
      title: 'Issued by',
      description: 'Who issued the announcement this trip page is based on.',
      type: 'source',
      group: 'publishing',
    }),
    defineField({
      name: 'firstPublishedAt',
      title: 'First published',
      description: 'Set by Publish the first time the trip is published. Change it only for a briefing first issued elsewhere; leave it empty when unknown (the page then shows no date).',
      type: 'datetime',
      group: 'publishing',
    }),
    defineField({
      name: 'updatedAt',
      title: 'Last updated',
      description: 'Set by Publish when a change is marked major (a minor correction is not told to readers). Leave it empty when unknown.',
      type: 'datetime',
      group: 'publishing',
      validation: (rule) =>
        rule.custom((updatedAt, context) => {
          const first = (context.document as { firstPublishedAt?: string } | undefined)?.firstPublishedAt
          return updatedAt && first && updatedAt < first ? 'The update cannot be earlier than the first publication.' : true
        }),
    }),
    defineField({
      name: 'embargoUntil',
      title: 'Embargoed until',
      description:
        'Leave empty unless the trip is announced at a set time. Until then nothing of it is public — not its page, meetings, fact sheet, feed or calendar entries. Approve the trip, its meetings and facts, then use “Schedule embargo lift”: everything publishes together at the lift.',
      type: 'datetime',
      group: 'publishing',
      components: { input: EmbargoInput },
    }),
    defineField({
      name: 'changeNotes',
      title: 'Change history',
      description:
        'One entry per update. Mark an update “major” when readers should know about it (a new date, a cancelled meeting): major notes show in the page’s change history; minor ones stay silent.',
      type: 'array',
      group: 'publishing',
      of: [defineArrayMember({ type: 'changeNote' })],
    }),
    defineField({
      name: 'withdrawn',
      title: 'Withdrawn',
      description: 'Only when the trip is withdrawn. The page stays up, with a withdrawal notice and this explanation.',
      type: 'object',
      group: 'publishing',
      options: { collapsible: true, collapsed: true },
      fields: [
        defineField({ name: 'at', title: 'Withdrawn at', type: 'datetime' }),
        defineField({
          name: 'explanation',
          title: 'Explanation',
          description: 'Why the trip was withdrawn, as readers should read it.',
          type: 'text',
          rows: 3,
          validation: (rule) =>
            rule.custom((explanation, context) => {
              const parent = context.parent as { at?: string } | undefined
              return parent?.at && !explanation ? 'Explain the withdrawal to readers.' : true
            }),
        }),
      ],
    }),
  ],
  orderings: [
    { title: 'First day, newest first', name: 'startDateDesc', by: [{ field: 'startDate', direction: 'desc' }] },
    { title: 'First day, oldest first', name: 'startDateAsc', by: [{ field: 'startDate', direction: 'asc' }] },
  ],
  preview: {
    select: { title: 'title', startDate: 'startDate', endDate: 'endDate', city: 'destinations.0.city' },
    prepare: ({ title, startDate, endDate, city }: Record<string, string | undefined>) => ({
      title: title ?? 'Untitled trip',
      subtitle: [formatDateRange(startDate, endDate) || 'No dates', city].filter(Boolean).join(' · '),
    }),
  },
})
