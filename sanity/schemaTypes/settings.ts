import { defineArrayMember, defineField, defineType } from 'sanity'

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
  ],
  preview: { prepare: () => ({ title: 'Settings' }) },
})
