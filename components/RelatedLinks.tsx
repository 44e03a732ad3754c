import type { RelatedLink } from '@/lib/sanity/types'

/** Links with an address only: a title on its own (older content, before the address was required) is no link to follow. */
export function RelatedLinks({ links }: { links: readonly RelatedLink[] }) {
  const linked = links.filter((link): link is RelatedLink & { url: string } => Boolean(link.url))
  if (linked.length === 0) return null
  return (
    <ul className="list-disc space-y-1 pl-6">
      {linked.map((link) => (
        <li key={link._key}>
          <a href={link.url}>{link.title ?? link.url}</a>
        </li>
      ))}
    </ul>
  )
}
