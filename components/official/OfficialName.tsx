import Link from 'next/link'
import type { OfficialCard } from '@/lib/sanity/types'

/** An official's name, linked to their page when they have one, with the title after it. */
export function OfficialName({ official, showOrganization = false }: { official: OfficialCard; showOrganization?: boolean }) {
  const name = official.name ?? 'Unnamed official'
  const detail = [official.title, showOrganization ? official.organization : null].filter(Boolean).join(', ')
  return (
    <>
      {official.slug ? <Link href={`/officials/${official.slug}`}>{name}</Link> : name}
      {detail && <span className="text-neutral-dark">, {detail}</span>}
    </>
  )
}
