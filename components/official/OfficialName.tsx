import Link from 'next/link'
import type { OfficialCard } from '@/lib/sanity/types'

/**
 * An official's name, linked to their page when they have one, with the title after it; without
 * `showTitle` where the page has already given it (a trip's schedule names an official in full once).
 */
export function OfficialName({ official, showOrganization = false, showTitle = true }: { official: OfficialCard; showOrganization?: boolean; showTitle?: boolean }) {
  const name = official.name ?? 'Unnamed official'
  const detail = [showTitle ? official.title : null, showOrganization ? official.organization : null].filter(Boolean).join(', ')
  return (
    <>
      {official.slug ? <Link href={`/officials/${official.slug}`}>{name}</Link> : name}
      {detail && <span className="text-neutral-dark">, {detail}</span>}
    </>
  )
}
