/**
 * GET /data/live/events/{dataset}: the Live Content API's event stream (Server-Sent Events), as
 * `@sanity/client`'s `client.live.events()` consumes it. The Studio's Presentation tool opens it
 * (with `includeDrafts=true`) and crashes on a 404, so the lake serves it.
 *
 * Behaviour, after Sanity's reference: `event: welcome` at once; then, per committed transaction
 * that changed a published document (or, with `includeDrafts=true`, a draft), one
 * `event: message` with `id: <transaction id>` and `data: {id, tags}`, where `tags` are opaque
 * sync tags of the changed documents (`s1:` + a hash of dataset and published id). Anonymous
 * callers may listen to published changes (tags leak nothing); drafts need a token. The lake's
 * query API does not return `syncTags`, so a consumer cannot match tags to queries and should
 * treat any message as "refetch" — which is what the portal's preview does (see
 * components/preview/PreviewEditing.tsx). A `Last-Event-ID` is not replayed: the stream starts
 * with `restart`, which tells the client to refetch everything, as Sanity does for an unknown id.
 *
 * Also GET /check/cors, which the client calls when the stream fails, answering for the caller's
 * origin.
 */
import { createHash } from 'node:crypto'
import { LakeError } from '../errors'
import { randomId } from '../ids'
import { layerOf } from '../perspective'
import { openEventStream } from '../sse'
import type { CommittedTransaction } from '../types'
import type { App, LakeContext, Query } from './common'
import { datasetOf, flag, principalOf } from './common'

/** Opaque sync tag of a document, the same for its draft and published versions. */
export function syncTag(dataset: string, id: string): string {
  const { baseId } = layerOf(id)
  return `s1:${createHash('sha256').update(`${dataset}\0${baseId}`).digest('base64url').slice(0, 8)}`
}

export function liveRoutes(app: App, context: LakeContext): void {
  app.get('/data/live/events/:dataset', async (request, reply) => {
    const dataset = datasetOf(request)
    const principal = principalOf(context, request)
    const includeDrafts = flag(request.query as Query, 'includeDrafts', false)
    if (includeDrafts && principal.role === 'anonymous') {
      throw new LakeError(401, 'unauthorizedError', 'Unauthorized - includeDrafts=true needs a token')
    }

    const { write, onClose } = openEventStream(request, reply, context.hub)
    if (request.headers['last-event-id']) write(`event: restart\ndata: {}\n\n`)
    write(`event: welcome\ndata: ${JSON.stringify({ id: randomId(16) })}\n\n`)

    const unsubscribe = context.hub.subscribe(dataset, (transaction: CommittedTransaction) => {
      const tags = new Set<string>()
      for (const change of transaction.changes) {
        const layer = layerOf(change.id).layer
        // Dotted ids other than drafts (system documents, share links) are never announced.
        if (layer === 'published' ? change.id.includes('.') : !(includeDrafts && layer === 'drafts')) continue
        tags.add(syncTag(dataset, change.id))
      }
      if (tags.size === 0) return
      write(`id: ${transaction.id}\nevent: message\ndata: ${JSON.stringify({ id: transaction.id, tags: [...tags] })}\n\n`)
    })
    onClose(unsubscribe)
  })

  app.get('/check/cors', async (request) => {
    const origin = request.headers.origin
    const allowed = origin === undefined || context.corsOrigins.includes(origin)
    return { result: { allowed, withCredentials: allowed } }
  })
}
