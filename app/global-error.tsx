'use client'

/**
 * Last resort when the root layout itself fails (it reads the site settings, so an unreachable
 * content service with nothing cached ends here). It replaces the whole document, so it brings its
 * own <html> and minimal inline-free styling that needs no stylesheet to be readable.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main role="alert" aria-live="polite" data-testid="portal-error">
          <h1>Envoy is temporarily unavailable</h1>
          <p>We couldn’t load this page’s content. This is usually brief: please try again in a minute.</p>
          <p>
            <button type="button" onClick={reset}>
              Try again
            </button>{' '}
            {/* A full page load on purpose: the app shell itself failed, client navigation has nothing to stand on. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">Go to the home page</a>
          </p>
          {error.digest ? <p>Reference: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  )
}
