/**
 * Publish webhook: expires the cached pages that show the published change (and the lists of its
 * type), so their next reader gets it; other pages stay cached (lib/revalidation/pageTags.ts).
 *
 * The lake posts here after every published change (lake/webhooks.ts); on hosted Sanity, a GROQ
 * webhook with the same secret does. Behind the shared cache (`npm run start:cached`), the same
 * tags are then purged there as surrogate keys, one request per batch (lib/revalidation/sharedCache.ts). The signature is checked with next-sanity's parseBody; an
 * unsigned or forged request changes nothing.
 */
import { type NextRequest, NextResponse } from 'next/server'
import { parseBody } from 'next-sanity/webhook'
import { readContentSource, readRevalidateSecret } from '@/lib/env'
import { createBatcher } from '@/lib/revalidation/batches'
import { tagsForChanges, type PublishedChange } from '@/lib/revalidation/pageTags'
import { expireTags } from '@/lib/revalidation/expire'
import { CONTENT_TAG } from '@/lib/revalidation/tags'
import { getClient } from '@/lib/sanity/client'

/** Webhooks that arrive together are worked out together (lib/revalidation/batches.ts). */
const expiries = createBatcher((changes: PublishedChange[]) => tagsForChanges(getClient(), changes))

type WebhookBody = { _id?: unknown; _type?: unknown; slug?: unknown; previousSlug?: unknown; refs?: unknown }

const optionalString = (value: unknown) => (typeof value === 'string' ? value : null)

/** The body as a change, or null when it does not name a document. */
function readChange(body: WebhookBody | null): PublishedChange | null {
  if (typeof body?._id !== 'string' || typeof body._type !== 'string') return null
  const refs = Array.isArray(body.refs) ? body.refs.filter((ref): ref is string => typeof ref === 'string') : []
  return { _id: body._id, _type: body._type, slug: optionalString(body.slug), previousSlug: optionalString(body.previousSlug), refs }
}

export async function POST(request: NextRequest) {
  const secret = readRevalidateSecret()
  if (!secret) {
    return NextResponse.json({ error: 'On-demand revalidation is not configured (SANITY_REVALIDATE_SECRET).' }, { status: 501 })
  }
  // Hosted Sanity's API is eventually consistent, so parseBody waits a moment there; the lake
  // answers with committed data only, so no wait is needed.
  const waitForConsistency = readContentSource().kind === 'hosted'
  let parsed: Awaited<ReturnType<typeof parseBody<WebhookBody>>>
  try {
    parsed = await parseBody<WebhookBody>(request, secret, waitForConsistency)
  } catch {
    return NextResponse.json({ error: 'The body is not valid JSON.' }, { status: 400 })
  }
  if (!parsed.isValidSignature) return NextResponse.json({ error: 'Invalid signature.' }, { status: 401 })
  const change = readChange(parsed.body)
  if (!change) return NextResponse.json({ error: 'The body must name the changed document (_id, _type).' }, { status: 400 })
  let tags: string[]
  let first = true
  try {
    ;({ result: tags, first } = await expiries(change))
  } catch (error) {
    // Content unreadable just now: refresh everything rather than leave a page stale.
    console.error('Revalidation could not work out the pages to refresh:', error instanceof Error ? error.message : error)
    tags = [CONTENT_TAG]
  }
  // One request per batch expires the batch's tags; the others' changes are covered by it.
  if (first) expireTags(tags)
  return NextResponse.json({ revalidated: true, id: change._id, tags, now: Date.now() })
}
