import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Portraits would come from the lake or Sanity's CDN; the portal shows none yet, so no remote images.
  poweredByHeader: false,
  reactStrictMode: true,
}

export default nextConfig
