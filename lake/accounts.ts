/**
 * People who sign in to the Studio: local accounts, their sessions and their key-value store.
 *
 * - A user has an email, a display name, one of Sanity's built-in roles (viewer, editor,
 *   administrator) and a password hashed with scrypt (N=2^15, r=8, p=1, 16-byte salt, 64-byte
 *   key): passwords are low-entropy secrets, so unlike API tokens they need a slow hash.
 * - Signing in creates a session token (32 random bytes, like an API token) of which only the
 *   SHA-256 is stored; the token carries the user's role through the user row, so changing a
 *   user's role or removing the user takes effect on the next request.
 * - The Studio's login is a redirect: the login form answers with `#sid=<one-time id>` and the
 *   Studio exchanges the sid for the session token at /auth/fetch. A sid is stored hashed, works
 *   once and expires after two minutes.
 * - The key-value store keeps the Studio's per-user preferences (list layouts, sort orders).
 *
 * Tables are created here (not in db.ts) so accounts stay one self-contained module.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { Db } from './db'
import { randomId } from './ids'
import { TOKEN_ROLES } from './types'
import type { TokenRole } from './types'

export type User = { id: string; email: string; name: string; role: TokenRole; createdAt: string }

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS login_sids (
  hash TEXT PRIMARY KEY,
  session_token TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS user_keyvalue (
  user_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
`

const SESSION_PREFIX = 'sklakeu'
const SID_TTL_MS = 2 * 60 * 1000
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 64, maxmem: 64 * 1024 * 1024 }
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/
export const MIN_PASSWORD_LENGTH = 12

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/** AES-256-GCM under a key derived from the sid (a different derivation than the stored hash). */
function sidKey(sid: string): Buffer {
  return createHash('sha256').update(`envoy-login-sid-key\0${sid}`).digest()
}

function sealWithSid(sid: string, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sidKey(sid), iv)
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return ['gcm', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.')
}

