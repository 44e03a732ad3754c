import { defineArrayMember, defineField, defineType } from 'sanity'

/**
 * Portable Text used for purposes, summaries, meeting descriptions and fact bullet text.
 * Deliberately small: paragraphs, emphasis and links. Headings live in structured fields.
 */
export const blockContent = defineType({
  name: 'blockContent',
  title: 'Rich text',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [{ title: 'Paragraph', value: 'normal' }],
      lists: [
        { title: 'Bullets', value: 'bullet' },
        { title: 'Numbered', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Strong', value: 'strong' },
          { title: 'Emphasis', value: 'em' },
        ],
        annotations: [
          defineField({
            name: 'link',
            title: 'Link',
            type: 'object',
            fields: [
              defineField({
                name: 'href',
                title: 'Address',
                type: 'url',
                validation: (rule) =>
                  rule
                    .required()
                    .uri({ scheme: ['http', 'https', 'mailto'] })
                    .error('Add a full web address, for example https://www.state.gov/.'),
              }),
            ],
          }),
        ],
      },
    }),
  ],
})
