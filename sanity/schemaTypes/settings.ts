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
      validation: (rule) => [
        rule.required().error('Describe the site in a sentence.'),
        rule.max(300).warning('Keep it under 300 characters.'),
      ],
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
      title: 'Publisher',
      description: 'The organization that publishes the site.',
      type: 'string',
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
