import type { NextConfig } from 'next'
import { readBuildEnv } from './lib/env'

const nextConfig: NextConfig = {
  distDir: readBuildEnv().NEXT_DIST_DIR,
  poweredByHeader: false,
  reactStrictMode: true,
}

export default nextConfig
