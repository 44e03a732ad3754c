/**
 * Runs only where it has work, so other cached pages pay nothing for it:
 * - Malformed requests (lib/http/malformed.ts), checked first and answered 400 here, with the
 *   security headers, instead of a bare 500 from Next.js: a path with a `%` in it that Next.js
 *   could not decode, and a `Next-Router-State-Tree` header it could not parse. Only requests
 *   carrying either come here. Next hides its flight headers (that one included) from the proxy
 *   unless `skipProxyUrlNormalize` is set, which next.config.ts does for this.
 * - Filtered lists: /trips?… and /facts?… are served from their cached view route
 *   (lib/listViews.ts). Only requests that carry a list's own parameters come here (the matcher's
 *   `has`): running the proxy costs every request it sees, and the unfiltered lists are static.
 *   The view routes' own addresses are left alone: Next's client router fetches a rewritten
 *   page's segments from the address it was rewritten to, so redirecting those would loop. They
 *   name /trips and /facts as canonical and robots.txt disallows them.
 * - Preview: every preview response is marked `X-Robots-Tag: noindex, nofollow` (the layout adds
 *   the matching robots meta): requests carrying Next's draft-mode cookie (staff preview or a
 *   share link), and the routes that enter or leave preview.
 */
import { type NextRequest, NextResponse } from 'next/server'
import { hasBadEscape, hasBadRouterState, ROUTER_STATE_HEADER } from '@/lib/http/malformed'
import { plainPage } from '@/lib/http/plainPage'
import { ALL, isListKind, listRoute, viewOf } from '@/lib/listViews'
import { securityHeaders } from '@/lib/security/headers'

/** Next's own query parameter for RSC requests, kept through the rewrite. */
const RSC_PARAM = '_rsc'

function listResponse(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl
  const kind = pathname.slice(1)
  if (isListKind(kind)) {
    const view = viewOf(kind, request.nextUrl.searchParams)
    // Nothing left once checked (?page=1, ?year=abc): the static unfiltered list.
    if (view === ALL) return null
    const url = request.nextUrl.clone()
    url.pathname = listRoute(kind, view)
    for (const name of [...url.searchParams.keys()]) if (name !== RSC_PARAM) url.searchParams.delete(name)
    return NextResponse.rewrite(url)
  }
  return null
}

function badRequest(title: string, message: string): Response {
  const headers = Object.fromEntries(securityHeaders().map(({ key, value }) => [key, value]))
  return plainPage(400, title, message, { ...headers, 'cache-control': 'no-store' })
}

/** The 400 for a request Next.js could not read, or null when it can. */
function malformedResponse(request: NextRequest): Response | null {
  if (hasBadEscape(request.nextUrl.pathname)) {
    return badRequest('Bad address', 'This address has a broken “%” escape, so it cannot name a page. Check the link, or start again from the home page.')
  }
  if (hasBadRouterState(request.headers.get(ROUTER_STATE_HEADER))) {
    return badRequest('Bad request', 'This request carried page-navigation data the site cannot read. Reload the page, or start again from the home page.')
  }
  return null
}

function isPreviewRequest(request: NextRequest): boolean {
  const { pathname } = request.nextUrl
  return request.cookies.has('__prerender_bypass') || pathname.startsWith('/share/') || pathname.startsWith('/api/draft-mode/')
}

export function proxy(request: NextRequest): Response {
  const malformed = malformedResponse(request)
  if (malformed) return malformed
  const response = listResponse(request) ?? NextResponse.next()
  if (isPreviewRequest(request)) response.headers.set('X-Robots-Tag', 'noindex, nofollow')
  return response
}

export const config = {
  matcher: [
    // Written out: Next reads this config at build time and cannot evaluate code in it. The keys
    // are the lists' parameters in lib/listViews.ts.
    { source: '/trips', has: [{ type: 'query', key: 'year' }] },
    { source: '/trips', has: [{ type: 'query', key: 'country' }] },
    { source: '/trips', has: [{ type: 'query', key: 'official' }] },
    { source: '/trips', has: [{ type: 'query', key: 'topic' }] },
    { source: '/trips', has: [{ type: 'query', key: 'page' }] },
    { source: '/facts', has: [{ type: 'query', key: 'topic' }] },
    { source: '/facts', has: [{ type: 'query', key: 'country' }] },
    { source: '/((?!_next/static|_next/image|favicon.ico).*)', has: [{ type: 'cookie', key: '__prerender_bypass' }] },
    '/share/:path*',
    '/api/draft-mode/:path*',
    // Any path with a `%` in it: the proxy checks its escapes.
    '/:path(.*%.*)',
    // Client-router requests: the proxy checks the router state Next would parse (ROUTER_STATE_HEADER).
    { source: '/:path*', has: [{ type: 'header', key: 'next-router-state-tree' }] },
  ],
}
