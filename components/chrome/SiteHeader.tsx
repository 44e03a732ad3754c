import Link from 'next/link'

const navigation = [
  { href: '/trips', label: 'Trips' },
  { href: '/countries', label: 'Countries' },
  { href: '/facts', label: 'Facts' },
  { href: '/officials', label: 'Officials' },
] as const

/**
 * Site name, primary navigation and the search box. The search is a plain GET form to /search,
 * so it works without JavaScript. Hidden in print, where only the content matters.
 */
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
          <form role="search" action="/search" method="get" aria-label="Site search" className="flex items-stretch">
            <label htmlFor="site-search" className="sr-only">
              Search trips, meetings, officials and facts
            </label>
            <input
              id="site-search"
              name="q"
              type="search"
              autoComplete="off"
              placeholder="Search"
              className="w-48 rounded-l-sm border border-r-0 border-neutral-dark px-2 py-1.5 text-base placeholder:text-neutral-dark"
            />
            <button type="submit" className="rounded-r-sm bg-primary px-3 py-1.5 font-semibold text-white hover:bg-primary-dark">
              Search
            </button>
          </form>
        </div>
      </div>
    </header>
  )
}
