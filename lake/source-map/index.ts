/**
 * Content source maps (`resultSourceMap=true|withKeyArraySelector` on a query): which document
 * and path each value of a result was read from.
 *
 * groq-js has no notion of provenance, and the lake does not evaluate GROQ itself. So the query
 * is evaluated by groq-js a second time, over the same view, with the same plan and the same
 * deadline, but with documents handed over as provenance-tracking Proxies (provenance.ts) and the
 * tree's final reads rewritten to read markers (rewrite.ts). That evaluation computes every
 * filter, order and function over the same values as the first; what differs is only what lands
 * in the result: markers and traced objects instead of plain values. Walking both results side
 * by side (emit.ts) then maps each leaf whose traced source holds exactly the result's value.
 *
 * The answer itself always comes from the plain evaluation; the traced one only ever decides
 * what is mapped, and a leaf it cannot vouch for is left unmapped.
 */
import { evaluate } from 'groq-js'
import type { ExprNode } from 'groq-js'
import { planQuery } from '../query-plan'
import type { ViewIndex } from '../index-view'
import type { Doc } from '../types'
import { buildSourceMap } from './emit'
import type { Check, ContentSourceMap, SourceMapMode } from './emit'
import { Provenance, rootOfView } from './provenance'
import { rewriteForSourceMap } from './rewrite'

export type { ContentSourceMap, SourceMapMode } from './emit'

export type SourceMapRequest = {
  mode: SourceMapMode
  /** Whether the view lays drafts over published documents (its `_id`s are then not the stored ones). */
  merged: boolean
}

export type TracedEvaluation = {
  docs: readonly Doc[]
  index: ViewIndex
  params: Record<string, unknown>
  /** The deadline guard every list is read through (lake/limits.ts). */
  guard: (docs: readonly Doc[]) => readonly Doc[]
  /** Throws once the query's budget is spent. */
  check: Check
  /** The rest of groq-js's options, as the plain evaluation had them. */
  options: { identity: string; timestamp: Date; sanity: { projectId: string; dataset: string } }
}

/** The source map of `result`, the answer `tree` gave over `evaluation.docs`. */
export async function sourceMapOf(tree: ExprNode, result: unknown, evaluation: TracedEvaluation, request: SourceMapRequest): Promise<ContentSourceMap> {
  const provenance = new Provenance(rootOfView(request.merged))
  const plan = planQuery(tree, evaluation.params, evaluation.index, (list) => provenance.documents(evaluation.guard(list)))
  const traced = rewriteForSourceMap(plan.tree, {
    virtualPrefix: provenance.virtualPrefix,
    splatKey: provenance.splatKey,
    literal: (value) => provenance.literal(value),
  })
  const value = await evaluate(traced, {
    ...evaluation.options,
    dataset: provenance.documents(evaluation.guard(evaluation.docs)),
    dereference: async (reference) => provenance.dereferenced(await plan.dereference(reference)),
    params: evaluation.params,
  })
  const shadow = await value.get()
  evaluation.check()
  return buildSourceMap(result, shadow, provenance, request.mode, evaluation.check)
}
