/**
 * GET|POST /data/query/{dataset}: GROQ over the caller's perspective.
 * Response `{query, result, ms}` (`query` left out with `returnQuery=false`), as Sanity's.
 */
import { performance } from 'node:perf_hooks'
import { badRequest } from '../errors'
import { parseQuery, runQuery } from '../groq'
import type { QueryParams } from '../groq'
import { documentsFor, parsePerspective } from '../perspective'
import type { App, LakeContext, Query } from './common'
import { datasetOf, flag, isRecord, paramsFromQueryString, principalOf, single } from './common'

export function queryRoutes(app: App, context: LakeContext): void {
  app.get('/data/query/:dataset', async (request) => {
    const query = request.query as Query
    return run(context, request, {
      query: single(query, 'query'),
      params: paramsFromQueryString(query),
      perspective: single(query, 'perspective'),
      returnQuery: flag(query, 'returnQuery', true),
    })
  })

  app.post('/data/query/:dataset', async (request) => {
    const query = request.query as Query
    const body = isRecord(request.body) ? request.body : {}
    if (body.params !== undefined && !isRecord(body.params)) throw badRequest('"params" must be an object', 'queryParseError')
    return run(context, request, {
      query: typeof body.query === 'string' ? body.query : undefined,
      params: { ...paramsFromQueryString(query), ...((body.params as QueryParams | undefined) ?? {}) },
      // Sanity reads the perspective from the URL; a body field is accepted as well.
      perspective: single(query, 'perspective') ?? body.perspective,
      returnQuery: flag(query, 'returnQuery', true),
    })
  })
}

async function run(
  context: LakeContext,
  request: Parameters<typeof principalOf>[1],
  input: { query: string | undefined; params: QueryParams; perspective: unknown; returnQuery: boolean },
) {
  const dataset = datasetOf(request)
  const principal = principalOf(context, request)
  if (!input.query) throw badRequest('The "query" parameter is required', 'queryParseError')
  const started = performance.now()
  const perspective = parsePerspective(input.perspective)
  const tree = parseQuery(input.query, input.params)
  const docs = documentsFor(context.store, dataset, principal, perspective)
  const result = await runQuery(tree, docs, input.params, { dataset, identity: principal.id, projectId: context.projectId })
  const ms = Math.round(performance.now() - started)
  return input.returnQuery ? { query: input.query, result, ms } : { result, ms }
}
