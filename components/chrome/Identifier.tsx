/**
 * The USWDS identifier: who publishes the site and the links federal policy asks for.
 * Only links that resolve to something real are shown; empty placeholders would mislead.
 */
import { PressContactLine } from '@/components/chrome/PressContactLine'
import type { AgencyLogo, IdentifierLink, PressContact, RequiredLinks } from '@/lib/sanity/types'
import { imageUrl } from '@/lib/image'

/** The required links in USWDS order, with their standard wording. */
const REQUIRED: ReadonlyArray<{ key: keyof RequiredLinks; title: (about: string) => string }> = [
  { key: 'about', title: (about) => `About ${about}` },
  { key: 'accessibility', title: () => 'Accessibility statement' },
  { key: 'foia', title: () => 'FOIA requests' },
  { key: 'noFear', title: () => 'No FEAR Act data' },
  { key: 'inspectorGeneral', title: () => 'Office of the Inspector General' },
  { key: 'performance', title: () => 'Performance reports' },
  { key: 'privacy', title: () => 'Privacy policy' },
]

export function Identifier({
  domain,
  siteTitle,
  publisher,
  parentAgency,
  logo,
  pressContact,
  links,
  required,
}: {
  domain: string
  siteTitle: string
  publisher: string
  parentAgency: string | null
  logo: AgencyLogo | null
  pressContact: PressContact | null
  links: readonly IdentifierLink[]
  required: RequiredLinks | null
}) {
  const logoUrl = imageUrl(logo, 96, 96)
  // Only links with an address in Settings are shown: an empty placeholder would mislead.
  const requiredShown = REQUIRED.flatMap(({ key, title }) => {
    const url = required?.[key]
    // A path is a page of this site, about the site itself; a full address is the agency's own page.
    return url ? [{ _key: `required-${key}`, title: title(url.startsWith('/') ? siteTitle : publisher), url }] : []
  })
  const shown = [...requiredShown, ...links.filter((link): link is IdentifierLink & { url: string } => Boolean(link.title && link.url))]
  return (
    <footer className="mt-16 bg-primary-darker text-white print:hidden">
      <section aria-label="Agency identifier" className="mx-auto flex max-w-page items-center gap-4 px-4 py-6">
        {logoUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- already sized by the image pipeline
          <img src={logoUrl} alt={logo?.alt ?? ''} width={48} height={48} className="h-12 w-12 shrink-0" />
        )}
        <div>
          <p className="text-sm text-primary-lighter">{domain}</p>
          {/* USWDS wording: the parent agency, when there is one, is whom the site officially belongs to. */}
          <p className="mt-1 text-base">
            An official website of <strong>{parentAgency ?? publisher}</strong>
          </p>
          {parentAgency && <p className="text-sm">Published by {publisher}</p>}
          <PressContactLine contact={pressContact} />
        </div>
      </section>
      {shown.length > 0 && (
        <nav aria-label="Important links" className="border-t border-white/20">
          <ul className="mx-auto flex max-w-page flex-wrap gap-x-6 gap-y-2 px-4 py-4 text-sm">
            {shown.map((link) => (
              <li key={link._key}>
                <a href={link.url} className="text-white visited:text-white hover:text-primary-lighter">
                  {link.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <section aria-label="U.S. government information and services" className="border-t border-white/20">
        <p className="mx-auto max-w-page px-4 py-4 text-sm">
          Looking for U.S. government information and services?{' '}
          <a href="https://www.usa.gov/" className="font-semibold text-white visited:text-white hover:text-primary-lighter">
            Visit USA.gov
          </a>
        </p>
      </section>
    </footer>
  )
}
