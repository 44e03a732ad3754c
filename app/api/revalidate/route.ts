/**
 * Publish webhook: expires the content cache so the next reader gets the published change.
 *
 * The lake posts here after every published change (lake/webhooks.ts); on hosted Sanity, a GROQ
 * webhook with the same secret does. The signature is checked with next-sanity's parseBody; an
 * unsigned or forged request changes nothing.
 */
import { revalidateTag } from 'next/cache'
import { type NextRequest, NextResponse } from 'next/server'
import { parseBody } from 'next-sanity/webhook'
import { readContentSource, readRevalidateSecret } from '@/lib/env'
import { CONTENT_TAG } from '@/lib/sanity/client'

type PublishedChange = { _id?: unknown; _type?: unknown }

export async function POST(request: NextRequest) {
  const secret = readRevalidateSecret()
  if (!secret) {
    return NextResponse.json({ error: 'On-demand revalidation is not configured (SANITY_REVALIDATE_SECRET).' }, { status: 501 })
  }
  // Hosted Sanity's API is eventually consistent, so parseBody waits a moment there; the lake
  // answers with committed data only, so no wait is needed.
  const waitForConsistency = readContentSource().kind === 'hosted'
  let parsed: Awaited<ReturnType<typeof parseBody<PublishedChange>>>
  try {
    parsed = await parseBody<PublishedChange>(request, secret, waitForConsistency)
  } catch {
    return NextResponse.json({ error: 'The body is not valid JSON.' }, { status: 400 })
  }
  if (!parsed.isValidSignature) return NextResponse.json({ error: 'Invalid signature.' }, { status: 401 })
  if (typeof parsed.body?._id !== 'string' || typeof parsed.body._type !== 'string') {
    return NextResponse.json({ error: 'The body must name the changed document (_id, _type).' }, { status: 400 })
  }
  // Expire at once (not stale-while-revalidate): a corrected figure must not be served again.
  revalidateTag(CONTENT_TAG, { expire: 0 })
  return NextResponse.json({ revalidated: true, id: parsed.body._id, now: Date.now() })
}
