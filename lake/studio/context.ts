/**
 * What the Studio-facing routes (accounts, login, assets, presence) need beyond the core
 * LakeContext, and who a request is when it may carry a session token.
 */
import type { FastifyRequest } from 'fastify'
import type { AccountStore, User } from '../accounts'
import { ANONYMOUS } from '../auth'
import { LakeError } from '../errors'
import type { LakeContext } from '../context'
import type { Principal } from '../types'

export type StudioContext = LakeContext & {
  accounts: AccountStore
  /** The data folder: asset files live under `<dir>/assets`. */
  dir: string
  /** Browser origins allowed by CORS; the login page only redirects to these. */
  corsOrigins: string[]
}

export type Caller = { principal: Principal; user?: User; tokenLabel?: string; bearer?: string }

/**
 * The caller behind an `Authorization: Bearer` header: a signed-in user (session token) or an API
 * token. Unknown or malformed credentials are a 401, as for API tokens (see auth.ts).
 */
export function callerFor(context: StudioContext, authorization: string | undefined): Caller {
  if (!authorization) return { principal: ANONYMOUS }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
  if (!match?.[1]) throw new LakeError(401, 'unauthorizedError', 'Unauthorized - the Authorization header must be "Bearer <token>"')
  const bearer = match[1]
  // Session tokens start with "sklakeu"; an API token ("sklake" + random base64url) can too, by
  // chance, so a prefix match that finds no session still falls through to the API tokens.
  if (context.accounts.isSessionToken(bearer)) {
    const user = context.accounts.userForSession(bearer)
    if (user) return { principal: { role: user.role, id: user.id }, user, bearer }
  }
  const info = context.tokens.verify(bearer)
  if (!info) throw new LakeError(401, 'unauthorizedError', 'Unauthorized - session not found (signed out, expired, unknown or revoked)')
  return { principal: { role: info.role, id: info.id }, tokenLabel: info.label, bearer }
}

export function callerOf(context: StudioContext, request: FastifyRequest): Caller {
  return callerFor(context, request.headers.authorization)
}

export function requireSignedIn(caller: Caller): void {
  if (caller.principal.role === 'anonymous') throw new LakeError(401, 'unauthorizedError', 'Unauthorized - not signed in')
}

/** `https://local.localhost:3999` → `https://localhost:3999`: the origin without the project subdomain. */
export function requestOrigin(request: FastifyRequest, projectId: string): string {
  const host = (request.host || 'localhost').replace(new RegExp(`^${projectId}\\.`), '')
  return `${request.protocol}://${host}`
}
