/**
 * Runs once when the portal's server starts (Next's instrumentation hook): the live listener
 * that keeps the public cache fresh (lib/live/cacheListener.ts). Not while building: the build
 * renders from content once and has no cache to keep.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const { startCacheListener } = await import('@/lib/live/cacheListener')
  startCacheListener()
}
