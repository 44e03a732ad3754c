import { PortableText, type PortableTextComponents } from '@portabletext/react'
import type { ReactNode } from 'react'
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

/**
 * `trailing` runs on at the end of the last paragraph (a fact's "Cite" link), inside it rather than
 * on a line of its own; the paragraph stays a block, so the Studio's click-to-edit overlay, which
 * measures the element holding the text, can size it. After a list it gets a paragraph of its own.
 */
export function RichText({ value, className, trailing }: { value: RichTextValue | null | undefined; className?: string; trailing?: ReactNode }) {
  if (!value || value.length === 0) return null
  const last = value.at(-1)
  const runOn = trailing !== undefined && last !== undefined && !last.listItem
  const withTrailing: PortableTextComponents = {
    ...components,
    block: {
      normal: ({ children, value: block }) => (
        <p>
          {children}
          {block._key === last?._key && <> {trailing}</>}
        </p>
      ),
    },
  }
  return (
    // Paragraph spacing comes from `.rich-text` (app/globals.css), not a class on every paragraph.
    <div className={className ? `rich-text ${className}` : 'rich-text'}>
      <PortableText value={value} components={runOn ? withTrailing : components} />
      {trailing !== undefined && !runOn && <p>{trailing}</p>}
    </div>
  )
}
