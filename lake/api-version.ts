/**
 * The API version a request names in its path. Routes are registered without it (the server strips
 * `/v1`, `/vX` and `/vYYYY-MM-DD`, lake/server.ts), but a few defaults changed with API
 * 2025-02-19, when Content Releases came: since then listeners get events for published documents
 * only unless they ask for `includeAllVersions` (the `@sanity/client` ListenOptions docs; Sanity's
 * changelog "Content Releases APIs and new perspective defaults").
 */

/** The API version from which version documents exist and published is the default view. */
export const RELEASES_API_VERSION = '2025-02-19'

const DATED_PREFIX = /^\/v(\d{4}-\d{2}-\d{2})(?=\/|\?|$)/

/**
 * Whether `originalUrl` (the path as the client sent it) asks for API 2025-02-19 or later. `vX` is
 * Sanity's experimental, newest version; `v1` and unversioned paths are older.
 */
export function isReleasesApi(originalUrl: string): boolean {
  if (/^\/vX(?=\/|\?|$)/.test(originalUrl)) return true
  const date = DATED_PREFIX.exec(originalUrl)?.[1]
  return date !== undefined && date >= RELEASES_API_VERSION
}