function openWithSid(sid: string, stored: string): string | undefined {
  const [scheme, iv, tag, sealed] = stored.split('.')
  if (scheme !== 'gcm' || !iv || !tag || !sealed) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', sidKey(sid), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}

function scryptAsync(password: string, salt: Buffer, params: { N: number; r: number; p: number }, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, { ...params, maxmem: SCRYPT.maxmem }, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** `scrypt$N$r$p$salt$key`, both base64url: parameters travel with the hash so they can change later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scryptAsync(password, salt, SCRYPT, SCRYPT.keylen)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

export function isRole(value: unknown): value is TokenRole {
  return typeof value === 'string' && (TOKEN_ROLES as readonly string[]).includes(value)
}

type UserRow = { id: string; email: string; name: string; role: TokenRole; password: string; created_at: string }
const toUser = (row: UserRow): User => ({ id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at })

export class AccountStore {
  /** A hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
  private dummyHash: Promise<string> | undefined

  constructor(private readonly db: Db) {
    db.exec(SCHEMA)
  }

  async addUser(input: { email: string; password: string; role: TokenRole; name?: string }): Promise<User> {
    const email = input.email.trim()
    if (!EMAIL.test(email)) throw new Error(`"${email}" is not an email address`)
    if (!isRole(input.role)) throw new Error(`Unknown role "${String(input.role)}": use ${TOKEN_ROLES.join(', ')}`)
    if (input.password.length < MIN_PASSWORD_LENGTH) throw new Error(`A password needs at least ${MIN_PASSWORD_LENGTH} characters`)
    if (this.findByEmail(email)) throw new Error(`A user with email ${email} already exists; remove it first`)
    const name = input.name?.trim() || email.split('@')[0] || email
    const user: User = { id: `u${randomId(11)}`, email, name, role: input.role, createdAt: new Date().toISOString() }
    const password = await hashPassword(input.password)
    this.db.prepare('INSERT INTO users (id, email, name, role, password, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(user.id, user.email, user.name, user.role, password, user.createdAt)
    return user
  }

  list(): User[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY created_at, email').all() as UserRow[]).map(toUser)
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n
  }

  get(id: string): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
    return row ? toUser(row) : undefined
  }

  findByEmail(email: string): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email.trim()) as UserRow | undefined
    return row ? toUser(row) : undefined
  }

  /** Removes a user by id or email, with their sessions and preferences. */
  remove(idOrEmail: string): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ? OR email = ?').get(idOrEmail, idOrEmail) as UserRow | undefined
    if (!row) return undefined
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(row.id)
      this.db.prepare('DELETE FROM user_keyvalue WHERE user_id = ?').run(row.id)
      this.db.prepare('DELETE FROM users WHERE id = ?').run(row.id)
    })()
    return toUser(row)
  }

  /** The user for an email and password, or undefined (the same time is spent either way). */
  async authenticate(email: string, password: string): Promise<User | undefined> {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email.trim()) as UserRow | undefined
    if (!row) {
      this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
      await verifyPassword(password, await this.dummyHash)
      return undefined
    }
    return (await verifyPassword(password, row.password)) ? toUser(row) : undefined
  }

  createSession(userId: string): string {
    const token = `${SESSION_PREFIX}${randomBytes(32).toString('base64url')}`
    this.db.prepare('INSERT INTO sessions (hash, user_id, created_at) VALUES (?, ?, ?)').run(sha256(token), userId, new Date().toISOString())
    return token
  }

  isSessionToken(token: string): boolean {
    return token.startsWith(SESSION_PREFIX)
  }

  userForSession(token: string): User | undefined {
    const row = this.db.prepare('SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = ?').get(sha256(token)) as UserRow | undefined
    return row ? toUser(row) : undefined
  }

  endSession(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE hash = ?').run(sha256(token))
  }

  /**
   * A one-time id the Studio exchanges for `sessionToken` at /auth/fetch. The waiting session
   * token is stored encrypted with a key derived from the sid (which is only kept hashed), so the
   * database file alone never yields a usable session token, not even for the two minutes a sid
   * lives (or in the write-ahead log after it is gone).
   */
  createSid(sessionToken: string): string {
    const sid = randomBytes(24).toString('base64url')
    const now = Date.now()
    this.db.prepare('DELETE FROM login_sids WHERE expires_at < ?').run(now)
    this.db.prepare('INSERT INTO login_sids (hash, session_token, expires_at) VALUES (?, ?, ?)').run(sha256(sid), sealWithSid(sid, sessionToken), now + SID_TTL_MS)
    return sid
  }

  redeemSid(sid: string): string | undefined {
    const hash = sha256(sid)
    const row = this.db.prepare('SELECT session_token, expires_at FROM login_sids WHERE hash = ?').get(hash) as { session_token: string; expires_at: number } | undefined
    this.db.prepare('DELETE FROM login_sids WHERE hash = ?').run(hash)
    return row && row.expires_at >= Date.now() ? openWithSid(sid, row.session_token) : undefined
  }

  getValues(userId: string, keys: string[]): { key: string; value: unknown }[] {
    const select = this.db.prepare('SELECT value FROM user_keyvalue WHERE user_id = ? AND key = ?')
    return keys.map((key) => {
      const row = select.get(userId, key) as { value: string } | undefined
      return { key, value: row ? (JSON.parse(row.value) as unknown) : null }
    })
  }

  setValues(userId: string, entries: { key: string; value: unknown }[]): void {
    const upsert = this.db.prepare('INSERT INTO user_keyvalue (user_id, key, value) VALUES (?, ?, ?) ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value')
    const remove = this.db.prepare('DELETE FROM user_keyvalue WHERE user_id = ? AND key = ?')
    this.db.transaction(() => {
      for (const { key, value } of entries) {
        if (value === null || value === undefined) remove.run(userId, key)
        else upsert.run(userId, key, JSON.stringify(value))
      }
    })()
  }
}
