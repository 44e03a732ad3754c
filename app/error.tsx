'use client'

/**
 * Shown when a page could not be rendered, most often because the content service (the lake or
 * Sanity) is unreachable and the page was not cached yet. Pages rendered before keep being served
 * from the cache; this is for the rest. Nothing about the failure itself is shown (the digest only
 * lets staff find the server log line).
 */
import Link from 'next/link'

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-page px-4 py-16" role="alert" aria-live="polite" data-testid="portal-error">
      <p className="text-sm font-semibold uppercase tracking-wide text-neutral-dark">Temporarily unavailable</p>
      <h1 className="mt-2 text-4xl font-bold">This page can’t be shown right now</h1>
      <p className="mt-4 max-w-prose text-lg">We couldn’t load this page’s content. This is usually brief: please try again in a minute. Pages you have visited before may still be available.</p>
      <div className="mt-6 flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="rounded-sm bg-primary px-4 py-2 font-semibold text-white">
          Try again
        </button>
        <Link href="/" className="px-4 py-2">
          Go to the home page
        </Link>
      </div>
      {error.digest ? <p className="mt-8 text-sm text-neutral-dark">Reference: {error.digest}</p> : null}
    </div>
  )
}
