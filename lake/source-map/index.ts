/**
 * Content source maps (`resultSourceMap=true|withKeyArraySelector` on a query): which document
 * and path each value of a result was read from.
 *
 * groq-js has no notion of provenance, and the lake does not evaluate GROQ itself. So a query
 * asked for its map is evaluated by groq-js over the same view, with the same plan and deadline,
 * but with documents handed over as provenance-tracking copies (provenance.ts) and the tree's
 * final reads rewritten to read marks (rewrite.ts). Every filter, `order()`, operator and
 * function computes over the very values it would see otherwise; only what lands in the result
 * differs: marks and traced objects in place of plain values. One walk (emit.ts) turns that
 * back into the plain answer and maps each leaf on the way. The answer is therefore the one the
 * plain evaluation gives (the tests compare the two over generated queries), and one evaluation
 * serves both.
 */
import { evaluate } from 'groq-js'
import type { ExprNode } from 'groq-js'
import type { ViewIndex } from '../index-view'
import { planQuery } from '../query-plan'
import type { Doc } from '../types'
import { resolveTraced } from './emit'
import type { Check } from './emit'
import { Provenance, rootOfView } from './provenance'
import type { SourceMapMode } from './provenance'
import { rewriteForSourceMap } from './rewrite'

export type { ContentSourceMap } from './emit'
export type { SourceMapMode } from './provenance'

export type SourceMapRequest = {
  mode: SourceMapMode
  /** Whether the view lays drafts over published documents (its `_id`s are then not the stored ones). */
  merged: boolean
  /** Longest map, as JSON (the result cap, lake/limits.ts). */
  maxBytes: number
}

export type TracedEvaluation = {
  docs: readonly Doc[]
  index: ViewIndex
  params: Record<string, unknown>
  /** The deadline guard every list is read through (lake/limits.ts). */
  guard: (docs: readonly Doc[]) => readonly Doc[]
  /** Told each id a `->` follows (sync tags). */
  follow?: (id: string) => void
  /** Throws once the query's budget is spent. */
  check: Check
  /** The rest of groq-js's options. */
  options: { identity: string; timestamp: Date; sanity: { projectId: string; dataset: string } }
}

/** `tree`'s answer over `evaluation.docs`, with its source map. */
export async function evaluateWithSourceMap(tree: ExprNode, evaluation: TracedEvaluation, request: SourceMapRequest): Promise<{ result: unknown; sourceMapJson: string }> {
  const provenance = new Provenance(rootOfView(request.merged), request.mode)
  // Rewritten before planning: the rewrite reads `*` as a list of documents, which the plan then
  // narrows (only filters, which the rewrite leaves alone, are planned).
  const traced = rewriteForSourceMap(tree, {
    virtualKey: (name) => provenance.virtualKey(name),
    splatKey: provenance.splatKey,
    literal: (value) => provenance.literal(value),
  })
  const plan = planQuery(traced, evaluation.params, evaluation.index, (list) => provenance.documents(evaluation.guard(list)), evaluation.follow)
  const value = await evaluate(plan.tree, {
    ...evaluation.options,
    dataset: provenance.documents(evaluation.guard(evaluation.docs)),
    dereference: async (reference) => provenance.dereferenced(await plan.dereference(reference)),
    params: evaluation.params,
  })
  const shadow = await value.get()
  evaluation.check()
  return resolveTraced(shadow, provenance, evaluation.check, request.maxBytes)
}
