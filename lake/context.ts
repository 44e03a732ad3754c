/** The lake's shared state: one instance serves the HTTPS and the HTTP server and every route. */
import type { AccountStore } from './accounts'
import type { TokenStore } from './auth'
import type { Clock } from './clock'
import type { QueryLimits } from './limits'
import type { ListenHub } from './listen'
import type { RunningPlugin } from './plugin'
import type { QueryPool } from './query-pool'
import type { Store } from './store'
import type { TransformCache } from './transform-cache'

/** Everything a route needs; one instance is shared by the HTTPS and the HTTP server. */
export type LakeContext = {
  store: Store
  hub: ListenHub
  tokens: TokenStore
  projectId: string
  /** Studio accounts, their sessions and key-value stores. */
  accounts: AccountStore
  /** The data folder (asset files live under `<dir>/assets`). */
  dir: string
  /** Browser origins allowed by CORS; the login page only redirects to these. */
  corsOrigins: string[]
  /** Overrides of lake/limits.ts DEFAULT_QUERY_LIMITS (tests use small ones). */
  queryLimits?: Partial<QueryLimits>
  /**
   * The lake's public HTTPS origin (LAKE_PUBLIC_URL, else its own HTTPS address), where asset
   * documents' `url`s point. Set by startLake once the HTTPS server has its port.
   */
  publicOrigin?: string
  /** Lake time: transaction times, GROQ's now(), the scheduler (lake/clock.ts). */
  clock: Clock
  /** Publishes what the scheduler finds due now; set once the scheduler runs (lake/routes/clock.ts). */
  runDue?: () => Promise<void>
  /** The worker threads that evaluate queries and listener filters. */
  queries: QueryPool
  /** Rendered image variants on disk, bounded in bytes (lake/transform-cache.ts). */
  transforms: TransformCache
  /** What the lake's plugins add (lake/plugin.ts): routes, a write guard, background work. */
  plugins: RunningPlugin[]
}
