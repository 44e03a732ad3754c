import { defineField, defineType } from 'sanity'

export const official = defineType({
  name: 'official',
  title: 'Official',
  type: 'document',
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      description: 'Full name as used in official announcements, e.g. "Antony J. Blinken".',
      type: 'string',
      validation: (rule) => rule.required().error('Give the official a name.'),
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      options: { source: 'name', maxLength: 96 },
      validation: (rule) => rule.required().error('Generate a slug from the name.'),
    }),
    defineField({
      name: 'title',
      title: 'Title or office',
      description: 'e.g. "Secretary of State" or "Minister for Foreign Affairs".',
      type: 'string',
      validation: (rule) => rule.required().error('Add the official’s title or office.'),
    }),
    defineField({
      name: 'organization',
      title: 'Organization',
      description: 'The department, ministry or government the official serves.',
      type: 'string',
    }),
    defineField({
      name: 'precedence',
      title: 'Order of precedence',
      description:
        'Where the official stands in the order of precedence: lower numbers first on the daily public schedule (e.g. 10 for the Secretary of State, 20 for the Secretary of Defense; leave gaps for offices in between). Leave empty when no order is known: those officials follow, in the order the schedule lists them.',
      type: 'number',
      validation: (rule) => rule.integer().min(0).error('Use a whole number, 0 or more.'),
    }),
    defineField({
      name: 'leftOffice',
      title: 'Left office on',
      description: 'Only once the official has left this office. Their page and the trips they took part in then say so: the pages stay up as a historical record.',
      type: 'date',
    }),
    defineField({
      name: 'country',
      title: 'Country',
      type: 'reference',
      to: [{ type: 'country' }],
      validation: (rule) => rule.required().error('Choose the country the official represents.'),
    }),
    defineField({
      name: 'portrait',
      title: 'Portrait',
      type: 'image',
      options: { hotspot: true },
      fields: [
        defineField({
          name: 'alt',
          title: 'Alternative text',
          type: 'string',
          validation: (rule) =>
            rule.custom((alt, context) => {
              const parent = context.parent as { asset?: unknown } | undefined
              return parent?.asset && !alt ? 'Describe the portrait for people who cannot see it.' : true
            }),
        }),
      ],
    }),
    defineField({
      name: 'bio',
      title: 'Short bio',
      type: 'text',
      rows: 4,
      validation: (rule) => rule.max(600).warning('Keep the bio short: 600 characters at most.'),
    }),
  ],
  orderings: [
    { title: 'Name', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] },
    {
      title: 'Order of precedence',
      name: 'precedenceAsc',
      by: [
        { field: 'precedence', direction: 'asc' },
        { field: 'name', direction: 'asc' },
      ],
    },
  ],
  preview: {
    select: { title: 'name', office: 'title', country: 'country.name', media: 'portrait' },
    prepare: ({ title, office, country, media }: { title?: string; office?: string; country?: string; media?: unknown }) => ({
      title: title ?? 'Unnamed official',
      subtitle: [office, country].filter(Boolean).join(', '),
      media: media as never,
    }),
  },
})
