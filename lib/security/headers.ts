/**
 * Security headers for every portal response, set in next.config.ts `headers()` so they apply to
 * statically generated pages too (a nonce-based CSP would need a proxy on every request and would
 * make every page dynamic, giving up the prerendered, cached pages).
 *
 * The CSP trade-off: Next.js bootstraps each page with inline `<script>` tags
 * (`self.__next_f.push(...)`) whose content changes per page and per build, so without nonces
 * scripts need `'unsafe-inline'`. What still holds: scripts only from this origin (no third-party
 * script hosts), no `eval`, no plugins, no `<base>` hijacking, forms post only here, and only the
 * Studio may frame the portal (for preview). The portal renders no user-supplied HTML (Portable
 * Text is rendered as React elements, which escape text), which is what keeps inline script
 * injection out in the first place.
 */
import { readBrowserLiveAddress, readLakeAddress, readStudioUrl } from '../env'

export type Header = { key: string; value: string }

/** Origins the lake serves images from (the asset URL's own origin; see lib/image.ts). */
function imageOrigins(): string[] {
  const { LAKE_PORT, LAKE_HOST } = readLakeAddress()
  const hosts = new Set([LAKE_HOST, 'localhost', '127.0.0.1'])
  return ['https://cdn.sanity.io', ...[...hosts].map((host) => `https://${host}:${LAKE_PORT}`)]
}

/** The Studio's origins: the configured URL, and its 127.0.0.1/localhost twin for local runs. */
function studioOrigins(): string[] {
  const studio = new URL(readStudioUrl())
  const origins = new Set([studio.origin])
  if (studio.hostname === 'localhost') origins.add(`${studio.protocol}//127.0.0.1:${studio.port}`)
  if (studio.hostname === '127.0.0.1') origins.add(`${studio.protocol}//localhost:${studio.port}`)
  return [...origins]
}

export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    // React renders `style` attributes (e.g. the map's sizes); Tailwind's CSS is a file.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${imageOrigins().join(' ')}`,
    "font-src 'self' data:",
    // Staff preview's <SanityLive /> listens to the content source's live events (lib/sanity/live.ts).
    `connect-src 'self' ${readBrowserLiveAddress().origin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors 'self' ${studioOrigins().join(' ')}`,
  ].join('; ')
}

export function securityHeaders(production = process.env.NODE_ENV === 'production'): Header[] {
  const headers: Header[] = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy() },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ]
  // Browsers honour HSTS only over HTTPS, where the portal runs in production; in development it
  // would pin localhost to HTTPS for every other local project.
  if (production) headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' })
  return headers
}
