/**
 * GROQ parsing and evaluation through groq-js, with Sanity-shaped errors.
 *
 * Sanity answers a malformed query with 400 and
 * `{error: {type: 'queryParseError', description, start, end, query}}`; `@sanity/client` turns
 * start/end into a code frame pointing at the problem. groq-js reports only a position, so
 * `end` is `start + 1`.
 */
import { performance } from 'node:perf_hooks'
import { evaluate, parse } from 'groq-js'
import type { ExprNode } from 'groq-js'
import { LakeError } from './errors'
import { indexFor } from './index-view'
import { planQuery } from './query-plan'
import type { CorrelatedLookups } from './query-plan'
import { evaluateWithSourceMap } from './source-map'
import type { SourceMapRequest } from './source-map'
import { DEFAULT_QUERY_LIMITS, checkQueryShape, checkTreeDepth, queryBudget, queryTimeout, withDeadline } from './limits'
import type { QueryLimits } from './limits'
import { checkMatchPatterns, checkParams } from './query-bounds'
import { MAX_QUERY_TAGS } from './sync-tags'
import type { Doc } from './types'

export type QueryParams = Record<string, unknown>

function isGroqError(error: unknown): error is Error & { position?: number } {
  return error instanceof Error && (error.name === 'GroqSyntaxError' || error.name === 'GroqQueryError')
}

export function parseQuery(query: string, params: QueryParams = {}, limits: QueryLimits = DEFAULT_QUERY_LIMITS): ExprNode {
  checkQueryShape(query, limits)
  checkParams(params, limits)
  let tree: ExprNode
  try {
    tree = parse(query, { params })
  } catch (error) {
    // Backstop for nesting checkNesting cannot see (e.g. long operator chains): a 400, not a 500.
    if (error instanceof RangeError) throw new LakeError(400, 'queryParseError', 'Query is too deeply nested to parse', { start: 0, end: 1, query: query.slice(0, 1000) })
    if (!isGroqError(error)) throw error
    const start = typeof error.position === 'number' ? error.position : 0
    throw new LakeError(400, 'queryParseError', error.message, { start, end: Math.min(start + 1, query.length), query })
  }
  checkTreeDepth(tree, limits.maxTreeDepth, query)
  checkMatchPatterns(tree, limits)
  // groq-js evaluates a missing parameter to null; Sanity refuses the query instead, which
  // catches a forgotten parameter before it silently matches nothing.
  for (const name of referencedParams(tree)) {
    if (!(name in params)) {
      const start = Math.max(0, query.indexOf(`$${name}`))
      throw new LakeError(400, 'queryParseError', `param $${name} referenced, but not provided`, {
        start,
        end: start + name.length + 1,
        query,
      })
    }
  }
  return tree
}

function referencedParams(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) referencedParams(child, found)
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>
    if (record.type === 'Parameter' && typeof record.name === 'string') found.add(record.name)
    for (const value of Object.values(record)) referencedParams(value, found)
  }
  return found
}

export type EvaluateContext = {
  dataset: string
  identity: string
  projectId?: string
  /** Evaluation time budget (lake/limits.ts); default DEFAULT_QUERY_LIMITS.timeoutMs. */
  timeoutMs?: number
  /** Lake time for now() (lake/clock.ts); the system clock when absent. */
  now?: number
  /** Collects the ids the query's `->` followed (for its sync tags, lake/sync-tags.ts). */
  followed?: Set<string>
  /** Collects the keys of the query's correlated lookups (referrer sync tags, lake/sync-tags.ts). */
  correlated?: CorrelatedLookups
}

/**
 * Evaluates a query with groq-js over `docs`, each `*[...]` narrowed through the view's indexes
 * (see query-plan.ts): the result is groq-js's own, only the documents each filter tests are fewer.
 * Candidate lists share the query's deadline with the full dataset: each is wrapped with what is
 * left of the budget when groq-js gets it.
 */
export async function runQuery(tree: ExprNode, docs: readonly Doc[], params: QueryParams, context: EvaluateContext): Promise<unknown> {
  return (await answerQuery(tree, docs, params, context)).result
}

/** The answer; with a source map asked for, also the map as JSON (`ContentSourceMap`, lake/source-map/emit.ts). */
export type QueryAnswer = { result: unknown; sourceMapJson?: string }

/**
 * runQuery, and with `sourceMap` the result's content source map (lake/source-map): the query is
 * then evaluated once, tracing where values come from, inside the same budget (a query whose map
 * does not fit in its deadline is stopped like any other).
 */
export async function answerQuery(tree: ExprNode, docs: readonly Doc[], params: QueryParams, context: EvaluateContext, sourceMap?: SourceMapRequest): Promise<QueryAnswer> {
  const timeoutMs = context.timeoutMs ?? DEFAULT_QUERY_LIMITS.timeoutMs
  try {
    const budget = queryBudget(timeoutMs)
    const guard = (list: readonly Doc[]) => withDeadline(list, timeoutMs, budget)
    // The source map's walk over the result checks the clock too (lake/source-map/emit.ts).
    const check = () => {
      if (budget.expired || performance.now() > budget.deadline) throw queryTimeout(timeoutMs)
    }
    const followed = context.followed
    // Past MAX_QUERY_TAGS the response names the fallback tag anyway; the set stops growing there.
    const follow = followed && ((id: string) => void (followed.size <= MAX_QUERY_TAGS && followed.add(id)))
    const index = indexFor(docs)
    const options = {
      identity: context.identity,
      timestamp: new Date(context.now ?? Date.now()),
      sanity: { projectId: context.projectId ?? 'local', dataset: context.dataset },
    }
    if (sourceMap) return await evaluateWithSourceMap(tree, { docs, index, params, guard, follow, check, options }, sourceMap)
    // The source map's path plans a rewritten tree and leaves `correlated` empty: its filters then
    // keep their static tags.
    const plan = planQuery(tree, params, index, guard, follow, context.correlated)
    const value = await evaluate(plan.tree, { ...options, dataset: guard(docs), dereference: plan.dereference, params })
    const result = await value.get()
    // A branch that ran on after the budget was spent saw empty lists: its result is not an answer.
    if (budget.expired) throw queryTimeout(timeoutMs)
    return { result }
  } catch (error) {
    // A candidate list's guard was given what was left of the budget; report the query's limit.
    if (error instanceof LakeError && error.body.error.type === 'queryTimeoutError') throw queryTimeout(timeoutMs)
    if (error instanceof RangeError) throw new LakeError(400, 'queryError', 'Query recursed too deeply to evaluate')
    // groq-js parses some functions it does not evaluate (geo::*): the query's fault, not the lake's.
    if (error instanceof Error && error.message === 'not implemented') throw new LakeError(400, 'queryError', 'Query uses a GROQ function the lake does not support (geo::*)')
    if (!isGroqError(error)) throw error
    throw new LakeError(400, 'queryError', error.message)
  }
}

/** Whether `doc` matches a listener's query: the query evaluated over `[doc]` yields something. */
export async function matchesQuery(tree: ExprNode, doc: Doc | null, params: QueryParams, context: EvaluateContext): Promise<boolean> {
  if (!doc) return false
  const result = await runQuery(tree, [doc], params, context)
  if (Array.isArray(result)) return result.length > 0
  return result !== null && result !== undefined && result !== false
}
