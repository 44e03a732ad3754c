import Link from 'next/link'

/** Previous / numbered / next links; plain links, so paging works without JavaScript. */
export function Pagination({ page, pageCount, href, label }: { page: number; pageCount: number; href: (page: number) => string; label: string }) {
  if (pageCount <= 1) return null
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1)
  return (
    <nav aria-label={label} className="mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link href={href(page - 1)} rel="prev" className="inline-block px-3 py-1.5">
              ‹ Previous
            </Link>
          </li>
        )}
        {pages.map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page" className="inline-block rounded-sm bg-primary-dark px-3 py-1.5 font-semibold text-white">
                <span className="sr-only">Page </span>
                {n}
              </span>
            ) : (
              <Link href={href(n)} className="inline-block px-3 py-1.5">
                <span className="sr-only">Page </span>
                {n}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li>
            <Link href={href(page + 1)} rel="next" className="inline-block px-3 py-1.5">
              Next ›
            </Link>
          </li>
        )}
      </ul>
    </nav>
  )
}
