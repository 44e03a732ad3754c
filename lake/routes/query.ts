/**
 * GET|POST /data/query/{dataset}: GROQ over the caller's perspective.
 * Response `{query, result, syncTags, ms}` (`query` left out with `returnQuery=false`), as Sanity's;
 * with `resultSourceMap=true|withKeyArraySelector` also `resultSourceMap` (lake/source-map);
 * `syncTags` name what the result depends on, for the Live Content API (lake/sync-tags.ts).
 */
import { performance } from 'node:perf_hooks'
import type { FastifyReply } from 'fastify'
import { LakeError, badRequest } from '../errors'
import type { QueryParams } from '../groq'
import { DEFAULT_QUERY_LIMITS, checkQueryShape, queryTimeout } from '../limits'
import { parseOverlayDrafts } from '../overlay'
import { parsePerspective } from '../perspective'
import { checkParams } from '../query-bounds'
import type { SourceMapMode } from '../source-map'
import type { App, LakeContext, Query } from './common'
import { datasetOf, flag, isRecord, jobClientOf, paramsFromQueryString, principalOf, single } from './common'

export function queryRoutes(app: App, context: LakeContext): void {
  app.get('/data/query/:dataset', async (request, reply) => {
    const query = request.query as Query
    return run(context, request, reply, {
      query: single(query, 'query'),
      params: paramsFromQueryString(query),
      perspective: single(query, 'perspective'),
      returnQuery: flag(query, 'returnQuery', true),
      overlayDrafts: single(query, 'overlayDrafts'),
      resultSourceMap: single(query, 'resultSourceMap'),
    })
  })

  // A query body holds at most a 32 KB query and 64 KB of parameters (lake/limits.ts): a larger
  // one is a 413 before its JSON is parsed on the main thread (seen: 5 MB parameters, each costing
  // the event loop tens of milliseconds to parse before being refused).
  app.post('/data/query/:dataset', { bodyLimit: QUERY_BODY_LIMIT }, async (request, reply) => {
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
      resultSourceMap: single(query, 'resultSourceMap'),
    })
  })
}

/** `resultSourceMap`: `true` maps arrays by index, `withKeyArraySelector` by `_key` where there is one. */
function parseSourceMapMode(value: string | undefined): SourceMapMode | undefined {
  if (value === undefined || value === '' || value === 'false' || value === '0') return undefined
  if (value === 'true' || value === '1') return 'index'
  if (value === 'withKeyArraySelector') return 'keyed'
  throw badRequest('"resultSourceMap" must be true, false or withKeyArraySelector', 'queryParseError')
}

async function run(
  context: LakeContext,
  request: Parameters<typeof principalOf>[1],
  reply: FastifyReply,
  input: { query: string | undefined; params: QueryParams; perspective: unknown; returnQuery: boolean; overlayDrafts?: string; resultSourceMap?: string },
) {
  const dataset = datasetOf(request)
  const principal = principalOf(context, request)
  if (!input.query) throw badRequest('The "query" parameter is required', 'queryParseError')
  const started = performance.now()
  const perspective = parsePerspective(input.perspective)
  const sourceMap = parseSourceMapMode(input.resultSourceMap)
  const configured = { ...DEFAULT_QUERY_LIMITS, ...context.queryLimits }
  const limits = principal.role === 'anonymous' ? { ...configured, timeoutMs: Math.min(configured.timeoutMs, configured.anonymousTimeoutMs) } : configured
  // The cheap, linear checks run here so a refused query never occupies a worker; parsing and
  // the checks on the parsed tree run in the worker (a hostile query can take a while to parse).
  checkQueryShape(input.query, limits)
  checkParams(input.params, limits)
  // Envoy's share links (lake/overlay.ts): published plus the named documents' drafts only.
  const overlay = parseOverlayDrafts(input.overlayDrafts)
  if (overlay && perspective.kind !== 'published') throw badRequest('"overlayDrafts" works over the published perspective only', 'queryParseError')
  const outcome = await context.queries.run(
    {
      kind: 'query',
      dataset,
      principal,
      perspective,
      overlayDrafts: overlay,
      query: input.query,
      params: input.params,
      projectId: context.projectId,
      limits,
      now: context.clock.now(),
      syncTags: true,
      sourceMap,
    },
    jobClientOf(principal, request),
    // A little over the evaluation budget: the worker's own deadline usually ends the query first,
    // with no worker to replace; this one stops what that check cannot reach.
    limits.timeoutMs + HARD_DEADLINE_GRACE_MS,
    () => queryTimeout(limits.timeoutMs),
  )
  if (!outcome.ok) throw new LakeError(outcome.status, outcome.body.error.type, outcome.body.error.description, outcome.body.error)
  if (outcome.kind !== 'query') throw new Error('A query job answered with a filter result')
  const ms = Math.round(performance.now() - started)
  // Assembled from the worker's text: it serialized (and size-checked) the result, which is only
  // encoded here. Encoded part by part, not joined into one string first: a result with a single
  // character past Latin-1 would make the joined text two bytes a character, map included, and
  // encoding that is several times slower than encoding each part (the map is ASCII).
  const parts = [
    input.returnQuery ? `"query":${JSON.stringify(input.query)}` : undefined,
    outcome.resultJson === undefined ? undefined : `"result":${outcome.resultJson}`,
    outcome.sourceMapJson === undefined ? undefined : `"resultSourceMap":${outcome.sourceMapJson}`,
    `"syncTags":${JSON.stringify(outcome.syncTags ?? [])}`,
    `"ms":${ms}`,
  ].filter((part) => part !== undefined)
  const body = Buffer.concat([OPEN_BRACE, ...parts.flatMap((part, index) => (index === 0 ? [Buffer.from(part)] : [COMMA, Buffer.from(part)])), CLOSE_BRACE])
  return reply.header('content-type', 'application/json; charset=utf-8').send(body)
}

const OPEN_BRACE = Buffer.from('{')
const COMMA = Buffer.from(',')
const CLOSE_BRACE = Buffer.from('}')

const QUERY_BODY_LIMIT = 1024 * 1024

/** How long past the evaluation budget the pool waits before terminating the worker. */
const HARD_DEADLINE_GRACE_MS = 250
