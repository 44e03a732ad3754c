/** Helpers shared by the route modules. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { LakeContext } from '../context'
import { LakeError, badRequest } from '../errors'
import type { QueryParams } from '../groq'
import { isValidDatasetName } from '../ids'
import type { JobClient } from '../query-pool'
import { callerFor } from '../studio/context'
import type { Principal } from '../types'

// Routes take the lake's context from here, as they always have; it is defined on its own
// (lake/context.ts) so that the modules it names do not import the routes back.
export type { LakeContext } from '../context'

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
