/**
 * Marks every preview response `X-Robots-Tag: noindex, nofollow` (the layout adds the matching
 * robots meta). It runs only where preview can happen: requests carrying Next's draft-mode cookie
 * (staff preview or a share link), and the routes that enter or leave preview. Public requests
 * never reach it, so the cached pages pay nothing.
 */
import { NextResponse } from 'next/server'

export function proxy(): NextResponse {
  const response = NextResponse.next()
  response.headers.set('X-Robots-Tag', 'noindex, nofollow')
  return response
}

export const config = {
  matcher: [
    { source: '/((?!_next/static|_next/image|favicon.ico).*)', has: [{ type: 'cookie', key: '__prerender_bypass' }] },
    '/share/:path*',
    '/api/draft-mode/:path*',
  ],
}
