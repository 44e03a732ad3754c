/**
 * GET /api/draft-mode/enable: the Presentation tool's way in. next-sanity's defineEnableDraftMode
 * checks `sanity-preview-secret` against the `sanity.previewUrlSecret` documents the Studio writes
 * (read with the server-only viewer token; secrets live an hour), answers 401 "Invalid secret"
 * otherwise, and on success turns on Next's draft mode and redirects to the previewed path.
 *
 * On success this route also sets the signed staff cookie (lib/preview/signedCookie.ts): draft
 * mode alone only bypasses the cache (share-link reviewers have it too), the staff cookie is what
 * shows every draft.
 */
import { defineEnableDraftMode } from 'next-sanity/draft-mode'
import { getURLFromRedirectError } from 'next/dist/client/components/redirect'
import { isRedirectError } from 'next/dist/client/components/redirect-error'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { readContentSource } from '@/lib/env'
import { SHARE_COOKIE, STAFF_COOKIE, STAFF_PREVIEW_HOURS, signCookieValue } from '@/lib/preview/signedCookie'
import { getClient } from '@/lib/sanity/client'
import { safeRedirectPath } from '@/lib/safeRedirect'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest): Promise<Response> {
  const token = readContentSource().token
  if (!token) return new Response('Preview is not set up: the portal has no read token (SANITY_API_READ_TOKEN)', { status: 503 })
  const { GET: enable } = defineEnableDraftMode({ client: getClient().withConfig({ token }) })
  try {
    // Returns a 401 Response for a missing, forged or expired secret; redirects (throws) when valid.
    return await enable(request)
  } catch (error) {
    if (isRedirectError(error)) {
      const jar = await cookies()
      const expires = new Date(Date.now() + STAFF_PREVIEW_HOURS * 3600_000)
      // Secure/SameSite=None only where the browser accepts it (not over plain http://127.0.0.1).
      const secure = request.nextUrl.protocol === 'https:'
      jar.set({ name: STAFF_COOKIE, value: signCookieValue('staff', expires), httpOnly: true, path: '/', expires, secure, sameSite: secure ? 'none' : 'lax' })
      jar.delete(SHARE_COOKIE)
      // next-sanity keeps only the path of `sanity-preview-pathname`, but a path like `//host`
      // is still another origin to a browser: follow it only if it is a path on this site.
      const wanted = getURLFromRedirectError(error)
      const target = safeRedirectPath(wanted)
      if (target !== wanted) redirect(target)
    }
    throw error
  }
}
