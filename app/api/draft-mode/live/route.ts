/**
 * GET /api/draft-mode/live: the lake's Live Content API stream (`/data/live/events/{dataset}
 * ?includeDrafts=true`), relayed to a staff preview. Reading drafts' events needs a token, which
 * must stay on the server, so the browser cannot subscribe itself; this route subscribes with the
 * viewer token and passes the stream through unchanged. It carries only transaction ids and
 * opaque sync tags, never content. components/preview/PreviewEditing.tsx refreshes the page on
 * each message. Works the same against hosted Sanity's Live Content API.
 */
import type { NextRequest } from 'next/server'
import { readContentSource } from '@/lib/env'
import { previewMode } from '@/lib/preview/mode'
import { getClient } from '@/lib/sanity/client'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest): Promise<Response> {
  const mode = await previewMode()
  if (mode.kind !== 'staff') return new Response('Live updates are for staff preview only', { status: 403 })
  const source = readContentSource()
  const upstream = await fetch(getClient().getUrl(`/data/live/events/${source.dataset}?includeDrafts=true&tag=envoy.preview`), {
    headers: { authorization: `Bearer ${source.token}`, accept: 'text/event-stream' },
    signal: request.signal,
    cache: 'no-store',
  })
  if (!upstream.ok || !upstream.body) return new Response('Live events are unavailable', { status: 502 })
  return new Response(upstream.body, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'private, no-store, no-transform', 'x-accel-buffering': 'no' },
  })
}
