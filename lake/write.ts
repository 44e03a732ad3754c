/**
 * The write engine shared by the Mutation API, the Actions API and imports.
 *
 * A write runs in two phases. First the caller's mutations or actions are applied to an in-memory
 * overlay of the dataset (GROQ-selected targets need groq-js, which is async, so this cannot run
 * inside a synchronous better-sqlite3 transaction). Then every changed document and the log entry
 * are written in one SQLite transaction. Writers are queued (Store.exclusive), so the overlay is
 * always computed against the state it commits onto; a failure anywhere in phase one throws
 * before anything is written, which makes each request all-or-nothing.
 *
 * Listener events are published only after the SQLite COMMIT returned.
 */
import { checkAttributeNames } from './attribute-names'
import type { Clock } from './clock'
import { LakeError } from './errors'
import { checkReferencesExist, checkStrongReferences } from './integrity'
import type { ListenHub } from './listen'
import { documentTimestamp, randomId } from './ids'
import { checkReleaseLocks } from './releases'
import { byId, lowerBound, type Store } from './store'
import type { CommittedTransaction, Doc, DocumentChange } from './types'

export class WriteTransaction {
  private readonly overlay = new Map<string, Doc | null>()
  private readonly order: string[] = []
  private readonly perDocument = new Map<string, unknown[]>()
  /** Document timestamps (`_createdAt`/`_updatedAt`) use whole seconds, like Sanity's. */
  readonly documentTime: string

  constructor(
    private readonly store: Store,
    readonly dataset: string,
    readonly id: string,
    readonly time: Date,
  ) {
    this.documentTime = documentTimestamp(time)
  }

  get(id: string): Doc | null {
    if (this.overlay.has(id)) return this.overlay.get(id) ?? null
    return this.store.get(this.dataset, id) ?? null
  }

  /**
   * The documents whose _id starts with `prefix`, as this transaction sees them, in _id order: one
   * range of the dataset's sorted list plus the overlay, so a release action costs what its
   * release holds, not what the dataset holds.
   */
  withIdPrefix(prefix: string): Doc[] {
    const docs = this.store.documents(this.dataset)
    const found = new Map<string, Doc>()
    for (let i = lowerBound(docs, prefix); i < docs.length && (docs[i] as Doc)._id.startsWith(prefix); i++) {
      const doc = docs[i] as Doc
      if (!this.overlay.has(doc._id)) found.set(doc._id, doc)
    }
    for (const [id, doc] of this.overlay) if (doc && id.startsWith(prefix)) found.set(id, doc)
    return [...found.values()].sort(byId)
  }

  /** The last stored version of a document that has since been deleted, from the transaction log. */
  lastExistingVersion(id: string): Doc | null {
    return this.store.lastExistingVersion(this.dataset, id)
  }

  /** The dataset as this transaction currently sees it (for GROQ-selected mutation targets). */
  documents(): Doc[] {
    const out: Doc[] = []
    for (const doc of this.store.documents(this.dataset)) {
      if (!this.overlay.has(doc._id)) out.push(doc)
    }
    for (const doc of this.overlay.values()) if (doc) out.push(doc)
    return out
  }

  /**
   * Stores `doc` and stamps the system fields: `_rev` is the transaction id (the Studio matches a
   * listener event's previousRev against the `_rev` it holds), `_updatedAt` is now, and
   * `_createdAt` is kept from the caller, else from the existing document, else now.
   */
  put(doc: Doc, mutation?: unknown, options: { keepUpdatedAt?: boolean } = {}): Doc {
    const existing = this.get(doc._id)
    const createdAt = typeof doc._createdAt === 'string' && doc._createdAt !== '' ? doc._createdAt : (existing?._createdAt ?? this.documentTime)
    // Imports keep the file's _updatedAt so that an export → import round trip is lossless.
    const updatedAt = options.keepUpdatedAt && typeof doc._updatedAt === 'string' && doc._updatedAt !== '' ? doc._updatedAt : this.documentTime
    const stored: Doc = { ...doc, _createdAt: createdAt, _updatedAt: updatedAt, _rev: this.id }
    // Without an explicit mutation (actions), the change is described as a createOrReplace of
    // the result, which any consumer (@sanity/mutator included) can apply on its own.
    this.track(doc._id, mutation ?? { createOrReplace: stored })
    this.overlay.set(doc._id, stored)
    return stored
  }

