/**
 * Live invalidation: the portal's live listener (lib/live/cacheListener.ts) posts here the sync
 * tags a live event named, and they are expired in Next and purged from the shared cache
 * (lib/revalidation/expire.ts). Only the listener in this same process knows the secret
 * (lib/live/loopbackSecret.ts); anything else gets a 401 and changes nothing.
 */
import { type NextRequest, NextResponse } from 'next/server'
import { z } from 'zod'
import { MAX_INVALIDATION_TAGS } from '@/lib/live/invalidation'
import { LOOPBACK_SECRET_HEADER, isLoopbackSecret } from '@/lib/live/loopbackSecret'
import { expireTags } from '@/lib/revalidation/expire'
import { ANY_CHANGE_TAG, CONTENT_TAG, SYNC_TAG_PREFIX } from '@/lib/revalidation/tags'

const body = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z
    .object({
      tags: z
        .array(z.string().regex(/^[\w:.-]{1,64}$/, 'a sync tag is up to 64 letters, digits and : . _ -'))
        .min(1)
        .max(MAX_INVALIDATION_TAGS),
    })
    .strict(),
])

export async function POST(request: NextRequest) {
  if (!isLoopbackSecret(request.headers.get(LOOPBACK_SECRET_HEADER))) return NextResponse.json({ error: 'Not the portal’s live listener.' }, { status: 401 })
  let parsed: z.infer<typeof body>
  try {
    parsed = body.parse(await request.json())
  } catch (error) {
    return NextResponse.json({ error: error instanceof z.ZodError ? error.issues[0]?.message : 'The body is not valid JSON.' }, { status: 400 })
  }
  // Everything: the site-wide tag is on every content read. Otherwise the named tags, and the
  // reads whose tags were too many to keep (ANY_CHANGE_TAG), which every change may alter.
  const tags = 'all' in parsed ? [CONTENT_TAG] : [...parsed.tags.map((tag) => `${SYNC_TAG_PREFIX}${tag}`), ANY_CHANGE_TAG]
  expireTags(tags)
  return NextResponse.json({ revalidated: true, tags })
}
