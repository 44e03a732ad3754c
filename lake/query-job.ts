/**
 * What a query worker is asked to do, and how it does it (lake/query-worker.ts runs this, the
 * pool in lake/query-pool.ts sends it). Kept apart from the worker's message loop so the
 * evaluation itself is plain code over a document source.
 *
 * - `query`: a GROQ query over one view of a dataset (a perspective, or the share-link overlay),
 *   answered with the serialized result (serialized in the worker, so the result cap is applied
 *   there and the main thread only copies a string);
 * - `filter`: a listener's filter over the before/after states of changed documents.
 */
import { LakeError } from './errors'
import type { ErrorBody } from './errors'
import { answerQuery, matchesQuery, parseQuery } from './groq'
import type { QueryParams } from './groq'
import type { CorrelatedLookups } from './query-plan'
import { resultTooLarge, serializeResult } from './limits'
import type { QueryLimits } from './limits'
import { documentsWithDrafts } from './overlay'
import { documentsFor } from './perspective'
import type { SourceMapMode } from './source-map'
import type { Perspective, ViewSource } from './perspective'
import { queryDependencies, queryTags } from './sync-tags'
import type { Doc, Principal } from './types'

export type QueryJob = {
  kind: 'query'
  dataset: string
  principal: Principal
  /** The share-link overlay (lake/overlay.ts) when set; otherwise `perspective`. */
  overlayDrafts?: string[]
  perspective: Perspective
  query: string
  params: QueryParams
  projectId: string
  limits: QueryLimits
  /** Lake time (lake/clock.ts) for GROQ's now(). */
  now: number
  /** Whether to compute the result's sync tags (lake/sync-tags.ts). */
  syncTags: boolean
  /** `resultSourceMap`: index segments (`true`) or keyed ones (`withKeyArraySelector`); none when absent. */
  sourceMap?: SourceMapMode
}

export type FilterJob = {
  kind: 'filter'
  dataset: string
  principal: Principal
  query: string
  params: QueryParams
  projectId: string
  limits: QueryLimits
  now: number
  changes: { before: Doc | null; after: Doc | null }[]
}

export type Job = QueryJob | FilterJob

export type JobResult =
  /** `resultJson` is absent when the query yields nothing, so the response has no `result` key, as before. */
  | { ok: true; kind: 'query'; resultJson?: string; sourceMapJson?: string; syncTags?: string[] }
  | { ok: true; kind: 'filter'; matches: [boolean, boolean][] }
  | { ok: false; status: number; body: ErrorBody }

export async function runJob(source: ViewSource, job: Job): Promise<JobResult> {
  try {
    const tree = parseQuery(job.query, job.params, job.limits)
    const context = { dataset: job.dataset, identity: job.principal.id, projectId: job.projectId, timeoutMs: job.limits.timeoutMs, now: job.now }
    if (job.kind === 'filter') {
      const matches: [boolean, boolean][] = []
      for (const change of job.changes) {
        matches.push([await matchesQuery(tree, change.before, job.params, context), await matchesQuery(tree, change.after, job.params, context)])
      }
      return { ok: true, kind: 'filter', matches }
    }
    const docs = job.overlayDrafts ? documentsWithDrafts(source, job.dataset, job.principal, job.overlayDrafts) : documentsFor(source, job.dataset, job.principal, job.perspective)
    const followed = job.syncTags ? new Set<string>() : undefined
    const correlated: CorrelatedLookups | undefined = job.syncTags ? new Map() : undefined
    // A view that lays drafts over published documents names each by its published id.
    const merged = Boolean(job.overlayDrafts) || job.perspective.kind === 'stack'
    const maxBytes = job.limits.maxResultBytes
    const answer = await answerQuery(tree, docs, job.params, { ...context, followed, correlated }, job.sourceMap && { mode: job.sourceMap, merged, maxBytes })
    const resultJson = answer.result === undefined ? undefined : serializeResult(answer.result, maxBytes)
    // The map counts against the same cap as the result: together they are what is sent.
    const sourceMapJson = resultJson === undefined ? undefined : answer.sourceMapJson
    if (resultJson && sourceMapJson && Buffer.byteLength(resultJson) + Buffer.byteLength(sourceMapJson) > maxBytes) throw resultTooLarge(maxBytes)
    const syncTags = followed && queryTags(job.dataset, queryDependencies(tree, job.params), followed, correlated)
    return { ok: true, kind: 'query', resultJson, sourceMapJson, syncTags }
  } catch (error) {
    if (error instanceof LakeError) return { ok: false, status: error.status, body: error.body }
    throw error
  }
}
