/**
 * Requests Next.js itself cannot read, found before Next.js tries, so they get a clear 400
 * instead of a 500.
 *
 * - A path with a bad `%` escape (`/trips/%E0%A4%A`, `/officials/%FF`): Next decodes dynamic
 *   route parameters, throws on the bad escape, and then fails to render its own 400 page, so
 *   the reader got a bare `text/plain` 500 without the security headers.
 * - A `Next-Router-State-Tree` header Next cannot parse on an RSC request (`RSC: 1`) to a page
 *   rendered per request (`/search`, `/briefing-book`): Next's app-page handler throws "The router
 *   state header was sent but could not be parsed" before rendering, another bare 500. The
 *   check is Next's own (`parseAndValidateFlightRouterState`: at most 40,000 characters,
 *   URI-encoded JSON of the router state tree, validated against Next's schema), so the proxy
 *   refuses exactly what the page handler would throw on, and nothing it accepts. Browsers only
 *   send the header Next's client router wrote, which always passes.
 */
import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state'

/** Next's request header carrying the client router's state (app-router-headers.js). */
export const ROUTER_STATE_HEADER = 'next-router-state-tree'

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

/** Whether a `Next-Router-State-Tree` value (null when absent) is one Next's page handler would throw on. */
export function hasBadRouterState(value: string | null): boolean {
  if (value === null) return false
  try {
    parseAndValidateFlightRouterState(value)
    return false
  } catch {
    return true
  }
}
