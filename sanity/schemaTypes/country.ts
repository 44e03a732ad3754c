import { defineField, defineType } from 'sanity'

export const country = defineType({
  name: 'country',
  title: 'Country',
  type: 'document',
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      description: 'The name used in briefings, e.g. "Republic of Korea".',
      type: 'string',
      validation: (rule) => rule.required().error('Give the country a name.'),
    }),
    defineField({
      name: 'code',
      title: 'Country code',
      description: 'Two-letter ISO 3166-1 alpha-2 code in capitals, e.g. JP.',
      type: 'string',
      validation: (rule) => [
        rule.required().error('Add the two-letter country code.'),
        rule.regex(/^[A-Z]{2}$/, { name: 'ISO 3166-1 alpha-2' }).error('Use exactly two capital letters, e.g. JP or US.'),
      ],
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      options: { source: 'name', maxLength: 96 },
      validation: (rule) => rule.required().error('Generate a slug from the name.'),
    }),
    defineField({
      name: 'introduction',
      title: 'Introduction',
      description: 'A short paragraph opening the country’s page. Empty shows none.',
      type: 'text',
      rows: 4,
      validation: (rule) => rule.max(800).warning('Keep the introduction short: 800 characters at most.'),
    }),
  ],
  orderings: [{ title: 'Name', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
  preview: { select: { title: 'name', subtitle: 'code' } },
})
