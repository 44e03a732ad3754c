import { defineField, defineType } from 'sanity'

export const quote = defineType({
  name: 'quote',
  title: 'Quote',
  type: 'document',
  fields: [
    defineField({
      name: 'text',
      title: 'Quoted words',
      description: 'Word for word, without surrounding quotation marks.',
      type: 'text',
      rows: 4,
      validation: (rule) => rule.required().error('Add the quoted words.'),
    }),
    defineField({
      name: 'speaker',
      title: 'Speaker',
      description: 'The official who said it. Use “Speaker name” instead when the speaker is not in the official list.',
      type: 'reference',
      to: [{ type: 'official' }],
      validation: (rule) =>
        rule.custom((speaker, context) => {
          const doc = context.document as { speakerName?: string } | undefined
          return speaker || doc?.speakerName ? true : 'Choose the speaker or type their name.'
        }),
    }),
    defineField({
      name: 'speakerName',
      title: 'Speaker name',
      description: 'Only when the speaker is not an official in Envoy.',
      type: 'string',
    }),
    defineField({
      name: 'date',
      title: 'Date said',
      type: 'date',
      validation: (rule) => rule.required().error('Add the date the words were said.'),
    }),
    defineField({ name: 'source', title: 'Source', type: 'source' }),
  ],
  orderings: [{ title: 'Date, newest first', name: 'dateDesc', by: [{ field: 'date', direction: 'desc' }] }],
  preview: {
    select: { text: 'text', speaker: 'speaker.name', speakerName: 'speakerName', date: 'date' },
    prepare: ({ text, speaker, speakerName, date }: { text?: string; speaker?: string; speakerName?: string; date?: string }) => ({
      title: text ? `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”` : 'Empty quote',
      subtitle: [speaker ?? speakerName, date].filter(Boolean).join(' · '),
    }),
  },
})
