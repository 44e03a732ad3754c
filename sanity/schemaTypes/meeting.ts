import { defineArrayMember, defineField, defineType } from 'sanity'
import { MeetingTimeInput } from '../inputs/MeetingTimeInput'
import { studioApiVersion } from '../env'
import { formatIsoDate } from '../lib/dates'
import { referencedId, TRIP_ZONE_QUERY, tripZoneFrom } from '../lib/meetingZone'
import { instantToWallClock, isIanaTimeZone } from '../lib/timeZone'
import { timeZoneField } from './trip'

export const meetingKinds = [
  { title: '“2+2” ministerial', value: 'twoPlusTwo' },
  { title: 'Bilateral meeting', value: 'bilateral' },
  { title: 'Roundtable', value: 'roundtable' },
  { title: 'Virtual discussion', value: 'virtualDiscussion' },
  { title: 'Virtual meeting', value: 'virtualMeeting' },
  { title: 'Press availability', value: 'pressAvailability' },
  { title: 'Other', value: 'other' },
] as const

export const meetingFormats = [
  { title: 'In person', value: 'inPerson' },
  { title: 'Virtual', value: 'virtual' },
] as const

/**
 * The press arrangements the Department's daily public schedule announces, in its words (the
 * portal prints them in capitals, as the schedule does: lib/labels.ts). "To be determined" is the
 * explicit "not announced yet" value; leave the field empty when nothing is known.
 */
export const pressCoverageOptions = [
  { title: 'Open press coverage', value: 'open' },
  { title: 'Pooled press coverage', value: 'pooled' },
  { title: 'Closed press coverage', value: 'closed' },
  { title: 'Camera spray at the top', value: 'cameraSpray' },
  { title: 'Pooled camera spray at the top', value: 'pooledCameraSpray' },
  { title: 'To be determined', value: 'toBeDetermined' },
] as const

