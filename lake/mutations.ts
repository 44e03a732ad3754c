/**
 * Sanity's Mutation API semantics over a WriteTransaction.
 *
 * create / createOrReplace / createIfNotExists / delete (by id or query) / patch (by id or
 * query). Patch operations are applied by `@sanity/mutator` — the same engine the Studio uses for
 * its optimistic local copy — so the lake and the Studio agree on what a patch does.
 */
import { Mutation } from '@sanity/mutator'
import { ConflictError, mutationError } from './errors'
import { parseQuery, runQuery } from './groq'
import type { QueryParams } from './groq'
import { isValidDocumentId, randomId, resolveNewDocumentId } from './ids'
import type { Doc } from './types'
import type { WriteTransaction } from './write'

export type MutationResult = { id: string; operation: 'create' | 'update' | 'delete' | 'none' }

export type MutateOptions = {
  identity: string
  /** Adds a `_key` to array items (objects) that lack one, as Sanity's autoGenerateArrayKeys does. */
  autoGenerateArrayKeys?: boolean
}

const PATCH_OPERATIONS = ['set', 'setIfMissing', 'unset', 'inc', 'dec', 'insert', 'diffMatchPatch'] as const
const MUTATION_KINDS = ['create', 'createOrReplace', 'createIfNotExists', 'delete', 'patch'] as const

type Failure = { status: number; type: string; description: string; id?: string }

class MutationFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.description)
  }
}

