import Link from 'next/link'
import { SearchForm } from '@/components/search/SearchForm'
import { imageUrl } from '@/lib/image'
import type { AgencyLogo } from '@/lib/sanity/types'

const navigation = [
  { href: '/trips', label: 'Trips' },
  { href: '/schedule', label: 'Schedule' },
  { href: '/countries', label: 'Countries' },
  { href: '/facts', label: 'Facts' },
  { href: '/officials', label: 'Officials' },
  { href: '/briefing-book', label: 'Briefing book' },
] as const

/**
 * The agency (logo and name) over the site's name, the primary navigation and the search box. Hidden
 * in print, where only the content matters.
 */
export function SiteHeader({ siteTitle, agency, logo }: { siteTitle: string; agency: string | null; logo: AgencyLogo | null }) {
  const logoUrl = imageUrl(logo, 112, 112)
  return (
    <header className="border-b-4 border-primary-dark bg-white print:hidden">
      <div className="mx-auto flex max-w-page flex-wrap items-end justify-between gap-x-8 gap-y-4 px-4 py-5">
        <Link href="/" className="group flex items-center gap-3 text-ink no-underline visited:text-ink">
          {logoUrl && (
            // eslint-disable-next-line @next/next/no-img-element -- already sized by the image pipeline
            <img src={logoUrl} alt={logo?.alt ?? ''} width={56} height={56} className="h-14 w-14 shrink-0" />
          )}
          <span>
            {agency && agency !== siteTitle && (
              <span className="block text-sm font-semibold uppercase tracking-wide text-primary-dark" data-testid="header-agency">
                {agency}
              </span>
            )}
            <span className="block text-2xl font-bold tracking-tight group-hover:underline">{siteTitle}</span>
            <span className="block text-sm text-neutral-dark">Official travel: trips, meetings and fact sheets</span>
          </span>
        </Link>
        <div className="flex flex-wrap items-end gap-x-8 gap-y-3">
          <nav aria-label="Primary">
            <ul className="flex flex-wrap gap-x-6 gap-y-2 text-base font-semibold">
              {navigation.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="text-primary-dark no-underline visited:text-primary-dark hover:underline">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <SearchForm label="Site search" id="site-search" size="compact" />
        </div>
      </div>
    </header>
  )
}
