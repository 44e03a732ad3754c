/** Identifier rules and generators shared by the write paths. */
import { randomBytes } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A random base62 string; 22 characters carry ~131 bits, like Sanity's own transaction ids. */
export function randomId(length = 22): string {
  const bytes = randomBytes(length * 2)
  let out = ''
  for (let i = 0; i < bytes.length && out.length < length; i++) {
    const byte = bytes[i] as number
    // Rejection sampling keeps the distribution uniform (248 = 4 * 62).
    if (byte < 248) out += ALPHABET[byte % 62]
  }
  return out.length === length ? out : out + randomId(length - out.length)
}

/**
 * Sanity's document id rule: letters, digits, `_`, `-` and `.` (path separator), at most 128
 * characters, and not starting with `-` or `.`. Checked on every write so that no id the real
 * Content Lake would refuse gets into the store.
 */
const DOCUMENT_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

export function isValidDocumentId(id: unknown): id is string {
  return typeof id === 'string' && DOCUMENT_ID.test(id) && !id.includes('..') && !id.endsWith('.')
}

/** Sanity's dataset name rule: lowercase letters, digits, `_` and `-`, 1–64 characters. */
const DATASET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/

export function isValidDatasetName(name: string): boolean {
  return DATASET_NAME.test(name)
}

/** Sanity's rule for `_id` on create: missing → random, ending in `.` → that prefix + random. */
export function resolveNewDocumentId(id: unknown): unknown {
  if (id === undefined || id === null || id === '') return randomId()
  if (typeof id === 'string' && id.endsWith('.') && id.length > 1) return id + randomId()
  return id
}

export const DRAFTS_PREFIX = 'drafts.'
export const VERSIONS_PREFIX = 'versions.'
/** Where release documents live: `_.releases.<releaseId>` (a dotted, so private, path). */
export const RELEASES_PREFIX = '_.releases.'

/**
 * A release id: letters, digits, `_` and `-`, 1–64 characters. It becomes a path segment of
 * `versions.<releaseId>.<id>` and `_.releases.<releaseId>`, so a dot would split it; the client
 * generates 8 letters and digits, the Studio `r` and 8 more.
 */
const RELEASE_ID = /^[A-Za-z0-9_-]{1,64}$/

export function isValidReleaseId(id: unknown): id is string {
  return typeof id === 'string' && RELEASE_ID.test(id)
}

/** `drafts.X` → `X`, `versions.r1.X` → `X`, anything else unchanged. */
export function publishedIdOf(id: string): string {
  if (id.startsWith(DRAFTS_PREFIX)) return id.slice(DRAFTS_PREFIX.length)
  if (id.startsWith(VERSIONS_PREFIX)) {
    const rest = id.slice(VERSIONS_PREFIX.length)
    const dot = rest.indexOf('.')
    return dot === -1 ? rest : rest.slice(dot + 1)
  }
  return id
}

/** Sanity's documents timestamps (`_createdAt`, `_updatedAt`) carry whole seconds: `2025-02-19T10:00:00Z`. */
export function documentTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
