import { PortableText, type PortableTextComponents } from '@portabletext/react'
import type { RichText as RichTextValue } from '@/lib/sanity/types'

/** The schema allows paragraphs, lists, emphasis and links only; this maps exactly those. */
const components: PortableTextComponents = {
  block: {
    normal: ({ children }) => <p>{children}</p>,
  },
  list: {
    bullet: ({ children }) => <ul className="mb-3 list-disc space-y-1 pl-6">{children}</ul>,
    number: ({ children }) => <ol className="mb-3 list-decimal space-y-1 pl-6">{children}</ol>,
  },
  marks: {
    link: ({ value, children }) => {
      const href = typeof value?.href === 'string' ? value.href : undefined
      // A link without an address is still text the editor wrote: keep the words, drop the link.
      return href ? <a href={href}>{children}</a> : <>{children}</>
    },
  },
}

export function RichText({ value, className }: { value: RichTextValue | null | undefined; className?: string }) {
  if (!value || value.length === 0) return null
  return (
    // Paragraph spacing comes from `.rich-text` (app/globals.css), not a class on every paragraph.
    <div className={className ? `rich-text ${className}` : 'rich-text'}>
      <PortableText value={value} components={components} />
    </div>
  )
}
