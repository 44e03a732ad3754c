/**
 * GET /data/listen/{dataset}: Server-Sent Events for changes matching a GROQ filter.
 *
 * `event: welcome` is sent at once (the Studio waits for it before fetching snapshots); then,
 * for every committed document change that matched the query before or after, one
 * `event: mutation` with Sanity's event fields. Which documents' changes are sent depends on the
 * API version and `includeAllVersions` (lake/api-version.ts). Sanity documents no `perspective`
 * for listen and `@sanity/client`'s `listen()` sends none (events name stored ids: `drafts.x`,
 * `versions.r.x`, and the filter sees stored documents), so the lake does not read one.
 *
 * Effects use the trivial mendoza patch that replaces the whole value (`[0, doc]`, `[0, null]` for
 * a deletion): valid mendoza, and enough for the Studio's `applyPatch(doc, effects.apply)`. `_rev`
 * is left out of the effects: clients take the revision from `resultRev`/`previousRev`.
 */
import { isReleasesApi } from '../api-version'
import { badRequest } from '../errors'
import { parseQuery } from '../groq'
import { DEFAULT_QUERY_LIMITS } from '../limits'
import { randomId } from '../ids'
import { isReadable, layerOf } from '../perspective'
import { openEventStream } from '../sse'
import type { CommittedTransaction, Doc, DocumentChange } from '../types'
import type { App, LakeContext, Query } from './common'
import { datasetOf, flag, jobClientOf, paramsFromQueryString, principalOf, single } from './common'

function withoutRev(doc: Doc | null): Omit<Doc, '_rev'> | null {
  if (!doc) return null
  const { _rev: _ignored, ...rest } = doc
  return rest
}

/**
 * Budget for matching one transaction's changes against a listener's filter. A filter tests a
 * handful of documents (microseconds for any real filter); every open listener pays it on every
 * write, so it is kept far below a query's.
 */
const LISTEN_FILTER_TIMEOUT_MS = 250
const LISTEN_FILTER_GRACE_MS = 100

export function listenRoutes(app: App, context: LakeContext): void {
  app.get('/data/listen/:dataset', async (request, reply) => {
    const dataset = datasetOf(request)
    const principal = principalOf(context, request)
    const query = request.query as Query
    const groq = single(query, 'query')
    if (!groq) throw badRequest('The "query" parameter is required', 'queryParseError')
    const params = paramsFromQueryString(query)
    // Parsed here once so a malformed filter or one over the limits is a 400 before the stream
    // opens; each transaction's matching then runs in the query pool, under a deadline.
    const limits = { ...DEFAULT_QUERY_LIMITS, ...context.queryLimits }
    const filterLimits = { ...limits, timeoutMs: Math.min(limits.timeoutMs, LISTEN_FILTER_TIMEOUT_MS) }
    parseQuery(groq, params, limits)
    const client = jobClientOf(principal, request)
    // A client made to wait after a stopped query (lake/query-pool.ts) opens no listener meanwhile.
    const waiting = context.queries.cooldownError(client)
    if (waiting) throw waiting
    const options = {
      includeResult: flag(query, 'includeResult', true),
      includePreviousRevision: flag(query, 'includePreviousRevision', false),
      includeMutations: flag(query, 'includeMutations', true),
      includeAllVersions: flag(query, 'includeAllVersions', false),
      mendoza: single(query, 'effectFormat') === 'mendoza',
    }
    const releasesApi = isReleasesApi(request.originalUrl)
    const stream = openEventStream(request, reply, context.hub)
    const { write, onClose } = stream
    write(`event: welcome\ndata: ${JSON.stringify({ listenerName: randomId(16) })}\n\n`)

    const visible = (change: DocumentChange): boolean => {
      const before = change.before ?? change.after
      const after = change.after ?? change.before
      if (!before || !after || !isReadable(principal, before) || !isReadable(principal, after)) return false
      // Anonymous listeners see asset documents only through the published documents that use
      // them (queries show an asset once referenced, lake/perspective.ts); its own events never.
      if (principal.role === 'anonymous' && (String(before._type).startsWith('sanity.') || String(after._type).startsWith('sanity.'))) return false
      // Since API 2025-02-19 Sanity sends events for published documents only, unless the
      // listener asks for drafts and versions with includeAllVersions (the Studio always does);
      // older API versions also send drafts, and never versions unless asked.
      const layer = layerOf(change.id).layer
      if (options.includeAllVersions || layer === 'published') return true
      return layer === 'drafts' && !releasesApi
    }

    /**
     * A filter that cannot be matched within its budget ends the stream: leaving it open would let
     * one listener spend a worker's time on every later write. The client sees `channelError` and
     * may reconnect with a cheaper filter.
     */
    const refuse = (description: string) => {
      write(`event: channelError\ndata: ${JSON.stringify({ message: description })}\n\n`)
      stream.close()
    }

    let ended = false
    onClose(() => {
      ended = true
    })

    const send = async (transaction: CommittedTransaction) => {
      const changes = transaction.changes.filter(visible)
      if (ended || changes.length === 0) return
      const outcome = await context.queries.run(
        {
          kind: 'filter',
          dataset,
          principal,
          query: groq,
          params,
          projectId: context.projectId,
          limits: filterLimits,
          now: context.clock.now(),
          changes: changes.map(({ before, after }) => ({ before, after })),
        },
        client,
        filterLimits.timeoutMs + LISTEN_FILTER_GRACE_MS,
        () => badRequest(`The listener's filter took longer than the lake's limit of ${filterLimits.timeoutMs} ms for one transaction`, 'queryTimeoutError'),
      )
      if (!outcome.ok) return refuse(outcome.body.error.description)
      if (outcome.kind !== 'filter') throw new Error('A filter job answered with a query result')
      const events: { change: DocumentChange; transition: 'appear' | 'update' | 'disappear' }[] = []
      changes.forEach((change, index) => {
        const [before, after] = outcome.matches[index] ?? [false, false]
        if (!before && !after) return
        events.push({ change, transition: before && after ? 'update' : after ? 'appear' : 'disappear' })
      })
      // transactionTotalEvents counts the events this listener gets for the transaction, so a
      // consumer that waits for "current === total" is never left waiting for filtered-out ones.
      events.forEach(({ change, transition }, index) => {
        const eventId = `${transaction.id}#${change.id}`
        const event: Record<string, unknown> = {
          eventId,
          documentId: change.id,
          transactionId: transaction.id,
          transition,
          identity: transaction.author,
          previousRev: change.before?._rev,
          resultRev: transaction.id,
          timestamp: transaction.timestamp,
          visibility: 'query',
          transactionTotalEvents: events.length,
          transactionCurrentEvent: index + 1,
        }
        if (options.includeMutations) event.mutations = change.mutations
        if (options.includeResult && change.after) event.result = change.after
        if (options.includePreviousRevision && change.before) event.previous = change.before
        if (options.mendoza) {
          event.effects = { apply: [0, withoutRev(change.after)], revert: [0, withoutRev(change.before)] }
        }
        write(`id: ${eventId}\nevent: mutation\ndata: ${JSON.stringify(event)}\n\n`)
      })
    }

    // Transactions are handled one after another so events keep commit order even though
    // matching is async.
    let queue = Promise.resolve()
    const unsubscribe = context.hub.subscribe(dataset, (transaction) => {
      queue = queue
        .then(() => send(transaction))
        .catch((error: unknown) => {
          console.error('[lake] listener event failed:', error)
        })
    })
    onClose(unsubscribe)
  })
}
