import path from 'node:path'
import type { NextConfig } from 'next'
import { readBuildEnv, readSharedCacheEnv } from './lib/env'
import { surrogateKeyHeaders } from './lib/revalidation/surrogateKeys'
import { securityHeaders } from './lib/security/headers'

const nextConfig: NextConfig = {
  distDir: readBuildEnv().NEXT_DIST_DIR,
  poweredByHeader: false,
  // Lets proxy.ts see the request as sent: Next otherwise removes its flight headers (RSC,
  // Next-Router-State-Tree, …) before the proxy runs, so a malformed router state could not be
  // refused there and reached the page handler, which answers it with a 500. The proxy's other
  // work is unaffected: it reads only paths and list parameters and keeps `_rsc` on rewrites.
  skipProxyUrlNormalize: true,
  // Next's file-system ISR cache, minus new entries for 404s and other errors (junk addresses).
  cacheHandler: path.resolve('lib/cache/isrCacheHandler.mjs'),
  reactStrictMode: true,
  // Behind the shared cache (npm run start:cached) the cache compresses each object once; Next
  // would otherwise gzip every response it sends, cached or not. Read by `next start`.
  compress: readSharedCacheEnv().purge === undefined,
  // Reads its VTIMEZONE files from its own folder at run time: keep it out of the bundle.
  serverExternalPackages: ['@touch4it/ical-timezones'],
  headers: async () => [
    // CSP, frame-ancestors (only the Studio may frame previews), HSTS in production: lib/security/headers.ts.
    { source: '/:path*', headers: securityHeaders() },
    // Each page's cache tags, for the shared cache or a CDN to purge by (lib/revalidation/surrogateKeys.ts).
    ...surrogateKeyHeaders(),
  ],
  // Browsers ask for /favicon.ico wherever a page names no icon (feeds, sitemaps, PDFs): the
  // site's one icon answers, instead of a 404 for every such view.
  rewrites: async () => [{ source: '/favicon.ico', destination: '/icon.svg' }],
}

export default nextConfig
