/** /briefing-book.pdf?trips=…&meetings=…: the briefing book as one PDF, cached per published revision. */
import type { NextRequest } from 'next/server'
import { bookQuery, loadBook, parseBookSelection } from '@/lib/briefing/book'
import { cachedPdf, renderPdf, type Paper } from '@/lib/briefing/pdf'
import { readBriefingEnv } from '@/lib/env'

export const dynamic = 'force-dynamic'
export const runtime = 'nodejs'

export async function GET(request: NextRequest) {
  const search = request.nextUrl.searchParams
  const selection = parseBookSelection({ trips: search.getAll('trips'), meetings: search.getAll('meetings') })
  const paper: Paper = search.get('paper') === 'a4' ? 'a4' : 'letter'
  const { sheets, revisionKey } = await loadBook(selection)
  if (sheets.length === 0) return new Response('Choose at least one existing trip or engagement', { status: 404 })
  const query = bookQuery(selection)
  const origin = readBriefingEnv().BRIEFING_RENDER_ORIGIN ?? request.nextUrl.origin
  const sheet = `book--${sheets
    .map((s) => s.key)
    .join('+')
    .slice(0, 120)}--${paper}`
  const { bytes, hit } = await cachedPdf(sheet, revisionKey, () => renderPdf(`${origin}/briefing-book?${query}`, paper))
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': 'inline; filename="briefing-book.pdf"',
      'cache-control': 'no-store',
      'x-briefing-cache': hit ? 'hit' : 'miss',
    },
  })
}
