/**
 * Share links: the rules, in one place, for the lake (which checks and records an opening) and
 * the portal (which re-checks the link on every page it renders with a share cookie).
 *
 * A share link is a lake document of the system type `system.envoyShareLink` with an id
 * `envoy-share.<random>`: the dot and the `system.` type both keep it from anonymous readers
 * (lake/perspective.ts). It stores only the SHA-256 of the token handed out, so a database copy
 * or a viewer token cannot be turned into working links.
 *
 * Pure functions only (no Node or Next imports): the Studio bundle uses the constants too.
 */

export const SHARE_LINK_TYPE = 'system.envoyShareLink'
export const SHARE_LINK_ID_PREFIX = 'envoy-share.'
/** Default life of a new link, in hours. */
export const SHARE_LINK_DEFAULT_HOURS = 72
/** Longest life a link may be given: a preview is for review, not a second publication. */
export const SHARE_LINK_MAX_HOURS = 24 * 30

/** Tokens are 32 random bytes in base64url (43 characters); anything else is rejected unread. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export type ShareOpening = { _key: string; at: string }

export type ShareLink = {
  _id: string
  _type: string
  /** The published id of the one document whose draft the link shows. */
  documentId: string
  documentType: string
  tokenHash: string
  /** ISO instant after which the link no longer opens. */
  expiresAt: string
  createdBy?: string
  /**
   * The published document's `_rev` when the link was made (null when it was never published):
   * once the document is published again the draft the link was made for is gone, so it stops.
   */
  publishedRev: string | null
  revokedAt?: string | null
  openings?: ShareOpening[]
}

export type ShareLinkState = 'active' | 'revoked' | 'expired' | 'published'

/**
 * Whether a link may still show its draft. `current` is what the lake holds now for the
 * document: whether its draft exists and the published `_rev` (null when unpublished).
 * Order matters for the message a reviewer sees: revoked wins over expired over published.
 */
export function shareLinkState(link: Pick<ShareLink, 'expiresAt' | 'revokedAt' | 'publishedRev'>, current: { draftExists: boolean; publishedRev: string | null }, now: Date): ShareLinkState {
  if (link.revokedAt) return 'revoked'
  const expires = Date.parse(link.expiresAt)
  if (!Number.isFinite(expires) || expires <= now.getTime()) return 'expired'
  // Published since the link was made (the draft was promoted), or the draft was discarded.
  if (!current.draftExists || current.publishedRev !== link.publishedRev) return 'published'
  return 'active'
}

/** What a reviewer reads when a link no longer works. */
export function shareLinkMessage(state: Exclude<ShareLinkState, 'active'>): string {
  switch (state) {
    case 'revoked':
      return 'This preview link has been withdrawn by the person who shared it.'
    case 'expired':
      return 'This preview link has expired. Ask the person who shared it for a new one.'
    case 'published':
      return 'This preview link has closed because the changes it showed have been published (or discarded). The public page shows the current version.'
  }
}

/** Validates the life asked for a new link, in hours; a clear error for anything else. */
export function shareLinkHours(input: unknown): number {
  const hours = input === undefined || input === null || input === '' ? SHARE_LINK_DEFAULT_HOURS : Number(input)
  if (!Number.isFinite(hours) || hours <= 0 || hours > SHARE_LINK_MAX_HOURS) {
    throw new RangeError(`A preview link must last more than 0 and at most ${SHARE_LINK_MAX_HOURS} hours`)
  }
  return hours
}

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A new token: 256 random bits from Web Crypto (the Studio in the browser and Node both have it). */
export function newShareToken(): string {
  return base64url(globalThis.crypto.getRandomValues(new Uint8Array(32)))
}

/** What is stored in place of the token: its SHA-256, hex. */
export async function hashShareToken(token: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
