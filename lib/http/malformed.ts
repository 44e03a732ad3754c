/**
 * Requests Next.js itself cannot read, found before Next.js tries, so they get a clear 400
 * instead of a 500.
 *
 * - A path with a bad `%` escape (`/trips/%E0%A4%A`, `/officials/%FF`): Next decodes dynamic
 *   route parameters, throws on the bad escape, and then fails to render its own 400 page, so
 *   the reader got a bare `text/plain` 500 without the security headers.
 */

/** Whether some `%` in `path` is not a valid escape of UTF-8 text. */
export function hasBadEscape(path: string): boolean {
  if (!path.includes('%')) return false
  try {
    decodeURIComponent(path)
    return false
  } catch {
    return true
  }
}
