/**
 * /trips/<slug>/briefing.pdf: the briefing sheet as a PDF (?meeting=<id> for one engagement,
 * ?paper=a4 for A4; Letter otherwise). Checked against the published content on every request,
 * rendered only when a publish changed the sheet (lib/briefing/pdf.ts).
 */
import type { NextRequest } from 'next/server'
import { loadBriefing } from '@/lib/briefing/load'
import { cachedPdf, renderPdf, type Paper } from '@/lib/briefing/pdf'
import { readBriefingEnv } from '@/lib/env'

export const dynamic = 'force-dynamic'
export const runtime = 'nodejs'

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const search = request.nextUrl.searchParams
  const paper: Paper = search.get('paper') === 'a4' ? 'a4' : 'letter'
  const meetingId = search.get('meeting')
  const loaded = await loadBriefing(slug, { stega: false })
  if (!loaded || (meetingId && !loaded.trip.meetings.some((m) => m._id === meetingId))) {
    return new Response('Briefing not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  }
  const path = meetingId ? `/trips/${slug}/briefing/${encodeURIComponent(meetingId)}` : `/trips/${slug}/briefing`
  const origin = readBriefingEnv().BRIEFING_RENDER_ORIGIN ?? request.nextUrl.origin
  const sheet = [loaded.trip._id, meetingId ?? 'trip', paper].join('--')
  const { bytes, hit } = await cachedPdf(sheet, loaded.revisionKey, () => renderPdf(`${origin}${path}`, paper))
  const filename = `briefing-${slug}${meetingId ? `-${meetingId}` : ''}${paper === 'a4' ? '-a4' : ''}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_')
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${filename}"`,
      'cache-control': 'no-store',
      etag: `"${loaded.revisionKey}-${paper}"`,
      'x-briefing-cache': hit ? 'hit' : 'miss',
    },
  })
}
