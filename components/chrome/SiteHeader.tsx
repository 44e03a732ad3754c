import Link from 'next/link'
import { SearchForm } from '@/components/search/SearchForm'

const navigation = [
  { href: '/trips', label: 'Trips' },
  { href: '/schedule', label: 'Schedule' },
  { href: '/countries', label: 'Countries' },
  { href: '/facts', label: 'Facts' },
  { href: '/officials', label: 'Officials' },
] as const

/** Site name, primary navigation and the search box. Hidden in print, where only the content matters. */
export function SiteHeader({ siteTitle }: { siteTitle: string }) {
  return (
    <header className="border-b-4 border-primary-dark bg-white print:hidden">
      <div className="mx-auto flex max-w-page flex-wrap items-end justify-between gap-x-8 gap-y-4 px-4 py-5">
        <Link href="/" className="group text-ink no-underline visited:text-ink">
          <span className="block text-2xl font-bold tracking-tight group-hover:underline">{siteTitle}</span>
          <span className="block text-sm text-neutral-dark">Official travel: trips, meetings and fact sheets</span>
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
