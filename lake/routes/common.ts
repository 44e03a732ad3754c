/** Helpers shared by the route modules. */
import type { Clock } from '../clock'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AccountStore } from '../accounts'
import type { TokenStore } from '../auth'
import { LakeError, badRequest } from '../errors'
import type { QueryParams } from '../groq'
import type { QueryLimits } from '../limits'
import { isValidDatasetName } from '../ids'
import type { ListenHub } from '../listen'
import type { JobClient, QueryPool } from '../query-pool'
import type { Store } from '../store'
import type { TransformCache } from '../transform-cache'
import { callerFor } from '../studio/context'
import type { Principal } from '../types'
import type { Workflow } from '../workflow/service'

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
  /** Editorial workflow (review, embargoes, schedules); its guard runs on every API write. */
  workflow?: Workflow
}

/**
 * The Fastify instance type the routes are written against. The HTTPS/HTTP2 and the plain HTTP
 * server differ only in their raw request/response types, which the routes never touch except
 * through `raw.write`/`raw.end`-style calls both share.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type App = FastifyInstance<any, any, any, any>

export type Query = Record<string, string | string[] | undefined>

export function principalOf(context: LakeContext, request: FastifyRequest): Principal {
  // A signed-in user's session token or an API token (see studio/context.ts).
  return callerFor(context, request.headers.authorization).principal
}

/**
 * Who a query is evaluated for, in the query pool's fairness rule (lake/query-pool.ts): an
 * anonymous caller by address, one long-running query at a time; a token or session by its
 * principal, two (the Studio runs a few list queries side by side). Only anonymous callers are
 * made to wait after a stopped query: staff working in the Studio are not locked out by one heavy
 * list.
 */
export function jobClientOf(principal: Principal, request: FastifyRequest): JobClient {
  return principal.role === 'anonymous' ? { key: `ip:${request.ip}`, maxSlow: 1, cooldown: true } : { key: `principal:${principal.id}`, maxSlow: 2, cooldown: false }
}

/**
 * Datasets exist implicitly in the lake: any valid name can be read (empty until written).
 * Sanity would 404 an unknown dataset; here a new dataset is as cheap as using its name.
 */
export function datasetOf(request: FastifyRequest): string {
  const name = (request.params as Record<string, string | undefined>).dataset ?? ''
  if (!isValidDatasetName(name)) {
    throw badRequest(`Invalid dataset name "${name}": use 1–64 lowercase letters, digits, "_" or "-"`, 'invalidDatasetError')
  }
  return name
}

/** The last value of a query-string parameter (Fastify gives arrays for repeated keys). */
export function single(query: Query, key: string): string | undefined {
  const value = query[key]
  return Array.isArray(value) ? value[value.length - 1] : value
}

export function flag(query: Query, key: string, fallback: boolean): boolean {
  const value = single(query, key)
  if (value === undefined || value === '') return fallback
  return value === 'true' || value === '1'
}

/** `$name=<JSON>` query-string parameters, as Sanity's GET query and listen endpoints take them. */
export function paramsFromQueryString(query: Query): QueryParams {
  const params: QueryParams = {}
  for (const key of Object.keys(query)) {
    if (!key.startsWith('$') || key.length < 2) continue
    const raw = single(query, key) ?? ''
    try {
      params[key.slice(1)] = JSON.parse(raw)
    } catch {
      throw new LakeError(400, 'queryParseError', `Unable to parse the value of parameter ${key} as JSON (strings must be quoted): ${raw}`)
    }
  }
  return params
}

export function listOfIds(raw: string | undefined): string[] {
  const ids = (raw ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
  if (ids.length === 0) throw badRequest('At least one document id is required')
  return ids
}

export function requireSignedIn(principal: Principal): void {
  if (principal.role === 'anonymous') throw new LakeError(401, 'unauthorizedError', 'Unauthorized - a token or a signed-in session is required')
}

/** `what` names the action in the 403, e.g. "Managing datasets". */
export function requireAdministrator(principal: Principal, what: string): void {
  requireSignedIn(principal)
  if (principal.role !== 'administrator') throw new LakeError(403, 'forbiddenError', `${what} needs an administrator`)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
