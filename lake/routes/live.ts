/**
 * GET /data/live/events/{dataset}: the Live Content API's event stream (Server-Sent Events), as
 * `@sanity/client`'s `client.live.events()` and next-sanity's `<SanityLive>` consume it.
 *
 * Behaviour, after Sanity's reference: `event: welcome` at once; then, per committed transaction
 * that changed a document the listener may see, `event: message` with `id: <transaction id>` and
 * `data: {id, tags}`: the sync tags (lake/sync-tags.ts) of every query result the change may alter,
 * which next-sanity matches against the `syncTags` its query responses carried. A transaction
 * naming more than MAX_TAGS_PER_MESSAGE tags (a bulk write) is sent as several messages of which
 * only the last carries the `id`, so a client that drops in between resumes before the
 * transaction rather than after it.
 *
 * Who sees what: anonymous callers listen to published documents they could query (ids without a
 * dot, types not `system.*`); `includeDrafts=true` needs a token and also announces drafts,
 * release versions and system documents, with the types of the document's other layers (a draft
 * of another type changes what the drafts perspective shows under the published id).
 *
 * Resuming: a `Last-Event-ID` header (sent by EventSource when it reconnects) replays the
 * transactions committed after that id from the transaction log, so no change in between goes
 * unannounced. When the id is unknown (another dataset, a log that was reset) or the gap holds
 * more than MAX_REPLAY_DOCUMENTS changed documents, the stream starts with `event: restart`
 * instead, which tells the client to refetch everything, as Sanity does.
 *
 * Also GET /check/cors, which the client probes when the stream fails, answering for the caller's
 * origin.
 */
import { LakeError } from '../errors'
import { DRAFTS_PREFIX, randomId } from '../ids'
import { isReadable, layerOf } from '../perspective'
import { openEventStream } from '../sse'
import type { Store } from '../store'
import { changeTags } from '../sync-tags'
import type { Doc } from '../types'
import type { App, LakeContext, Query } from './common'
import { datasetOf, flag, principalOf } from './common'

/** Above this, a transaction's tags are split over several messages. */
const MAX_TAGS_PER_MESSAGE = 500
/** The most changed documents a resume replays from the log before answering `restart`. */
const MAX_REPLAY_DOCUMENTS = 5_000

const ANONYMOUS = { role: 'anonymous', id: 'anonymous' } as const

type Change = { id: string; before: Doc | null; after: Doc | null }

export function liveRoutes(app: App, context: LakeContext): void {
  app.get('/data/live/events/:dataset', async (request, reply) => {
    const dataset = datasetOf(request)
    const principal = principalOf(context, request)
    const includeDrafts = flag(request.query as Query, 'includeDrafts', false)
    if (includeDrafts && principal.role === 'anonymous') {
      throw new LakeError(401, 'unauthorizedError', 'Unauthorized - includeDrafts=true needs a token')
    }
    const lastEventId = headerValue(request.headers['last-event-id'])
    // Read before the stream opens so the log lookup's cost is bounded before anything is sent.
    const replay = lastEventId ? context.store.transactionsAfter(dataset, lastEventId, MAX_REPLAY_DOCUMENTS) : []

    const { write, onClose } = openEventStream(request, reply, context.hub)
    const announce = (transactionId: string, changes: readonly Change[]) => {
      const tags = transactionTags(context.store, dataset, changes, includeDrafts)
      if (tags.length === 0) return
      for (let start = 0; start < tags.length; start += MAX_TAGS_PER_MESSAGE) {
        const chunk = tags.slice(start, start + MAX_TAGS_PER_MESSAGE)
        const last = start + MAX_TAGS_PER_MESSAGE >= tags.length
        const data = last ? { id: transactionId, tags: chunk } : { tags: chunk }
        write(`${last ? `id: ${transactionId}\n` : ''}event: message\ndata: ${JSON.stringify(data)}\n\n`)
      }
    }

    if (typeof replay === 'string') {
      // Resuming from here would miss changes: the client refetches, and resumes from the latest.
      const latest = context.store.lastTransactionId(dataset)
      write(`${latest ? `id: ${latest}\n` : ''}event: restart\ndata: {}\n\n`)
    }
    write(`event: welcome\ndata: ${JSON.stringify({ id: randomId(16) })}\n\n`)
    // Log reads and the subscription happen in one synchronous stretch, and a commit announces
    // itself in the same synchronous stretch as it is written (lake/write.ts): no transaction falls
    // between the replay and the live ones, and none is in both.
    if (typeof replay !== 'string') {
      for (const transaction of replay) announce(transaction.id, transaction.documents)
    }
    const unsubscribe = context.hub.subscribe(dataset, (transaction) => announce(transaction.id, transaction.changes))
    onClose(unsubscribe)
  })

  app.get('/check/cors', async (request, reply) => {
    const origin = request.headers.origin
    // Requests without an Origin are not browsers; CORS does not apply to them. The lake's CORS
    // answers allow credentials for every allowed origin (server.ts), so both flags agree.
    const allowed = origin === undefined || context.corsOrigins.includes(origin)
    // The client asks without credentials precisely when its origin may be refused, and can only
    // read the "not allowed" answer if the response lets any origin read it.
    if (!allowed) reply.header('access-control-allow-origin', '*')
    return { result: { allowed, withCredentials: allowed } }
  })
}

/** The tags a transaction names for this listener; none when it changed nothing the listener may see. */
function transactionTags(store: Store, dataset: string, changes: readonly Change[], includeDrafts: boolean): string[] {
  const tags = new Set<string>()
  for (const change of changes) {
    if (includeDrafts) {
      for (const tag of changeTags(dataset, change, otherLayers(store, dataset, change.id))) tags.add(tag)
      continue
    }
    // Published only, and only what an anonymous caller may read: a document turning private
    // (or public) shows only its public side, so the tags reveal nothing the caller could not query.
    if (layerOf(change.id).layer !== 'published') continue
    const before = change.before && isReadable(ANONYMOUS, change.before) ? change.before : null
    const after = change.after && isReadable(ANONYMOUS, change.after) ? change.after : null
    if (!before && !after) continue
    for (const tag of changeTags(dataset, { id: change.id, before, after })) tags.add(tag)
  }
  return [...tags]
}

/** The other stored layers of a document (published, draft and release versions): their types and references. */
function otherLayers(store: Store, dataset: string, id: string): Doc[] {
  const { baseId } = layerOf(id)
  const layers: Doc[] = []
  const add = (doc: Doc | undefined) => {
    if (doc && doc._id !== id) layers.push(doc)
  }
  add(store.get(dataset, baseId))
  add(store.get(dataset, `${DRAFTS_PREFIX}${baseId}`))
  for (const version of store.versionsOf(dataset, baseId)) add(version)
  return layers
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[value.length - 1] : value
  return single && single.length <= 256 ? single : undefined
}
