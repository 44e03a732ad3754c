import Link from 'next/link'

export const metadata = { title: 'Page not found' }

/** Shown for unknown trip and official slugs (via notFound()) and any other missing address. */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-page px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-neutral-dark">Error 404</p>
      <h1 className="mt-2 text-4xl font-bold">Page not found</h1>
      <p className="mt-4 max-w-prose text-lg">We can’t find the page you’re looking for. It may have been moved, or the address may be mistyped.</p>
      <ul className="mt-6 list-disc space-y-1 pl-6">
        <li>
          <Link href="/">See all trips</Link>
        </li>
        <li>
          <Link href="/officials">See all officials</Link>
        </li>
      </ul>
    </div>
  )
}
