import type { RelatedLink } from '@/lib/sanity/types'

/** A link recorded without an address is shown as plain text rather than as a dead link. */
export function RelatedLinks({ links }: { links: readonly RelatedLink[] }) {
  const named = links.filter((link) => link.title || link.url)
  if (named.length === 0) return null
  return (
    <ul className="list-disc space-y-1 pl-6">
      {named.map((link) => (
        <li key={link._key}>{link.url ? <a href={link.url}>{link.title ?? link.url}</a> : <span>{link.title}</span>}</li>
      ))}
    </ul>
  )
}
