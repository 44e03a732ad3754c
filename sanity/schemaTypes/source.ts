import { defineField, defineType } from 'sanity'

/** Where a fact, quote or trip notice comes from. The address is optional: never invent one. */
export const source = defineType({
  name: 'source',
  title: 'Source',
  type: 'object',
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      description: 'The name of the source as it should be cited, e.g. "U.S. Department of State".',
      type: 'string',
      validation: (rule) => rule.required().error('Name the source, so readers know where this comes from.'),
    }),
    defineField({
      name: 'url',
      title: 'Address',
      description: 'Leave empty when the source has no known web address.',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['http', 'https'] }).error('Use a full web address starting with https://.'),
    }),
  ],
  preview: { select: { title: 'title', subtitle: 'url' } },
})

/** A titled link. Both parts are required: a title with no address is no link for a reader to follow. */
export const relatedLink = defineType({
  name: 'relatedLink',
  title: 'Related link',
  type: 'object',
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      validation: (rule) => rule.required().error('Give the link a title.'),
    }),
    defineField({
      name: 'url',
      title: 'Address',
      description: 'The full address of the page. A link whose address is not known is not a link: leave it out.',
      type: 'url',
      validation: (rule) => [rule.required().error('Add the address the link goes to.'), rule.uri({ scheme: ['http', 'https'] }).error('Use a full web address starting with https://.')],
    }),
  ],
  preview: {
    select: { title: 'title', url: 'url' },
    prepare: ({ title, url }: { title?: string; url?: string }) => ({ title: title ?? 'Untitled link', subtitle: url ?? 'No address' }),
  },
})
