/**
 * Signed cookie values for preview: `<payload>.<expires ms>.<HMAC-SHA256>`.
 *
 * Next's draft-mode cookie (`__prerender_bypass`) only says "skip the cache"; a share-link
 * reviewer holds one too. What a request may see is decided by a second, signed cookie: staff
 * preview (every draft) or one share link (one document's draft). Without a valid one, draft mode
 * reads published content, so a copied or stale cookie fails closed.
 *
 * The key is derived from the portal's server-only read token: a restart that issues a new token
 * (npm start/dev do) ends every preview session, which is the safe direction.
 */
import 'server-only'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { readContentSource } from '@/lib/env'

function key(): string | undefined {
  const token = readContentSource().token
  return token ? `envoy-preview-cookie\0${token}` : undefined
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url')
}

/** Signs `payload` (no dots allowed in it beyond those of a document id) until `expires`. */
export function signCookieValue(payload: string, expires: Date): string {
  const secret = key()
  if (!secret) throw new Error('Preview needs SANITY_API_READ_TOKEN (a viewer token) on the server')
  const body = `${Buffer.from(payload).toString('base64url')}.${expires.getTime()}`
  return `${body}.${sign(body, secret)}`
}

/** The payload of a value signed here and not yet expired; undefined for anything else. */
export function readCookieValue(value: string | undefined, now = new Date()): string | undefined {
  const secret = key()
  if (!secret || !value) return undefined
  const parts = value.split('.')
  if (parts.length !== 3) return undefined
  const [payload, expires, signature] = parts as [string, string, string]
  const expected = Buffer.from(sign(`${payload}.${expires}`, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
  if (!(Number(expires) > now.getTime())) return undefined
  return Buffer.from(payload, 'base64url').toString('utf8')
}

export const STAFF_COOKIE = 'envoy-preview'
export const SHARE_COOKIE = 'envoy-share'
/** How long a staff preview session lasts before the Studio must enable it again. */
export const STAFF_PREVIEW_HOURS = 8
