/**
 * GET /share/<token>: a preview link for someone without a Studio account.
 *
 * The lake checks the token (only its hash is stored), answers whether the link is still active
 * (not revoked, not expired, the document not published since) and records this opening. An
 * active link turns on draft mode (so nothing is served from or written to the public cache)
 * with a signed cookie naming the link, then redirects to the document's page; every page then
 * re-checks the link and lays only that document's draft over published content
 * (lib/preview/mode.ts, lib/sanity/client.ts). A dead link answers 410, an unknown one 404, both
 * with no content from the draft.
 */
import { draftMode, cookies } from 'next/headers'
import type { NextRequest } from 'next/server'
import { readContentSource } from '@/lib/env'
import { plainPage } from '@/lib/http/plainPage'
import { DOCUMENT_PAGE_QUERY, documentPath } from '@/lib/preview/paths'
import { openShareLink } from '@/lib/preview/shareApi'
import { SHARE_TOKEN_PATTERN, shareLinkMessage } from '@/editorial/share-rules'
import { SHARE_COOKIE, STAFF_COOKIE, signCookieValue } from '@/lib/preview/signedCookie'
import { getClient } from '@/lib/sanity/client'
import { safeRedirectPath } from '@/lib/safeRedirect'

export const dynamic = 'force-dynamic'

const HEADERS = { 'x-robots-tag': 'noindex, nofollow', 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' }

function page(status: number, title: string, message: string): Response {
  return plainPage(status, title, message, HEADERS)
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params
  if (!SHARE_TOKEN_PATTERN.test(token)) return page(404, 'Preview link not found', 'Check that the whole link was copied.')
  const answer = await openShareLink(token)
  if (answer.status === 'unknown') return page(404, 'Preview link not found', 'Check that the whole link was copied.')
  if (answer.status === 'gone') {
    const jar = await cookies()
    jar.delete(SHARE_COOKIE)
    return page(410, 'Preview link no longer available', shareLinkMessage(answer.state))
  }

  const source = readContentSource()
  const located = await getClient()
    .withConfig({ token: source.token, useCdn: false })
    .request<{ result: unknown }>({
      uri: `/data/query/${source.dataset}`,
      method: 'POST',
      query: { perspective: 'published', overlayDrafts: answer.documentId, returnQuery: 'false' },
      body: { query: DOCUMENT_PAGE_QUERY, params: { id: answer.documentId } },
    })
  const path = documentPath(located.result)

  ;(await draftMode()).enable()
  const jar = await cookies()
  const expires = new Date(answer.expiresAt)
  const secure = request.nextUrl.protocol === 'https:'
  jar.set({ name: SHARE_COOKIE, value: signCookieValue(answer.linkId, expires), httpOnly: true, path: '/', expires, secure, sameSite: 'lax' })
  // A share link never grants more than its document, even in a browser that was in staff preview.
  jar.delete(STAFF_COOKIE)
  return new Response(null, { status: 303, headers: { location: safeRedirectPath(path), 'x-robots-tag': 'noindex, nofollow', 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' } })
}