export const meeting = defineType({
  name: 'meeting',
  title: 'Meeting',
  type: 'document',
  groups: [
    { name: 'what', title: 'What', default: true },
    { name: 'when', title: 'When and where' },
    { name: 'who', title: 'Who' },
  ],
  fields: [
    defineField({
      name: 'trip',
      title: 'Trip',
      type: 'reference',
      group: 'what',
      to: [{ type: 'trip' }],
      validation: (rule) => rule.required().error('Choose the trip this meeting belongs to.'),
    }),
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      group: 'what',
      validation: (rule) => rule.required().error('Give the meeting a title.'),
    }),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      group: 'what',
      options: { list: [...meetingKinds], layout: 'dropdown' },
      validation: (rule) => rule.required().error('Choose what kind of meeting this is.'),
    }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'blockContent',
      group: 'what',
    }),
    defineField({
      name: 'agenda',
      title: 'Agenda',
      description: 'Subjects to be discussed, one per line, in the source’s words.',
      type: 'array',
      group: 'what',
      of: [defineArrayMember({ type: 'string' })],
    }),
    defineField({
      name: 'order',
      title: 'Order',
      description: 'Sorts meetings on the same day, or with no date yet: lower numbers first.',
      type: 'number',
      group: 'what',
      validation: (rule) => rule.integer().min(0).error('Use a whole number, 0 or more.'),
    }),
    defineField({
      name: 'readoutUrl',
      title: 'Readout',
      description: 'Address of the official readout, once published.',
      type: 'url',
      group: 'what',
      validation: (rule) => rule.uri({ scheme: ['http', 'https'] }).error('Use a full web address starting with https://.'),
    }),
    defineField({
      name: 'date',
      title: 'Date',
      description: 'Local date of the meeting. Leave empty until it is announced; the portal shows “Date to be announced”.',
      type: 'date',
      group: 'when',
      validation: (rule) =>
        rule.custom((date, context) => {
          const doc = context.document as { startsAt?: string } | undefined
          return doc?.startsAt && !date ? 'A meeting with a start time also needs its local date.' : true
        }),
    }),
    // Before the times: they are typed in this zone.
    {
      ...timeZoneField('timeZone', 'Time zone'),
      group: 'when',
      description: 'Only for a meeting outside the trip destination’s time zone: IANA name, e.g. Asia/Seoul. Empty means the destination’s.',
    },
    defineField({
      name: 'startsAt',
      title: 'Starts at',
      description: 'Only when the time is announced: type it as the clocks show it where the meeting happens. Leave the time empty when only the date is known.',
      type: 'datetime',
      group: 'when',
      components: { input: MeetingTimeInput },
      validation: (rule) =>
        rule
          .custom(async (startsAt, context) => {
            if (typeof startsAt !== 'string') return true
            const doc = context.document as { date?: unknown; timeZone?: unknown; trip?: unknown } | undefined
            if (typeof doc?.date !== 'string') return true
            const own = typeof doc.timeZone === 'string' && isIanaTimeZone(doc.timeZone) ? doc.timeZone : null
            const tripId = referencedId(doc.trip)
            const zone = own ?? (tripId ? tripZoneFrom(await context.getClient({ apiVersion: studioApiVersion }).fetch<unknown>(TRIP_ZONE_QUERY, { id: tripId })) : null)
            const local = zone ? instantToWallClock(startsAt, zone) : null
            // The portal lists a meeting under its date: a start on another day there would read wrong.
            return !zone || !local || local.date === doc.date
              ? true
              : `This start falls on ${formatIsoDate(local.date)} in ${zone}, but the meeting’s date is ${formatIsoDate(doc.date)}. Correct one of them.`
          })
          .warning(),
    }),
    defineField({
      name: 'endsAt',
      title: 'Ends at',
      description: 'Local time where the meeting happens, like the start.',
      type: 'datetime',
      group: 'when',
      components: { input: MeetingTimeInput },
      validation: (rule) =>
        rule.custom((endsAt, context) => {
          if (!endsAt) return true
          const startsAt = (context.document as { startsAt?: string } | undefined)?.startsAt
          if (!startsAt) return 'Add the start time before the end time.'
          return Date.parse(endsAt) > Date.parse(startsAt) ? true : 'The meeting must end after it starts.'
        }),
    }),
    defineField({
      name: 'format',
      title: 'In person or virtual',
      description: 'Leave empty when the source does not say.',
      type: 'string',
      group: 'when',
      options: { list: [...meetingFormats], layout: 'radio', direction: 'horizontal' },
    }),
    defineField({ name: 'venue', title: 'Venue', type: 'string', group: 'when' }),
    defineField({ name: 'city', title: 'City', type: 'string', group: 'when' }),
    defineField({
      name: 'pressCoverage',
      title: 'Press coverage',
      description: 'Leave empty when nothing has been said; “To be determined” means announced as undecided.',
      type: 'string',
      group: 'when',
      options: { list: [...pressCoverageOptions], layout: 'dropdown' },
    }),
    defineField({
      name: 'hosts',
      title: 'Hosts',
      type: 'array',
      group: 'who',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'official' }] })],
      validation: (rule) => rule.unique().error('Each host only once, please.'),
    }),
    defineField({
      name: 'participants',
      title: 'Participants',
      description: 'Officials taking part, other than the hosts.',
      type: 'array',
      group: 'who',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'official' }] })],
      validation: (rule) => rule.unique().error('Each participant only once, please.'),
    }),
    defineField({
      name: 'otherParticipants',
      title: 'Other participants',
      description: 'Groups who are not in the official list, e.g. “business leaders”, in the source’s words.',
      type: 'array',
      group: 'who',
      of: [defineArrayMember({ type: 'string' })],
    }),
  ],
  orderings: [
    {
      title: 'Date',
      name: 'dateAsc',
      by: [
        { field: 'date', direction: 'asc' },
        { field: 'order', direction: 'asc' },
      ],
    },
  ],
  preview: {
    select: { title: 'title', kind: 'kind', date: 'date', trip: 'trip.title', format: 'format' },
    prepare: ({ title, kind, date, trip, format }: Record<string, string | undefined>) => ({
      title: title ?? 'Untitled meeting',
      subtitle: [date ? formatIsoDate(date) : 'Date to be announced', meetingKinds.find((k) => k.value === kind)?.title, format === 'virtual' ? 'Virtual' : undefined, trip]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