  remove(id: string, mutation?: unknown): void {
    this.track(id, mutation ?? { delete: { id } })
    this.overlay.set(id, null)
  }

  private track(id: string, mutation: unknown): void {
    if (!this.overlay.has(id)) this.order.push(id)
    const list = this.perDocument.get(id) ?? []
    list.push(mutation)
    this.perDocument.set(id, list)
  }

  /** What the transaction changed, in the order documents were first touched. */
  changes(): DocumentChange[] {
    const out: DocumentChange[] = []
    for (const id of this.order) {
      const before = this.store.get(this.dataset, id) ?? null
      const after = this.overlay.get(id) ?? null
      // Deleting a document that never existed changes nothing and is not logged.
      if (!before && !after) continue
      out.push({ id, before, after, mutations: this.perDocument.get(id) ?? [] })
    }
    return out
  }
}

export type WriteOptions = {
  dataset: string
  author: string
  transactionId?: string
  dryRun?: boolean
  /**
   * Runs after `build`, inside the writer queue, before anything is committed: may refuse the
   * whole transaction by throwing, or add writes of its own (the plugins' write guards,
   * lake/plugin.ts, run here).
   */
  afterBuild?: (tx: WriteTransaction) => void
}

/** `clock` gives transactions their time (lake/clock.ts); the system clock when absent. */
export type WriteContext = { store: Store; hub: ListenHub; clock?: Clock }

const TRANSACTION_ID = /^[A-Za-z0-9._-]{1,200}$/

/**
 * Runs `build` against a fresh WriteTransaction and commits what it changed. `logMutations`
 * picks what the transaction log records as the transaction's mutations (the request's own
 * mutations for /mutate, the per-document effects for actions and imports).
 */
export async function runWrite<T>(
  context: WriteContext,
  options: WriteOptions,
  build: (tx: WriteTransaction) => Promise<T> | T,
  logMutations: (value: T, changes: DocumentChange[]) => unknown[] | null,
): Promise<{ transaction: CommittedTransaction; value: T; tx: WriteTransaction }> {
  const { store, hub } = context
  if (options.transactionId !== undefined && !TRANSACTION_ID.test(options.transactionId)) {
    throw new LakeError(400, 'validationError', 'transactionId must be 1–200 letters, digits, ".", "_" or "-"')
  }
  return store.exclusive(async () => {
    const id = options.transactionId ?? randomId()
    if (store.hasTransaction(options.dataset, id)) {
      throw new LakeError(409, 'conflictError', `Transaction ID "${id}" has already been used in dataset "${options.dataset}"`)
    }
    const tx = new WriteTransaction(store, options.dataset, id, new Date(context.clock?.now() ?? Date.now()))
    const value = await build(tx)
    options.afterBuild?.(tx)
    const changes = tx.changes()
    checkAttributeNames(changes)
    try {
      checkReferencesExist(changes, (id) => tx.get(id) !== null)
      checkStrongReferences(changes, () => tx.documents())
      checkReleaseLocks(changes, (id) => store.get(options.dataset, id) ?? null)
    } catch (error) {
      if (error instanceof Error && error.name === 'ConflictError') throw new LakeError(409, 'conflictError', error.message)
      throw error
    }
    const transaction: CommittedTransaction = {
      dataset: options.dataset,
      id,
      timestamp: tx.time.toISOString(),
      author: options.author,
      changes,
    }
    // A transaction that changed nothing (e.g. createIfNotExists on an existing document) still
    // gets an id in the response, but there is nothing to log or announce.
    if (!options.dryRun && changes.length > 0) {
      try {
        store.commit(transaction, logMutations(value, changes))
      } catch (error) {
        if (error instanceof Error && error.name === 'ConflictError') {
          throw new LakeError(409, 'conflictError', error.message)
        }
        throw error
      }
      hub.publish(transaction)
    }
    return { transaction, value, tx }
  })
}

/** A document's effects written as mutations: what actions and imports record in the log. */
export function changesAsMutations(changes: DocumentChange[]): unknown[] {
  return changes.map((change) => (change.after ? { createOrReplace: change.after } : { delete: { id: change.id } }))
}
