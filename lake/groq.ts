/**
 * GROQ parsing and evaluation through groq-js, with Sanity-shaped errors.
 *
 * Sanity answers a malformed query with 400 and
 * `{error: {type: 'queryParseError', description, start, end, query}}`; `@sanity/client` turns
 * start/end into a code frame pointing at the problem. groq-js reports only a position, so
 * `end` is `start + 1`.
 */
import { evaluate, parse } from 'groq-js'
import type { ExprNode } from 'groq-js'
import { LakeError } from './errors'
import type { Doc } from './types'

export type QueryParams = Record<string, unknown>

function isGroqError(error: unknown): error is Error & { position?: number } {
  return error instanceof Error && (error.name === 'GroqSyntaxError' || error.name === 'GroqQueryError')
}

export function parseQuery(query: string, params: QueryParams = {}): ExprNode {
  let tree: ExprNode
  try {
    tree = parse(query, { params })
  } catch (error) {
    if (!isGroqError(error)) throw error
    const start = typeof error.position === 'number' ? error.position : 0
    throw new LakeError(400, 'queryParseError', error.message, { start, end: Math.min(start + 1, query.length), query })
  }
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

export type EvaluateContext = { dataset: string; identity: string; projectId?: string }

export async function runQuery(tree: ExprNode, docs: readonly Doc[], params: QueryParams, context: EvaluateContext): Promise<unknown> {
  try {
    const value = await evaluate(tree, {
      dataset: docs,
      params,
      identity: context.identity,
      timestamp: new Date(),
      sanity: { projectId: context.projectId ?? 'local', dataset: context.dataset },
    })
    return await value.get()
  } catch (error) {
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
