/**
 * Bounds on what one GROQ query may cost: nesting depth, parameter size, `match` patterns,
 * evaluation time and result size.
 *
 * Queries are evaluated in worker threads (lake/query-pool.ts): the hard guard is the pool's
 * deadline, which terminates the worker (`worker.terminate()` preempts any code, a regular
 * expression that backtracks for a minute included) and `resourceLimits` caps its heap. The
 * checks here come first and are cheap: they refuse, with a 400 naming the limit, what is known to
 * be too costly before any evaluation starts; the cooperative deadline below stops the common case
 * (a query walking the dataset for too long) without having to kill and reload a worker.
 *
 * The cooperative deadline works because most expensive GROQ queries are expensive by walking the dataset
 * (`*`, nested `*` in projections, joins): the dataset array handed to groq-js is wrapped in a
 * Proxy that checks the clock every few hundred element reads and throws once the budget is
 * spent. groq-js's evaluation is a chain of awaits that never yields to the event loop, so a
 * timer could not interrupt it; a check on the data it reads can. Memory follows time (a query
 * can only allocate as fast as it evaluates), and the result is capped separately before it is
 * sent.
 */
import { performance } from 'node:perf_hooks'
import { LakeError } from './errors'

export type QueryLimits = {
  /** Wall-clock budget for evaluating one query, in milliseconds. */
  timeoutMs: number
  /** The budget for anonymous callers (public readers), when lower than `timeoutMs`. */
  anonymousTimeoutMs: number
  /** Largest serialized result, in bytes. */
  maxResultBytes: number
  /** Deepest nesting of (), [] and {} accepted in a query. */
  maxDepth: number
  /** Deepest parsed expression tree (operator chains like `!!!!x` or `a.b.c…` nest without brackets). */
  maxTreeDepth: number
  /** Longest query, in characters. */
  maxQueryLength: number
  /** Most operator and separator characters (`+ - * / % ! & | = < > . , :`) outside string literals. */
  maxOperators: number
  /** Largest parameter set, in bytes of JSON. */
  maxParamsBytes: number
  /** Deepest nesting of arrays and objects in a parameter value. */
  maxParamDepth: number
  /** Most `*` wildcards in one term of a constant `match` pattern. */
  maxMatchWildcards: number
  /** Most terms (words) in one constant `match` pattern. */
  maxMatchTerms: number
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  // 100k documents take 2–4 s for a trip page on this machine (docs/performance.md); 10 s leaves
  // room for legitimate heavy queries while stopping runaway joins.
  timeoutMs: 10_000,
  // Public readers run the portal's published queries, which the indexes answer in milliseconds;
  // anything an anonymous caller keeps busy for seconds is far more likely hostile than useful.
  anonymousTimeoutMs: 5_000,
  maxResultBytes: 32 * 1024 * 1024,
  // Studio and portal queries nest a handful of levels; 64 is far above any real query and far
  // below what the recursive-descent parser can take before the stack overflows.
  maxDepth: 64,
  // groq-js evaluates recursively through async frames; around a thousand levels overflow the stack
  // inside promise callbacks, where it cannot be caught cleanly. Real queries stay under ~40.
  maxTreeDepth: 256,
  // Hosted Sanity documents 11 kB for a GET query URL and 300 KB for a POST body (API CDN, "Maximum
  // HTTP POST size"); the lake takes a query as long as the latter. Length alone costs groq-js's
  // parser little (300 KB of string, whitespace or identifier: under 30 ms); its time is quadratic
  // in the number of list items and operators (a 10,000-entry object literal: 4 s, 6,000 `+`:
  // 1.2 s), which maxOperators bounds: 4,000 operators and separators stay under about 100 ms.
  maxQueryLength: 300_000,
  maxOperators: 4_000,
  // Parameters carry slugs, ids and lists of ids (a Studio reference search sends a few hundred
  // ids, ~20 kB). A 270 kB string used quadratically held a single-threaded lake for 12 s.
  maxParamsBytes: 64 * 1024,
  maxParamDepth: 32,
  // groq-js turns each term into `^t.*e.*r.*m$`, which backtracks polynomially in the token's
  // length with every `*`: `*foo*` (two) is the common use, several more took 53 s.
  maxMatchWildcards: 2,
  maxMatchTerms: 16,
}

/** How often (in element reads) the clock is looked at: reading it per element costs more than the read. */
const CHECK_EVERY = 256

export function queryTimeout(timeoutMs: number): LakeError {
  return new LakeError(
    400,
    'queryTimeoutError',
    `Query took longer than the lake's limit of ${Math.round(timeoutMs)} ms and was stopped. Narrow the filter (e.g. by _type) or avoid nested *[] inside projections.`,
  )
}

