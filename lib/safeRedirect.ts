/**
 * Where the portal may send a browser: a path on this site, never another origin.
 *
 * Every redirect whose target comes from a request (a query parameter, a Studio link) goes through
 * `safeRedirectPath`. Browsers are lenient about what they read as another origin: `//evil`,
 * `/\evil`, and `/<TAB>/evil` (the URL parser drops tabs and newlines, leaving `//evil`) all
 * leave the site. So a target is refused outright if it has a control character or a backslash
 * anywhere, or does not start with exactly one `/`; what remains is re-parsed against a
 * placeholder origin and must stay on it, and the re-serialized path is what is returned, so the
 * browser reads the same address we checked.
 */

/** Longer targets are refused: no real page address is near this long. */
export const MAX_REDIRECT_LENGTH = 2048

/** C0 controls, DEL and C1 controls: never part of an address a person follows. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/** Only ever parsed against, never contacted (`.invalid` cannot resolve). */
const PLACEHOLDER_ORIGIN = 'https://portal.invalid'

/** `wanted` if it is a same-origin path (normalized), otherwise `fallback`. */
export function safeRedirectPath(wanted: string | null | undefined, fallback = '/'): string {
  if (typeof wanted !== 'string' || wanted.length === 0 || wanted.length > MAX_REDIRECT_LENGTH) return fallback
  if (CONTROL.test(wanted) || wanted.includes('\\')) return fallback
  if (!wanted.startsWith('/') || wanted.startsWith('//')) return fallback
  let url: URL
  try {
    url = new URL(wanted, PLACEHOLDER_ORIGIN)
  } catch {
    return fallback
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  // The parser may collapse `/./x` or `/../x` to `//x`-looking paths in odd inputs; check again.
  return path.startsWith('/') && !path.startsWith('//') ? path : fallback
}
