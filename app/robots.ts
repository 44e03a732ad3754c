import type { MetadataRoute } from 'next'
import { readSiteUrl } from '@/lib/env'

export default function robots(): MetadataRoute.Robots {
  const site = readSiteUrl()
  return {
    // Search result pages are endless variations: the pages they point to are in the sitemap.
    // /bench-floor is the performance benchmarks' reference page (app/bench-floor/page.tsx).
    // /lists/ holds the cached views behind /trips and /facts (proxy.ts); those are the addresses.
    rules: [{ userAgent: '*', allow: '/', disallow: ['/search', '/bench-floor', '/lists/'] }],
    sitemap: `${site}/sitemap.xml`,
  }
}
