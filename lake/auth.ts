/**
 * API tokens and who a request is.
 *
 * A token is 32 random bytes (256 bits) shown once at creation. Only its SHA-256 is stored: a
 * slow password hash (bcrypt, scrypt) exists to resist guessing low-entropy secrets, and a
 * 256-bit random secret cannot be guessed, so a fast hash is enough and keeps per-request
 * verification to one indexed lookup. Roles are Sanity's built-in ones:
 * - viewer: reads everything, drafts and system documents included;
 * - editor: viewer + writes (mutations, actions);
 * - administrator: editor + whatever later issues reserve for administrators.
 * Requests without a token are anonymous: published, public documents only, and no writes.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from './db'
import { openDatabase } from './db'
import { LakeError } from './errors'
import { randomId } from './ids'
import { TOKEN_ROLES } from './types'
import type { Principal, TokenRole } from './types'

export type TokenInfo = { id: string; label: string; role: TokenRole; createdAt: string }

const TOKEN_PREFIX = 'sklake'
const LABEL = /^[A-Za-z0-9][A-Za-z0-9 ._@-]{0,63}$/

export const ANONYMOUS: Principal = { role: 'anonymous', id: 'anonymous' }

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function isTokenRole(value: unknown): value is TokenRole {
  return typeof value === 'string' && (TOKEN_ROLES as readonly string[]).includes(value)
}

export class TokenStore {
  constructor(private readonly db: Db) {}

  create(role: TokenRole, label: string): { token: string; info: TokenInfo } {
    if (!isTokenRole(role)) throw new Error(`Unknown role "${String(role)}": use ${TOKEN_ROLES.join(', ')}`)
    if (!LABEL.test(label)) throw new Error('A token label is 1–64 letters, digits, spaces, ".", "_", "@" or "-", starting with a letter or digit')
    if (this.db.prepare('SELECT 1 FROM tokens WHERE label = ?').get(label)) {
      throw new Error(`A token labelled "${label}" already exists; revoke it first or pick another label`)
    }
    // 32 bytes = 43 base64url characters: long enough for the Studio's `#token=` login (≥ 32).
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
    const info: TokenInfo = { id: `t${randomId(11)}`, label, role, createdAt: new Date().toISOString() }
    this.db.prepare('INSERT INTO tokens (id, label, role, hash, created_at) VALUES (?, ?, ?, ?, ?)').run(info.id, info.label, info.role, hashToken(token), info.createdAt)
    return { token, info }
  }

  list(): TokenInfo[] {
    return this.db.prepare('SELECT id, label, role, created_at AS createdAt FROM tokens ORDER BY created_at, id').all() as TokenInfo[]
  }

  /** Revokes by id or label; returns the revoked token or undefined when none matched. */
  revoke(idOrLabel: string): TokenInfo | undefined {
    const row = this.db.prepare('SELECT id, label, role, created_at AS createdAt FROM tokens WHERE id = ? OR label = ?').get(idOrLabel, idOrLabel) as TokenInfo | undefined
    if (row) this.db.prepare('DELETE FROM tokens WHERE id = ?').run(row.id)
    return row
  }

  verify(token: string): TokenInfo | undefined {
    return this.db.prepare('SELECT id, label, role, created_at AS createdAt FROM tokens WHERE hash = ?').get(hashToken(token)) as TokenInfo | undefined
  }
}

/**
 * The caller behind an `Authorization` header. A malformed or unknown token is a 401, never a
 * silent downgrade to anonymous: a revoked token should fail loudly.
 */
export function principalFor(tokens: TokenStore, authorization: string | undefined): Principal {
  if (!authorization) return ANONYMOUS
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
  if (!match?.[1]) throw new LakeError(401, 'unauthorizedError', 'Unauthorized - the Authorization header must be "Bearer <token>"')
  const info = tokens.verify(match[1])
  if (!info) throw new LakeError(401, 'unauthorizedError', 'Unauthorized - session not found (unknown or revoked token)')
  return { role: info.role, id: info.id }
}

export function canWrite(principal: Principal): boolean {
  return principal.role === 'editor' || principal.role === 'administrator'
}

/**
 * Refuses a write by someone who may not write: 401 for anonymous callers (not logged in),
 * 403 with Sanity's insufficientPermissionsError for a token without write access.
 */
export function requireWrite(principal: Principal, errorType: 'mutationError' | 'actionError'): void {
  if (canWrite(principal)) return
  if (principal.role === 'anonymous') {
    throw new LakeError(401, 'unauthorizedError', 'Unauthorized - a token with write access (editor or administrator) is required')
  }
  const description = 'Insufficient permissions; permission "update" required'
  throw new LakeError(403, errorType, `${errorType === 'mutationError' ? 'Mutation(s)' : 'Action(s)'} failed with 1 error(s)`, {
    items: [{ index: 0, error: { type: 'insufficientPermissionsError', description, permission: 'update' } }],
  })
}

/** For tests and the e2e harness: creates a token in the lake at `dir` (running or not). */
export function createToken(options: { dir: string; role: TokenRole; label: string }): { token: string; id: string } {
  const db = openDatabase(options.dir)
  try {
    const { token, info } = new TokenStore(db).create(options.role, options.label)
    return { token, id: info.id }
  } finally {
    db.close()
  }
}
