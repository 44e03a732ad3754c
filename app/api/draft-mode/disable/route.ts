/**
 * GET /api/draft-mode/disable: leaves preview (staff or share link) and returns to the page the
 * banner was on, as the public sees it. Only same-site paths are followed, never another origin.
 */
import { perspectiveCookieName } from '@sanity/preview-url-secret/constants'
import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { SHARE_COOKIE, STAFF_COOKIE } from '@/lib/preview/signedCookie'
import { safeRedirectPath } from '@/lib/safeRedirect'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest): Promise<never> {
  ;(await draftMode()).disable()
  const jar = await cookies()
  for (const name of [STAFF_COOKIE, SHARE_COOKIE, perspectiveCookieName]) jar.delete(name)
  redirect(safeRedirectPath(request.nextUrl.searchParams.get('redirect')))
}
