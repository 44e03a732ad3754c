/**
 * GET|POST /data/query/{dataset}: GROQ over the caller's perspective.
 * Response `{query, result, ms}` (`query` left out with `returnQuery=false`), as Sanity's.
 */
import { performance } from 'node:perf_hooks'
import type { FastifyReply } from 'fastify'
import { badRequest } from '../errors'
import { parseQuery, runQuery } from '../groq'
import type { QueryParams } from '../groq'
import { DEFAULT_QUERY_LIMITS, serializeResult } from '../limits'
import { documentsWithDrafts, parseOverlayDrafts } from '../overlay'
import { documentsFor, parsePerspective } from '../perspective'
import type { App, LakeContext, Query } from './common'
import { datasetOf, flag, isRecord, paramsFromQueryString, principalOf, single } from './common'

export function queryRoutes(app: App, context: LakeContext): void {
  app.get('/data/query/:dataset', async (request, reply) => {
    const query = request.query as Query
    return run(context, request, reply, {
      query: single(query, 'query'),
      params: paramsFromQueryString(query),
      perspective: single(query, 'perspective'),
      returnQuery: flag(query, 'returnQuery', true),
      overlayDrafts: single(query, 'overlayDrafts'),
    })
  })

  app.post('/data/query/:dataset', async (request, reply) => {
    const query = request.query as Query
    const body = isRecord(request.body) ? request.body : {}
    if (body.params !== undefined && !isRecord(body.params)) throw badRequest('"params" must be an object', 'queryParseError')
    return run(context, request, reply, {
      query: typeof body.query === 'string' ? body.query : undefined,
      params: { ...paramsFromQueryString(query), ...((body.params as QueryParams | undefined) ?? {}) },
      // Sanity reads the perspective from the URL; a body field is accepted as well.
      perspective: single(query, 'perspective') ?? body.perspective,
      returnQuery: flag(query, 'returnQuery', true),
      overlayDrafts: single(query, 'overlayDrafts'),
    })
  })
}

async function run(
  context: LakeContext,
  request: Parameters<typeof principalOf>[1],
  reply: FastifyReply,
  input: { query: string | undefined; params: QueryParams; perspective: unknown; returnQuery: boolean; overlayDrafts?: string },
) {
  const dataset = datasetOf(request)
  const principal = principalOf(context, request)
  if (!input.query) throw badRequest('The "query" parameter is required', 'queryParseError')
  const started = performance.now()
  const perspective = parsePerspective(input.perspective)
  const limits = { ...DEFAULT_QUERY_LIMITS, ...context.queryLimits }
  const tree = parseQuery(input.query, input.params, limits)
  // Envoy's share links (lake/overlay.ts): published plus the named documents' drafts only.
  const overlay = parseOverlayDrafts(input.overlayDrafts)
  if (overlay && perspective.kind !== 'published') throw badRequest('"overlayDrafts" works over the published perspective only', 'queryParseError')
  const docs = overlay ? documentsWithDrafts(context.store, dataset, principal, overlay) : documentsFor(context.store, dataset, principal, perspective)
  const result = await runQuery(tree, docs, input.params, { dataset, identity: principal.id, projectId: context.projectId, timeoutMs: limits.timeoutMs })
  const ms = Math.round(performance.now() - started)
  // Serialized here (not by Fastify) so an oversized result becomes a clear 400, not a stalled socket.
  const body = serializeResult(input.returnQuery ? { query: input.query, result, ms } : { result, ms }, limits.maxResultBytes)
  return reply.header('content-type', 'application/json; charset=utf-8').send(body)
}
