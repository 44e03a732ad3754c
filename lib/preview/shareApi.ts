/**
 * The portal's calls to the lake's share-link endpoints (editorial/lake/share-routes.ts), made with the
 * server-only viewer token. Share links need the local lake: hosted Sanity has no such endpoint
 * (nor a perspective that shows one document's draft), and answers 404, so links simply never open.
 */
import 'server-only'
import { getClient, READ_TIMEOUT_MS } from '@/lib/sanity/baseClient'
import { readContentSource } from '@/lib/env'
import type { ShareLinkState } from '@/editorial/share-rules'

export type ShareAnswer =
  { status: 'active'; linkId: string; documentId: string; documentType: string; expiresAt: string } | { status: 'gone'; state: Exclude<ShareLinkState, 'active'> } | { status: 'unknown' }

type Body = { state?: ShareLinkState; linkId?: string; documentId?: string; documentType?: string; expiresAt?: string; error?: Body }

function readAnswer(statusCode: number, raw: Body): ShareAnswer {
  const body = raw.error ?? raw
  if (statusCode === 200 && body.state === 'active' && body.linkId && body.documentId) {
    return { status: 'active', linkId: body.linkId, documentId: body.documentId, documentType: body.documentType ?? '', expiresAt: body.expiresAt ?? '' }
  }
  if (statusCode === 410 && body.state && body.state !== 'active') return { status: 'gone', state: body.state }
  return { status: 'unknown' }
}

async function call(uri: string, init: { method: 'GET' } | { method: 'POST'; body: unknown }): Promise<ShareAnswer> {
  const source = readContentSource()
  if (!source.token) return { status: 'unknown' }
  // Never the Next data cache: every check must see revocations at once.
  const response = await fetch(getClient().getUrl(uri), {
    method: init.method,
    headers: { authorization: `Bearer ${source.token}`, 'content-type': 'application/json' },
    body: init.method === 'POST' ? JSON.stringify(init.body) : undefined,
    cache: 'no-store',
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
  })
  let body: Body = {}
  try {
    body = (await response.json()) as Body
  } catch {
    // not JSON (hosted Sanity's 404 page): unknown
  }
  return readAnswer(response.status, body)
}

/** Checks a token and records the opening (the lake appends `{at}` to the link's openings). */
export function openShareLink(token: string): Promise<ShareAnswer> {
  return call(`/envoy/share/${readContentSource().dataset}/open`, { method: 'POST', body: { token } })
}

/** Re-checks a link by id, recording nothing: revoked, expired or published links stop at once. */
export function checkShareLink(linkId: string): Promise<ShareAnswer> {
  return call(`/envoy/share/${readContentSource().dataset}/links/${encodeURIComponent(linkId)}`, { method: 'GET' })
}
