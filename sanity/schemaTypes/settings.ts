import { defineArrayMember, defineField, defineType } from 'sanity'
import { DEFAULT_FACT_MAX_AGE_MONTHS } from '../../lib/freshness'

/** The identifier's required links, in the order USWDS lists them. */
export const requiredLinkFields = [
  { name: 'about', title: 'About' },
  { name: 'accessibility', title: 'Accessibility statement' },
  { name: 'foia', title: 'FOIA requests' },
  { name: 'noFear', title: 'No FEAR Act data' },
  { name: 'inspectorGeneral', title: 'Office of the Inspector General' },
  { name: 'performance', title: 'Performance reports' },
  { name: 'privacy', title: 'Privacy policy' },
] as const

/** Site-wide settings. A singleton: the Studio only ever opens the document with _id "settings". */
export const settings = defineType({
  name: 'settings',
  title: 'Settings',
  type: 'document',
  fields: [
    defineField({
      name: 'title',
      title: 'Site title',
      type: 'string',
      validation: (rule) => rule.required().error('Give the site a title.'),
    }),
    defineField({
      name: 'description',
      title: 'Site description',
      description: 'Used in search results and link previews.',
      type: 'text',
      rows: 3,
      validation: (rule) => [rule.required().error('Describe the site in a sentence.'), rule.max(300).warning('Keep it under 300 characters.')],
    }),
    defineField({
      name: 'siteUrl',
      title: 'Site address',
      description: 'The public address, e.g. https://envoy.example.gov. Empty means the address from the environment.',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['https', 'http'] }).error('Use a full web address starting with https://.'),
    }),
    defineField({
      name: 'publisher',
      title: 'Agency',
      description: 'The agency that publishes the site, e.g. "U.S. Department of State". Shown in the header and the identifier.',
      type: 'string',
    }),
    defineField({
      name: 'parentAgency',
      title: 'Parent agency',
      description: 'Only when the agency is part of a larger one; the identifier then reads "An official website of …". Empty shows nothing.',
      type: 'string',
    }),
    defineField({
      name: 'agencyLogo',
      title: 'Agency logo',
      description: 'The agency’s seal or logo, shown in the header and the identifier. Empty shows none.',
      type: 'image',
      fields: [
        defineField({
          name: 'alt',
          title: 'Alternative text',
          description: 'e.g. "U.S. Department of State seal".',
          type: 'string',
          validation: (rule) =>
            rule.custom((alt, context) => {
              const parent = context.parent as { asset?: unknown } | undefined
              return parent?.asset && !alt ? 'Describe the logo for people who cannot see it.' : true
            }),
        }),
      ],
    }),
    defineField({
      name: 'pressContact',
      title: 'Press contact',
      description: 'How reporters reach the press office. Fill in only what the agency publishes: empty fields are not shown.',
      type: 'pressContact',
    }),
    defineField({
      name: 'identifierLinks',
      title: 'Identifier links',
      description: 'Pages that identify the publisher elsewhere (used as schema.org “sameAs”).',
      type: 'array',
      of: [defineArrayMember({ type: 'relatedLink' })],
    }),
    defineField({
      name: 'requiredLinks',
      title: 'Required links (identifier)',
      description:
        'The links federal policy asks for at the foot of every page. Fill in only addresses that really exist: empty ones are not shown. A path such as /about points to a page on this site.',
      type: 'requiredLinks',
    }),
    defineField({
      name: 'factMaxAgeMonths',
      title: 'Figures go stale after (months)',
      description: `A figure whose period ended more than this many months before a trip’s first day (for a period with no end: whose fact was stated that long before) is flagged in the Studio and in preview (never on the public sheet). Empty means ${DEFAULT_FACT_MAX_AGE_MONTHS}.`,
      type: 'number',
      validation: (rule) => rule.integer().min(1).max(120).error('Use a whole number of months between 1 and 120.'),
    }),
  ],
  preview: { prepare: () => ({ title: 'Settings' }) },
})

/** The identifier's required links: one optional address each. */
export const requiredLinks = defineType({
  name: 'requiredLinks',
  title: 'Required links',
  type: 'object',
  fields: requiredLinkFields.map(({ name, title }) =>
    defineField({
      name,
      title,
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['https', 'http'], allowRelative: true }).error('Use a full web address or a path starting with /.'),
    }),
  ),
})

/** How reporters reach the press office; every part optional, since agencies publish different ones. */
export const pressContact = defineType({
  name: 'pressContact',
  title: 'Press contact',
  type: 'object',
  fields: [
    defineField({ name: 'name', title: 'Office or person', description: 'e.g. "Office of Press Relations".', type: 'string' }),
    defineField({
      name: 'email',
      title: 'Email',
      type: 'string',
      validation: (rule) => rule.email().error('Use an email address such as press@example.gov.'),
    }),
    defineField({
      name: 'phone',
      title: 'Telephone',
      description: 'As it should be dialled, e.g. +1 202 555 0100.',
      type: 'string',
      validation: (rule) => rule.regex(/^\+?[0-9 ().-]{5,30}$/, { name: 'telephone number' }).error('Use digits, spaces, brackets, dots or dashes, e.g. +1 202 555 0100.'),
    }),
    defineField({
      name: 'url',
      title: 'Press page',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['https', 'http'], allowRelative: true }).error('Use a full web address or a path starting with /.'),
    }),
  ],
})
