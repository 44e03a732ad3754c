/**
 * POST /data/mutate/{dataset} (Mutation API) and POST /data/actions/{dataset} (Actions API).
 *
 * Options come from the query string (Sanity's documented place) or the body (where
 * `@sanity/client` puts `transactionId` and `dryRun` for actions): returnIds, returnDocuments,
 * dryRun, visibility, transactionId, autoGenerateArrayKeys. `visibility` is accepted and
 * validated but changes nothing: every commit here is visible to queries before the response.
 */
import { writeGuardOf } from '../plugin'
import { applyActions } from '../actions'
import { requireWrite } from '../auth'
import { badRequest } from '../errors'
import { applyMutations } from '../mutations'
import { refuseReleaseDocumentWrites } from '../releases'
import { changesAsMutations, runWrite } from '../write'
import type { App, LakeContext, Query } from './common'
import { datasetOf, flag, isRecord, principalOf, single } from './common'

const VISIBILITIES = ['sync', 'async', 'deferred']

function optionsOf(query: Query, body: Record<string, unknown>) {
  const bodyFlag = (key: string) => (typeof body[key] === 'boolean' ? (body[key] as boolean) : undefined)
  const visibility = single(query, 'visibility') ?? (typeof body.visibility === 'string' ? body.visibility : undefined)
  if (visibility !== undefined && !VISIBILITIES.includes(visibility)) {
    throw badRequest(`Invalid visibility "${visibility}": use sync, async or deferred`)
  }
  const transactionId = single(query, 'transactionId') ?? body.transactionId
  if (transactionId !== undefined && typeof transactionId !== 'string') throw badRequest('"transactionId" must be a string')
  return {
    transactionId: transactionId === '' ? undefined : transactionId,
    dryRun: flag(query, 'dryRun', bodyFlag('dryRun') ?? false),
    returnDocuments: flag(query, 'returnDocuments', false),
    autoGenerateArrayKeys: flag(query, 'autoGenerateArrayKeys', bodyFlag('autoGenerateArrayKeys') ?? false),
  }
}

export function mutateRoutes(app: App, context: LakeContext): void {
  app.post('/data/mutate/:dataset', async (request) => {
    const dataset = datasetOf(request)
    const principal = principalOf(context, request)
    requireWrite(principal, 'mutationError')
    const body = isRecord(request.body) ? request.body : {}
    const options = optionsOf(request.query as Query, body)
    const guard = writeGuardOf(context, principal, dataset)
    const { transaction, value, tx } = await runWrite(
      context,
      {
        dataset,
        author: principal.id,
        transactionId: options.transactionId,
        dryRun: options.dryRun,
        // Release documents change through release actions only (lake/releases.ts); the plugins'
        // write guards (lake/plugin.ts): no API write skips them.
        afterBuild: (tx) => {
          refuseReleaseDocumentWrites(tx.changes())
          guard?.(tx)
        },
      },
      (tx) => applyMutations(tx, body.mutations, { identity: principal.id, autoGenerateArrayKeys: options.autoGenerateArrayKeys }),
      (outcome) => outcome.logged,
    )
    // Sanity lists results only with returnIds=true; @sanity/client always asks for them, and
    // listing them regardless costs nothing, so they are always present.
    if (!options.returnDocuments) return { transactionId: transaction.id, results: value.results }
    // Documents as they stand after the whole transaction (tx reads its own overlay, so this
    // also works for dryRun). Sanity puts each in its result; `documents` lists them as well.
    const results = value.results.map((result) => ({ ...result, document: tx.get(result.id) ?? undefined }))
    return {
      transactionId: transaction.id,
      results,
      documents: results.flatMap((result) => (result.document ? [result.document] : [])),
    }
  })

  app.post('/data/actions/:dataset', async (request) => {
    const dataset = datasetOf(request)
    const principal = principalOf(context, request)
    requireWrite(principal, 'actionError')
    const body = isRecord(request.body) ? request.body : {}
    const options = optionsOf(request.query as Query, body)
    const { transaction } = await runWrite(
      context,
      {
        dataset,
        author: principal.id,
        transactionId: options.transactionId,
        dryRun: options.dryRun,
        afterBuild: writeGuardOf(context, principal, dataset),
      },
      (tx) => applyActions(tx, body.actions),
      (_value, changes) => changesAsMutations(changes),
    )
    return { transactionId: transaction.id }
  })
}
