/**
 * Bounds on the inputs of an evaluation that are checked before it starts: the parameters (size,
 * nesting) and every `match` pattern known before evaluation (literals and parameters, which
 * groq-js inlines into the tree at parse time). Each refusal is a 400 naming the limit.
 *
 * Patterns computed while the query runs (`title match $a + "*"`) cannot be seen here; the pool's
 * hard deadline (lake/query-pool.ts) bounds them.
 */
import { LakeError } from './errors'
import type { QueryLimits } from './limits'

function limitError(type: string, description: string): LakeError {
  return new LakeError(400, type, description)
}

/**
 * Refuses parameters larger than `maxParamsBytes` (as JSON) or nested deeper than `maxParamDepth`.
 * Walks with an explicit stack and stops at the first excess, so a hostile value costs at most one
 * pass over what the body parser already accepted.
 */
export function checkParams(params: Record<string, unknown>, limits: Pick<QueryLimits, 'maxParamsBytes' | 'maxParamDepth'>): void {
  let bytes = 2
  const stack: { value: unknown; depth: number }[] = Object.entries(params).map(([name, value]) => {
    bytes += name.length + 4
    return { value, depth: 1 }
  })
  const tooLarge = () => limitError('queryParamsTooLargeError', `Query parameters are larger than the lake's limit of ${limits.maxParamsBytes} bytes (as JSON)`)
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number }
    if (typeof value === 'string') bytes += value.length + 2
    else if (value === null || typeof value !== 'object') bytes += 8
    else {
      if (depth > limits.maxParamDepth) throw limitError('queryParamsTooDeepError', `Query parameters are nested more than the lake's limit of ${limits.maxParamDepth} levels`)
      if (Array.isArray(value))
        for (const item of value) {
          bytes += 1
          stack.push({ value: item, depth: depth + 1 })
        }
      else
        for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
          bytes += key.length + 4
          stack.push({ value: item, depth: depth + 1 })
        }
    }
    if (bytes > limits.maxParamsBytes) throw tooLarge()
  }
}

/** The words groq-js makes a pattern into (its CHARS_WITH_WILDCARD tokenizer, edge dots removed). */
function patternTerms(pattern: string): string[] {
  return pattern.replace(/(\b\.+|\.+\b)/g, '').match(/([^!@#$%^&(),\\/?";:{}|[\]+<>\s-])+/g) ?? []
}

function checkPattern(pattern: string, limits: Pick<QueryLimits, 'maxMatchWildcards' | 'maxMatchTerms'>): void {
  const terms = patternTerms(pattern)
  if (terms.length > limits.maxMatchTerms) {
    throw limitError('queryMatchPatternError', `A match pattern has more than the lake's limit of ${limits.maxMatchTerms} terms`)
  }
  for (const term of terms) {
    const wildcards = term.split('*').length - 1
    if (wildcards > limits.maxMatchWildcards) {
      throw limitError('queryMatchPatternError', `A match pattern term has more than the lake's limit of ${limits.maxMatchWildcards} "*" wildcards: "${term.slice(0, 80)}"`)
    }
  }
}

/** Constant strings of a pattern operand: a string, or an array of strings, as a parsed Value. */
function constantStrings(node: unknown): string[] {
  if (!node || typeof node !== 'object') return []
  const record = node as Record<string, unknown>
  if (record.type === 'Value') {
    const value = record.value
    if (typeof value === 'string') return [value]
    if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
    return []
  }
  if (record.type === 'Array' && Array.isArray(record.elements)) {
    return record.elements.flatMap((element) => constantStrings((element as { value?: unknown }).value))
  }
  return []
}

/** Refuses a parsed query with a constant `match` pattern over the limits. Explicit stack, as checkTreeDepth. */
export function checkMatchPatterns(tree: unknown, limits: Pick<QueryLimits, 'maxMatchWildcards' | 'maxMatchTerms'>): void {
  const stack: unknown[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()
    if (Array.isArray(node)) {
      stack.push(...node)
      continue
    }
    if (!node || typeof node !== 'object') continue
    const record = node as Record<string, unknown>
    if (record.type === 'OpCall' && record.op === 'match') {
      // The right operand is the pattern; the left is text, whose `*` are not wildcards.
      for (const pattern of constantStrings(record.right)) checkPattern(pattern, limits)
    }
    for (const value of Object.values(record)) if (value && typeof value === 'object') stack.push(value)
  }
}