const fail = (type: string, description: string, id?: string, status = 400): never => {
  throw new MutationFailure({ status, type, description, id })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Applies `mutations` in order. Returns one result per affected document (Sanity's `results`)
 * and the mutations as they will be logged (generated ids filled in). Any failure throws a
 * Sanity-shaped mutationError naming the index of the failing mutation.
 */
export async function applyMutations(tx: WriteTransaction, mutations: unknown, options: MutateOptions): Promise<{ results: MutationResult[]; logged: unknown[] }> {
  if (!Array.isArray(mutations)) {
    throw mutationError(400, { index: 0, error: { type: 'validationError', description: 'Body must contain a "mutations" array' } })
  }
  const results: MutationResult[] = []
  const logged: unknown[] = []
  for (const [index, mutation] of mutations.entries()) {
    try {
      logged.push(await applyOne(tx, mutation, results, options))
    } catch (error) {
      if (error instanceof MutationFailure) {
        const { status, type, description, id } = error.failure
        throw mutationError(status, { index, error: { type, description, ...(id ? { id } : {}) } })
      }
      if (error instanceof ConflictError) {
        throw mutationError(error.status, { index, error: { type: error.type, description: error.message, ...(error.id ? { id: error.id } : {}) } })
      }
      throw error
    }
  }
  return { results, logged }
}

async function applyOne(tx: WriteTransaction, mutation: unknown, results: MutationResult[], options: MutateOptions): Promise<unknown> {
  if (!isRecord(mutation)) return fail('validationError', 'Each mutation must be an object')
  const kinds = Object.keys(mutation).filter((key) => (MUTATION_KINDS as readonly string[]).includes(key))
  if (kinds.length !== 1 || Object.keys(mutation).length !== 1) {
    return fail('validationError', `A mutation must have exactly one of ${MUTATION_KINDS.join(', ')}`)
  }
  const kind = kinds[0] as (typeof MUTATION_KINDS)[number]
  const body = mutation[kind]
  if (!isRecord(body)) return fail('validationError', `"${kind}" must be an object`)

  switch (kind) {
    case 'create':
    case 'createOrReplace':
    case 'createIfNotExists': {
      const doc = prepareDocument(kind, body, options)
      const existing = tx.get(doc._id)
      if (kind === 'create' && existing) {
        return fail('documentAlreadyExistsError', `Document by ID "${doc._id}" already exists`, doc._id, 409)
      }
      if (kind === 'createIfNotExists' && existing) {
        results.push({ id: doc._id, operation: 'none' })
        return { [kind]: doc }
      }
      tx.put(doc, { [kind]: doc })
      results.push({ id: doc._id, operation: existing ? 'update' : 'create' })
      return { [kind]: doc }
    }
    case 'delete': {
      const ids = await targetIds(tx, body, 'delete')
      for (const id of ids) {
        tx.remove(id, { delete: { id } })
        results.push({ id, operation: 'delete' })
      }
      return { delete: body }
    }
    case 'patch': {
      checkPatchShape(body)
      const ids = await targetIds(tx, body, 'patch')
      const operations: Record<string, unknown> = {}
      for (const op of PATCH_OPERATIONS) if (body[op] !== undefined) operations[op] = body[op]
      for (const id of ids) {
        const current = tx.get(id)
        if (!current) return fail('documentNotFoundError', `Cannot modify nonexistent document "${id}"`, id, 409)
        if (body.ifRevisionID !== undefined && body.ifRevisionID !== current._rev) {
          // Sanity's wording for a failed optimistic-lock check, as far as it is documented.
          return fail('conflictError', `Document "${id}" has unexpected revision ID ("${String(current._rev)}"), expected "${String(body.ifRevisionID)}"`, id, 409)
        }
        const patch = { ...operations, id }
        const next = applyPatch(current, patch)
        if (next._id !== id) return fail('validationError', `A patch cannot change _id of "${id}"`, id)
        if (typeof next._type !== 'string' || next._type === '') return fail('validationError', `A patch cannot remove _type of "${id}"`, id)
        tx.put(options.autoGenerateArrayKeys ? withArrayKeys(next) : next, { patch })
        results.push({ id, operation: 'update' })
      }
      return { patch: body }
    }
  }
}

const PATCH_KEYS = new Set<string>(['id', 'query', 'params', 'ifRevisionID', ...PATCH_OPERATIONS])

/**
 * Refuses a patch @sanity/mutator would silently half-apply or ignore (an unknown operation, a
 * non-numeric `inc`, `insert` without an items array), so a typo is a 400 instead of an "update"
 * that changed nothing but the revision.
 */
function checkPatchShape(body: Record<string, unknown>): void {
  const unknown = Object.keys(body).filter((key) => !PATCH_KEYS.has(key))
  if (unknown.length > 0) {
    fail('validationError', `Unknown patch operation ${unknown.map((key) => `"${key}"`).join(', ')}: use ${PATCH_OPERATIONS.join(', ')}`)
  }
  for (const op of ['set', 'setIfMissing', 'inc', 'dec', 'diffMatchPatch'] as const) {
    if (body[op] !== undefined && !isRecord(body[op])) fail('validationError', `"${op}" must be an object of path: value`)
  }
  for (const op of ['inc', 'dec'] as const) {
    const values = body[op]
    if (isRecord(values) && Object.values(values).some((value) => typeof value !== 'number' || !Number.isFinite(value))) {
      fail('validationError', `"${op}" values must be numbers`)
    }
  }
  if (isRecord(body.diffMatchPatch) && Object.values(body.diffMatchPatch).some((value) => typeof value !== 'string')) {
    fail('validationError', '"diffMatchPatch" values must be patch strings')
  }
  if (body.unset !== undefined && (!Array.isArray(body.unset) || body.unset.some((path) => typeof path !== 'string'))) {
    fail('validationError', '"unset" must be an array of paths')
  }
  if (body.insert !== undefined) {
    const insert = body.insert
    const positions = isRecord(insert) ? ['before', 'after', 'replace'].filter((key) => typeof insert[key] === 'string') : []
    if (!isRecord(insert) || positions.length !== 1 || !Array.isArray(insert.items)) {
      fail('validationError', '"insert" needs exactly one of before, after or replace (a path) and an "items" array')
    }
  }
}

function prepareDocument(kind: string, body: Record<string, unknown>, options: MutateOptions): Doc {
  // Only create may generate an id: createOrReplace/createIfNotExists name the document they mean.
  const id = kind === 'create' ? resolveNewDocumentId(body._id) : body._id
  if (!isValidDocumentId(id)) {
    return fail('validationError', `"${kind}" needs a valid _id (letters, digits, "_", "-", "." up to 128 characters), got ${JSON.stringify(body._id)}`)
  }
  if (typeof body._type !== 'string' || body._type.trim() === '') {
    return fail('validationError', `Document "${id}" must have a _type`, id)
  }
  // Deep copy: the stored document must not share structure with the caller's request object.
  const doc = structuredClone({ ...body, _id: id }) as Doc
  return options.autoGenerateArrayKeys ? withArrayKeys(doc) : doc
}

async function targetIds(tx: WriteTransaction, body: Record<string, unknown>, kind: string): Promise<string[]> {
  if (typeof body.id === 'string') {
    if (!isValidDocumentId(body.id)) return fail('validationError', `Invalid document id ${JSON.stringify(body.id)}`)
    return [body.id]
  }
  if (typeof body.query === 'string') {
    const params = isRecord(body.params) ? (body.params as QueryParams) : {}
    const tree = parseQuery(body.query, params)
    const result = await runQuery(tree, tx.documents(), params, { dataset: tx.dataset, identity: 'lake' })
    const list = Array.isArray(result) ? result : result === null || result === undefined ? [] : [result]
    const ids: string[] = []
    for (const item of list) {
      if (!isRecord(item) || typeof item._id !== 'string') {
        return fail('validationError', `The ${kind} query must return documents (objects with an _id)`)
      }
      if (!ids.includes(item._id)) ids.push(item._id)
    }
    return ids
  }
  return fail('validationError', `"${kind}" needs an "id" or a "query"`)
}

function applyPatch(doc: Doc, patch: Record<string, unknown>): Doc {
  try {
    const result = new Mutation({ mutations: [{ patch }] as never }).apply(doc) as Doc | null
    if (!result) return fail('validationError', `Patch removed document "${doc._id}"`, doc._id)
    return result
  } catch (error) {
    if (error instanceof MutationFailure) throw error
    return fail('invalidPatchError', `Invalid patch for "${doc._id}": ${error instanceof Error ? error.message : String(error)}`, doc._id)
  }
}

/** Returns a copy of `value` in which every object inside an array has a `_key`. */
export function withArrayKeys<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item) => {
      const next = withArrayKeys(item)
      return isRecord(next) && typeof next._key !== 'string' ? { _key: randomId(12), ...next } : next
    }) as T
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) out[key] = withArrayKeys(child)
    return out as T
  }
  return value
}
