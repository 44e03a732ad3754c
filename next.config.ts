import type { NextConfig } from 'next'
import { readBuildEnv } from './lib/env'

const nextConfig: NextConfig = {
  distDir: readBuildEnv().NEXT_DIST_DIR,
  poweredByHeader: false,
  reactStrictMode: true,
  // Reads its VTIMEZONE files from its own folder at run time: keep it out of the bundle.
  serverExternalPackages: ['@touch4it/ical-timezones'],
}

export default nextConfig
