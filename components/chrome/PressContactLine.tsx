import type { PressContact } from '@/lib/sanity/types'

/** The press office's contact, only the parts Settings records; nothing at all when it records none. */
export function PressContactLine({ contact }: { contact: PressContact | null }) {
  const parts = [
    contact?.name ? <span key="name">{contact.name}</span> : null,
    contact?.email ? (
      <a key="email" href={`mailto:${contact.email}`} className="text-white visited:text-white hover:text-primary-lighter">
        {contact.email}
      </a>
    ) : null,
    contact?.phone ? (
      <a key="phone" href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`} className="text-white visited:text-white hover:text-primary-lighter">
        {contact.phone}
      </a>
    ) : null,
    contact?.url ? (
      <a key="url" href={contact.url} className="text-white visited:text-white hover:text-primary-lighter">
        Press page
      </a>
    ) : null,
  ].filter((part) => part !== null)
  if (parts.length === 0) return null
  return (
    <p className="mt-2 text-sm" data-testid="press-contact">
      Press contact:{' '}
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 && ' · '}
          {part}
        </span>
      ))}
    </p>
  )
}
