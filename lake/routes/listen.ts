/**
 * GET /data/listen/{dataset}: Server-Sent Events for changes matching a GROQ filter.
 *
 * `event: welcome` is sent at once (the Studio waits for it before fetching snapshots); then,
 * for every committed document change that matched the query before or after, one
 * `event: mutation` with Sanity's event fields. Effects use the trivial mendoza patch that
 * replaces the whole value (`[0, doc]`, `[0, null]` for a deletion): valid mendoza, and enough for
 * the Studio's `applyPatch(doc, effects.apply)`. `_rev` is left out of the effects: clients take
 * the revision from `resultRev`/`previousRev`.
 */
import { badRequest } from '../errors'
import { matchesQuery, parseQuery } from '../groq'
import { randomId } from '../ids'
import { isReadable, layerOf } from '../perspective'
import { openEventStream } from '../sse'
import type { CommittedTransaction, Doc, DocumentChange } from '../types'
import type { App, LakeContext, Query } from './common'
import { datasetOf, flag, paramsFromQueryString, principalOf, single } from './common'

function withoutRev(doc: Doc | null): Omit<Doc, '_rev'> | null {
  if (!doc) return null
  const { _rev: _ignored, ...rest } = doc
  return rest
}

export function listenRoutes(app: App, context: LakeContext): void {
  app.get('/data/listen/:dataset', async (request, reply) => {
    const dataset = datasetOf(request)
    const principal = principalOf(context, request)
    const query = request.query as Query
    const groq = single(query, 'query')
    if (!groq) throw badRequest('The "query" parameter is required', 'queryParseError')
    const params = paramsFromQueryString(query)
    const tree = parseQuery(groq, params)
    const options = {
      includeResult: flag(query, 'includeResult', true),
      includePreviousRevision: flag(query, 'includePreviousRevision', false),
      includeMutations: flag(query, 'includeMutations', true),
      includeAllVersions: flag(query, 'includeAllVersions', false),
      mendoza: single(query, 'effectFormat') === 'mendoza',
    }
    const evaluation = { dataset, identity: principal.id, projectId: context.projectId }

    const { write, onClose } = openEventStream(request, reply, context.hub)
    write(`event: welcome\ndata: ${JSON.stringify({ listenerName: randomId(16) })}\n\n`)

    const visible = (change: DocumentChange): boolean => {
      const before = change.before ?? change.after
      const after = change.after ?? change.before
      if (!before || !after || !isReadable(principal, before) || !isReadable(principal, after)) return false
      // Sanity leaves release versions out unless asked for them.
      const layer = layerOf(change.id).layer
      return options.includeAllVersions || layer === 'published' || layer === 'drafts'
    }

    const send = async (transaction: CommittedTransaction) => {
      const events: { change: DocumentChange; transition: 'appear' | 'update' | 'disappear' }[] = []
      for (const change of transaction.changes) {
        if (!visible(change)) continue
        const before = await matchesQuery(tree, change.before, params, evaluation)
        const after = await matchesQuery(tree, change.after, params, evaluation)
        if (!before && !after) continue
        events.push({ change, transition: before && after ? 'update' : after ? 'appear' : 'disappear' })
      }
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
      queue = queue.then(() => send(transaction)).catch((error: unknown) => {
        console.error('[lake] listener event failed:', error)
      })
    })
    onClose(unsubscribe)
  })
}