/** One query's budget, shared by every list it walks: once spent, it stays spent. */
export type QueryBudget = { deadline: number; expired: boolean }

export function queryBudget(timeoutMs: number): QueryBudget {
  return { deadline: performance.now() + timeoutMs, expired: false }
}

/**
 * The dataset as groq-js should see it: the same array, but reading past the deadline throws.
 * One budget is shared by every walk of the dataset in the same query.
 *
 * Only the first read past the deadline throws. groq-js evaluates some branches concurrently
 * (projections over arrays, for one); had every branch thrown too, the rejections after the first
 * would reach no handler and surface as unhandled rejections. After the first, the list reads as
 * empty so the other branches end at once, and runQuery discards whatever they produce because the
 * budget is marked expired.
 */
export function withDeadline<T>(docs: readonly T[], timeoutMs: number, budget: QueryBudget = queryBudget(timeoutMs)): readonly T[] {
  let reads = 0
  return new Proxy(docs, {
    get(target, key, receiver) {
      if (budget.expired) {
        if (key === 'length') return 0
        if (typeof key === 'string' && /^\d+$/.test(key)) return undefined
        return Reflect.get(target, key, receiver) as unknown
      }
      if (++reads % CHECK_EVERY === 0 && performance.now() > budget.deadline) {
        budget.expired = true
        throw queryTimeout(timeoutMs)
      }
      return Reflect.get(target, key, receiver) as unknown
    },
  })
}

// `,` and `:` separate list items and object entries, which cost the parser as much as operators.
const OPERATORS = new Set(['+', '-', '*', '/', '%', '!', '&', '|', '=', '<', '>', '.', ',', ':'])

function shapeError(message: string, index: number, query: string): LakeError {
  return new LakeError(400, 'queryParseError', message, {
    start: index,
    end: index + 1,
    query: query.length > 1000 ? `${query.slice(0, 1000)}…` : query,
  })
}

/**
 * Refuses, before the parser sees it, a query that is too long, nested deeper than `maxDepth` or
 * made of more than `maxOperators` operators: a hostile `((((…))))` gets a 400 instead of a stack
 * overflow, a huge literal or operator chain a 400 instead of seconds of parsing. String literals
 * are skipped.
 */
export function checkQueryShape(query: string, limits: Pick<QueryLimits, 'maxDepth' | 'maxQueryLength' | 'maxOperators'>): void {
  if (query.length > limits.maxQueryLength) {
    throw shapeError(`Query is longer than the lake's limit of ${limits.maxQueryLength} characters; pass large values as parameters`, limits.maxQueryLength, query)
  }
  const maxDepth = limits.maxDepth
  let operators = 0
  let depth = 0
  let quote: string | undefined
  for (let index = 0; index < query.length; index++) {
    const char = query[index]
    if (quote) {
      if (char === '\\') index++
      else if (char === quote) quote = undefined
      continue
    }
    if (char === '"' || char === "'") quote = char
    else if (char === '(' || char === '[' || char === '{') {
      depth++
      if (depth > maxDepth) throw shapeError(`Query is nested more than ${maxDepth} levels deep`, index, query)
    } else if (char !== undefined && OPERATORS.has(char)) {
      if (++operators > limits.maxOperators) throw shapeError(`Query has more than ${limits.maxOperators} operators and separators; pass large lists as parameters`, index, query)
    } else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1)
  }
}

/** The response body as JSON, or a clear 400 when it is larger than the cap. */
export function serializeResult(body: unknown, maxResultBytes: number): string {
  const json = JSON.stringify(body)
  if (Buffer.byteLength(json) > maxResultBytes) throw resultTooLarge(maxResultBytes)
  return json
}

/** The 400 for a result (with its source map, if asked for) over `maxResultBytes`. */
export function resultTooLarge(maxResultBytes: number): LakeError {
  return new LakeError(400, 'queryResultTooLargeError', `Query result is larger than the lake's limit of ${maxResultBytes} bytes. Project fewer fields or page with slices such as [0...100].`)
}

/**
 * Refuses a parsed query whose tree is deeper than `maxTreeDepth`. Walks with an explicit stack:
 * a recursive walk would overflow on exactly the trees it is meant to refuse.
 */
export function checkTreeDepth(tree: unknown, maxTreeDepth: number, query: string): void {
  const stack: { node: unknown; depth: number }[] = [{ node: tree, depth: 0 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number }
    if (depth > maxTreeDepth) {
      throw shapeError(`Query expression is nested more than ${maxTreeDepth} levels deep`, 0, query)
    }
    if (Array.isArray(node)) for (const child of node) stack.push({ node: child, depth })
    else if (node && typeof node === 'object') for (const value of Object.values(node)) if (value && typeof value === 'object') stack.push({ node: value, depth: depth + 1 })
  }
}
