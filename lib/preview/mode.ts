/**
 * What the current request may see: published content, every draft (staff preview, entered from
 * the Studio's Presentation tool through /api/draft-mode/enable), or one document's draft (a share
 * link, /share/<token>). Decided per request from Next's draft mode plus a signed cookie (see
 * signedCookie.ts); anything missing, forged, expired or revoked means published.
 */
import 'server-only'
import { cookies, draftMode } from 'next/headers'
import { unstable_rethrow } from 'next/navigation'
import { cache } from 'react'
import { perspectiveCookieName } from '@sanity/preview-url-secret/constants'
import { checkShareLink } from '@/lib/preview/shareApi'
import { SHARE_COOKIE, STAFF_COOKIE, readCookieValue } from '@/lib/preview/signedCookie'

export type PreviewMode =
  | { kind: 'off' }
  /** Staff: `drafts` shows every draft; `published` when the Presentation tool's switcher says so. */
  | { kind: 'staff'; perspective: 'drafts' | 'published' }
  | { kind: 'share'; linkId: string; documentId: string; expiresAt: string }

/** Whether Next's draft mode is on; false where there is no request (build-time static params). */
export async function isDraftModeOn(): Promise<boolean> {
  try {
    return (await draftMode()).isEnabled
  } catch (error) {
    unstable_rethrow(error)
    return false
  }
}

/** Memoized per request (React cache), since the layout, metadata and page all ask. */
export const previewMode = cache(async (): Promise<PreviewMode> => {
  if (!(await isDraftModeOn())) return { kind: 'off' }
  const jar = await cookies()
  if (readCookieValue(jar.get(STAFF_COOKIE)?.value) === 'staff') {
    return { kind: 'staff', perspective: jar.get(perspectiveCookieName)?.value === 'published' ? 'published' : 'drafts' }
  }
  const linkId = readCookieValue(jar.get(SHARE_COOKIE)?.value)
  if (linkId) {
    const answer = await checkShareLink(linkId)
    if (answer.status === 'active') return { kind: 'share', linkId, documentId: answer.documentId, expiresAt: answer.expiresAt }
  }
  return { kind: 'off' }
})
