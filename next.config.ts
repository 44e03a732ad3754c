import path from 'node:path'
import type { NextConfig } from 'next'
import { readBuildEnv } from './lib/env'
import { securityHeaders } from './lib/security/headers'

const nextConfig: NextConfig = {
  distDir: readBuildEnv().NEXT_DIST_DIR,
  poweredByHeader: false,
  // Next's file-system ISR cache, minus new entries for 404s and other errors (junk addresses).
  cacheHandler: path.resolve('lib/cache/isrCacheHandler.mjs'),
  reactStrictMode: true,
  // Reads its VTIMEZONE files from its own folder at run time: keep it out of the bundle.
  serverExternalPackages: ['@touch4it/ical-timezones'],
  // CSP, frame-ancestors (only the Studio may frame previews), HSTS in production: lib/security/headers.ts.
  headers: async () => [{ source: '/:path*', headers: securityHeaders() }],
  // Browsers ask for /favicon.ico wherever a page names no icon (feeds, sitemaps, PDFs): the
  // site's one icon answers, instead of a 404 for every such view.
  rewrites: async () => [{ source: '/favicon.ico', destination: '/icon.svg' }],
}

export default nextConfig
