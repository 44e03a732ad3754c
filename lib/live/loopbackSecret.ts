/**
 * The secret the portal's live listener (./cacheListener.ts) and its invalidation route
 * (app/api/revalidate/live) share: made at random once per process and kept on `globalThis`,
 * since Next bundles instrumentation and route handlers apart, so each has its own copy of this
 * module. Nothing outside the process can know it, and nothing needs configuring.
 */
import 'server-only'
import { randomBytes, timingSafeEqual } from 'node:crypto'

const SECRET = Symbol.for('envoy.live-invalidation-secret')

type Holder = { [SECRET]?: string }

export const LOOPBACK_SECRET_HEADER = 'x-envoy-live-secret'

export function loopbackSecret(): string {
  const holder = globalThis as Holder
  holder[SECRET] ??= randomBytes(32).toString('base64url')
  return holder[SECRET]
}

export function isLoopbackSecret(value: string | null): boolean {
  if (!value) return false
  const expected = Buffer.from(loopbackSecret())
  const given = Buffer.from(value)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
