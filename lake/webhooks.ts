/**
 * Publish webhooks: after every committed transaction that changes a published document, the lake
 * posts one signed request per document to LAKE_WEBHOOK_URL, so the portal can revalidate the
 * pages that show it at once instead of waiting for ISR.
 *
 * The request copies what a Sanity GROQ-powered webhook with the filter
 * `!(_id in path("drafts.**"))` and this projection sends:
 *   {_id, _type, "slug": slug.current, "previousSlug": before().slug.current, "refs": [...]}
 * `refs` lists the ids the document referenced before and after the change, so the portal can
 * also expire pages the document has just left (a meeting moved to another trip). GROQ has no
 * function that lists a document's references, so on hosted Sanity the projection names the
 * reference fields instead (docs/performance.md, "Caching"); the lake computes it exactly. It is a
 * JSON
 * body, the `sanity-webhook-signature` header made by @sanity/webhook (HMAC-SHA256 over the
 * timestamp and body), and the `sanity-*` headers. The portal's route therefore verifies hosted
 * Sanity's webhooks and the lake's with the same code.
 *
 * Delivery is at least once and in the background: a commit never waits for it. Sanity retries
 * failed deliveries with back-off; the lake does the same, a few times within half a minute,
 * which covers a portal that is still starting.
 */
import { encodeSignatureHeader } from '@sanity/webhook'
import { collectRefs } from './index-view'
import type { ListenHub } from './listen'
import type { CommittedTransaction, Doc } from './types'

export type WebhookTarget = { url: string; secret: string; dataset: string }

export type WebhookBody = { _id: string; _type: string; slug: string | null; previousSlug: string | null; refs: string[] }

const RETRY_DELAYS_MS = [500, 2_000, 5_000, 10_000]

/** Published documents only: drafts (`drafts.`), versions and `_.` system ids all contain a dot. */
function isPublishedId(id: string): boolean {
  return !id.includes('.')
}

function slugOf(doc: Doc | null): string | null {
  const slug = doc?.slug
  return typeof slug === 'object' && slug !== null && 'current' in slug && typeof slug.current === 'string' ? slug.current : null
}

function projection(before: Doc | null, after: Doc | null): WebhookBody | null {
  const doc = after ?? before
  if (!doc) return null
  const refs = new Set<string>()
  collectRefs(before, refs)
  collectRefs(after, refs)
  refs.delete(doc._id)
  return { _id: doc._id, _type: doc._type, slug: slugOf(doc), previousSlug: slugOf(before), refs: [...refs].sort() }
}

async function deliver(target: WebhookTarget, transaction: CommittedTransaction, operation: string, body: WebhookBody): Promise<void> {
  const payload = JSON.stringify(body)
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'sanity-webhook-signature': await encodeSignatureHeader(payload, Date.now(), target.secret),
          'sanity-operation': operation,
          'sanity-document-id': body._id,
          'sanity-dataset': transaction.dataset,
          'sanity-project-id': 'local',
          'sanity-transaction-id': transaction.id,
          'idempotency-key': `${transaction.id}#${body._id}`,
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      })
      // A 4xx other than 429 will not get better by retrying (Sanity stops on those too).
      if (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 429)) {
        if (!response.ok) console.error(`[lake] webhook for ${body._id} refused: ${response.status}`)
        return
      }
      throw new Error(`status ${response.status}`)
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt]
      if (delay === undefined) {
        console.error(`[lake] webhook for ${body._id} failed after ${attempt + 1} attempts:`, error instanceof Error ? error.message : error)
        return
      }
      await new Promise((resolve) => setTimeout(resolve, delay).unref())
    }
  }
}

/** Sends webhooks for the target's dataset until the returned function is called. */
export function startWebhooks(hub: ListenHub, target: WebhookTarget): () => void {
  return hub.subscribe(target.dataset, (transaction) => {
    for (const change of transaction.changes) {
      if (!isPublishedId(change.id)) continue
      const body = projection(change.before, change.after)
      if (!body) continue
      const operation = !change.before ? 'create' : !change.after ? 'delete' : 'update'
      void deliver(target, transaction, operation, body)
    }
  })
}
