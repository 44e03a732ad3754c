/**
 * The document store: SQLite is the truth, memory holds a parsed copy per dataset.
 *
 * GROQ is evaluated by groq-js over arrays of plain objects, so every query needs the documents
 * parsed. Parsing 100k JSON rows per request would dominate query time, so each dataset is
 * loaded once and kept in step with every commit this process makes. Other processes (the CLI
 * importing while a server runs, tests creating tokens) are noticed through SQLite's
 * `data_version`, which changes whenever another connection commits: the caches are then dropped
 * and reloaded on next use.
 *
 * Documents held here are never mutated in place; writers build new objects. That lets query
 * results, listener events and derived views share them safely.
 */
import type { Db } from './db'
import { openDatabase } from './db'
import { ConflictError } from './errors'
import { VERSIONS_PREFIX } from './ids'
import type { CommittedTransaction, Doc } from './types'

type DatasetCache = {
  docs: Map<string, Doc>
  list: Doc[] | null
  /** Values derived from the documents (perspective views), dropped on every change. */
  memo: Map<string, unknown>
}

export type TransactionRecord = {
  seq: number
  id: string
  timestamp: string
  author: string
  mutations: unknown[] | null
  documents: { id: string; previousRev: string | null; before: Doc | null; after: Doc | null }[]
}

export type HistoryRange = {
  fromTransaction?: string
  toTransaction?: string
  fromTime?: string
  toTime?: string
  authors?: string[]
  reverse?: boolean
  limit?: number
}

/**
 * What changed in the store, for copies of the documents kept elsewhere (the query workers,
 * lake/query-pool.ts): a commit of this process with each document's new state, or `reset` when
 * another process committed and every copy must be reloaded from SQLite.
 */
export type StoreChange = { kind: 'commit'; dataset: string; changes: { id: string; after: Doc | null }[] } | { kind: 'reset' }

type TxRow = { seq: number; id: string; timestamp: string; author: string; mutations: string | null }
type TxDocRow = { seq: number; document_id: string; previous_rev: string | null; result: string | null }

export class Store {
  readonly db: Db
  private caches = new Map<string, DatasetCache>()
  private dataVersion: number
  private writeQueue: Promise<unknown> = Promise.resolve()
  private readonly stmt
  private readonly changeListeners = new Set<(change: StoreChange) => void>()

  constructor(dir: string) {
    this.db = openDatabase(dir)
    this.dataVersion = this.readDataVersion()
    const db = this.db
    this.stmt = {
      loadDataset: db.prepare('SELECT json FROM documents WHERE dataset = ?'),
      currentRev: db.prepare('SELECT rev FROM documents WHERE dataset = ? AND id = ?'),
      upsertDoc: db.prepare(
        `INSERT INTO documents (dataset, id, type, rev, created_at, updated_at, json) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (dataset, id) DO UPDATE SET type = excluded.type, rev = excluded.rev,
           created_at = excluded.created_at, updated_at = excluded.updated_at, json = excluded.json`,
      ),
      deleteDoc: db.prepare('DELETE FROM documents WHERE dataset = ? AND id = ?'),
      insertTx: db.prepare('INSERT INTO transactions (dataset, id, timestamp, author, mutations) VALUES (?, ?, ?, ?, ?)'),
      insertTxDoc: db.prepare('INSERT INTO transaction_documents (seq, dataset, document_id, previous_rev, result) VALUES (?, ?, ?, ?, ?)'),
      txSeqById: db.prepare('SELECT seq FROM transactions WHERE dataset = ? AND id = ?'),
      txDocs: db.prepare('SELECT seq, document_id, previous_rev, result FROM transaction_documents WHERE seq = ?'),
      previousResult: db.prepare('SELECT result FROM transaction_documents WHERE dataset = ? AND document_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1'),
      resultAtSeq: db.prepare('SELECT result FROM transaction_documents WHERE dataset = ? AND document_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1'),
      lastExisting: db.prepare('SELECT result FROM transaction_documents WHERE dataset = ? AND document_id = ? AND result IS NOT NULL ORDER BY seq DESC LIMIT 1'),
      lastSeqAtTime: db.prepare('SELECT MAX(seq) AS seq FROM transactions WHERE dataset = ? AND timestamp <= ?'),
      txsForIdOrPrefix: db.prepare(
        `SELECT t.seq, t.id, t.timestamp, t.author, t.mutations FROM transactions t WHERE t.seq IN (
           SELECT seq FROM transaction_documents WHERE dataset = ? AND document_id = ?
           UNION SELECT seq FROM transaction_documents WHERE dataset = ? AND document_id GLOB ?
         ) AND t.seq < ? ORDER BY t.seq DESC LIMIT ?`,
      ),
      txsAfter: db.prepare('SELECT seq, id, timestamp, author, mutations FROM transactions WHERE dataset = ? AND seq > ? ORDER BY seq'),
      txDocsAfter: db.prepare('SELECT COUNT(*) AS n FROM (SELECT 1 FROM transaction_documents WHERE seq > ? AND dataset = ? LIMIT ?)'),
      lastTx: db.prepare('SELECT id FROM transactions WHERE dataset = ? ORDER BY seq DESC LIMIT 1'),
      datasets: db.prepare('SELECT DISTINCT dataset FROM documents ORDER BY dataset'),
      count: db.prepare('SELECT COUNT(*) AS n FROM documents WHERE dataset = ?'),
    }
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  /** Calls `listener` after every commit of this process and whenever another process's is noticed. */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  private emit(change: StoreChange): void {
    for (const listener of this.changeListeners) listener(change)
  }

  /**
   * All documents of a dataset (raw: drafts, versions and system documents included), in `_id`
   * order: hosted Sanity hands `*[...]` results without `order()` in `_id` order, and groq-js
   * keeps the order of the array it is given.
   */
  documents(dataset: string): readonly Doc[] {
    const cache = this.cache(dataset)
    cache.list ??= [...cache.docs.values()].sort(byId)
    return cache.list
  }

  get(dataset: string, id: string): Doc | undefined {
    return this.cache(dataset).docs.get(id)
  }

  /**
   * The release versions of a document (`versions.<release>.<baseId>`), in _id order: the
   * contiguous `versions.` run of the sorted list, scanned (a dataset holds few versions).
   */
  versionsOf(dataset: string, baseId: string): Doc[] {
    const docs = this.documents(dataset)
    const suffix = `.${baseId}`
    const found: Doc[] = []
    for (let i = lowerBound(docs, VERSIONS_PREFIX); i < docs.length && (docs[i] as Doc)._id.startsWith(VERSIONS_PREFIX); i++) {
      const doc = docs[i] as Doc
      // versions.<release>.<baseId>: a release id has no dot, so the rest after it is the base id.
      const rest = doc._id.slice(VERSIONS_PREFIX.length)
      if (rest.endsWith(suffix) && rest.indexOf('.') === rest.length - suffix.length) found.push(doc)
    }
    return found
  }

  count(dataset: string): number {
    return (this.stmt.count.get(dataset) as { n: number }).n
  }

  datasetNames(): string[] {
    return (this.stmt.datasets.all() as { dataset: string }[]).map((row) => row.dataset)
  }

  /**
   * A value derived from a dataset's documents, computed once per state of the dataset.
   * The perspective module keeps its published/drafts views here.
   */
  memo<T>(dataset: string, key: string, compute: (docs: readonly Doc[]) => T): T {
    const cache = this.cache(dataset)
    if (cache.memo.has(key)) return cache.memo.get(key) as T
    const value = compute(this.documents(dataset))
    cache.memo.set(key, value)
    return value
  }

  /**
   * Runs writers one at a time. A write reads current documents, evaluates GROQ (async in
   * groq-js) and then commits synchronously; queueing keeps two writers from computing against
   * the same state and overwriting each other.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.writeQueue.then(task, task)
    this.writeQueue = run.catch(() => undefined)
    return run
  }

  hasTransaction(dataset: string, id: string): boolean {
    return this.stmt.txSeqById.get(dataset, id) !== undefined
  }

  /**
   * Writes a transaction and its documents in one SQLite transaction: either everything lands
   * or nothing does. Each change's `before._rev` is checked against the row on disk, so a write
   * computed from a state another process has since changed fails with 409 instead of
   * overwriting it. Returns only after COMMIT (synchronous = FULL, see db.ts).
   */
  commit(tx: CommittedTransaction, mutations: unknown[] | null): void {
    const { dataset } = tx
    const write = this.db.transaction(() => {
      for (const change of tx.changes) {
        const row = this.stmt.currentRev.get(dataset, change.id) as { rev: string } | undefined
        if ((row?.rev ?? null) !== (change.before?._rev ?? null)) {
          throw new ConflictError('conflict', `Document "${change.id}" was changed by another writer; retry`, change.id)
        }
      }
      const info = this.stmt.insertTx.run(dataset, tx.id, tx.timestamp, tx.author, mutations ? JSON.stringify(mutations) : null)
      const seq = Number(info.lastInsertRowid)
      for (const change of tx.changes) {
        const after = change.after
        const json = after ? JSON.stringify(after) : null
        if (after && json) {
          this.stmt.upsertDoc.run(dataset, after._id, after._type, after._rev ?? tx.id, after._createdAt ?? tx.timestamp, after._updatedAt ?? tx.timestamp, json)
        } else {
          this.stmt.deleteDoc.run(dataset, change.id)
        }
        this.stmt.insertTxDoc.run(seq, dataset, change.id, change.before?._rev ?? null, json)
      }
    })
    this.refreshIfChangedElsewhere()
    write()
    // Our own commit bumps nothing in data_version for this connection, but re-read it anyway so
    // a commit by another process that raced ours is not mistaken for ours.
    this.dataVersion = this.readDataVersion()
    const cache = this.caches.get(dataset)
    if (cache) {
      for (const change of tx.changes) {
        if (change.after) cache.docs.set(change.id, change.after)
        else cache.docs.delete(change.id)
      }
      // A new array (views and their indexes are keyed by the array itself), kept in _id order by
      // placing each change instead of sorting everything again.
      cache.list = cache.list && tx.changes.length < 1000 ? withChanges(cache.list, tx.changes) : null
      cache.memo.clear()
    }
    this.emit({ kind: 'commit', dataset, changes: tx.changes.map((change) => ({ id: change.id, after: change.after })) })
  }

  /**
   * Deletes a dataset: its documents and its transaction log, in one SQLite transaction. Call
   * inside `exclusive` so no write is computed against the dataset meanwhile.
   */
  dropDataset(dataset: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM transaction_documents WHERE dataset = ?').run(dataset)
      this.db.prepare('DELETE FROM transactions WHERE dataset = ?').run(dataset)
      this.db.prepare('DELETE FROM documents WHERE dataset = ?').run(dataset)
    })()
    this.dataVersion = this.readDataVersion()
    this.caches.delete(dataset)
  }

  /** Transactions touching any of `documentIds`, oldest first unless `reverse`. */
  transactionsForDocuments(dataset: string, documentIds: string[], range: HistoryRange = {}): TransactionRecord[] {
    const where = ['t.dataset = ?', `d.document_id IN (${documentIds.map(() => '?').join(', ')})`]
    const args: unknown[] = [dataset, ...documentIds]
    const seqOf = (id: string) => {
      const row = this.stmt.txSeqById.get(dataset, id) as { seq: number } | undefined
      return row?.seq
    }
    if (range.fromTransaction) {
      where.push('t.seq >= ?')
      args.push(seqOf(range.fromTransaction) ?? Number.MAX_SAFE_INTEGER)
    }
    if (range.toTransaction) {
      where.push('t.seq <= ?')
      args.push(seqOf(range.toTransaction) ?? -1)
    }
    if (range.fromTime) {
      where.push('t.timestamp >= ?')
      args.push(range.fromTime)
    }
    if (range.toTime) {
      where.push('t.timestamp <= ?')
      args.push(range.toTime)
    }
    if (range.authors?.length) {
      where.push(`t.author IN (${range.authors.map(() => '?').join(', ')})`)
      args.push(...range.authors)
    }
    const limit = range.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(range.limit))}` : ''
    const rows = this.db
      .prepare(
        `SELECT DISTINCT t.seq, t.id, t.timestamp, t.author, t.mutations FROM transactions t
         JOIN transaction_documents d ON d.seq = t.seq
         WHERE ${where.join(' AND ')} ORDER BY t.seq ${range.reverse ? 'DESC' : 'ASC'} ${limit}`,
      )
      .all(...args) as TxRow[]
    return rows.map((row) => this.readTransaction(dataset, row))
  }

  /**
   * The transactions committed after transaction `id`, oldest first (a live events stream resuming
   * from its last event id). `unknown` when `id` is not in this dataset's log; `too-many` when they
   * changed more than `maxDocuments` documents, so a resume cannot make the lake read and parse
   * an unbounded part of the log.
   */
  transactionsAfter(dataset: string, id: string, maxDocuments: number): TransactionRecord[] | 'unknown' | 'too-many' {
    const row = this.stmt.txSeqById.get(dataset, id) as { seq: number } | undefined
    if (!row) return 'unknown'
    const { n } = this.stmt.txDocsAfter.get(row.seq, dataset, maxDocuments + 1) as { n: number }
    if (n > maxDocuments) return 'too-many'
    return (this.stmt.txsAfter.all(dataset, row.seq) as TxRow[]).map((tx) => this.readTransaction(dataset, tx))
  }

  /**
   * The transactions that touched document `id` or any document whose id starts with `prefix`,
   * newest first, below sequence number `beforeSeq` when given, at most `limit` of them. `prefix`
   * is matched with GLOB (it uses the document index); it must hold no GLOB metacharacters.
   */
  transactionsForIdOrPrefix(dataset: string, id: string, prefix: string, options: { beforeSeq?: number; limit: number }): TransactionRecord[] {
    if (/[*?[\]]/.test(prefix)) throw new Error(`GLOB metacharacter in prefix ${JSON.stringify(prefix)}`)
    const rows = this.stmt.txsForIdOrPrefix.all(dataset, id, dataset, `${prefix}*`, options.beforeSeq ?? Number.MAX_SAFE_INTEGER, Math.max(0, Math.floor(options.limit))) as TxRow[]
    return rows.map((row) => this.readTransaction(dataset, row))
  }

  /** The id of the dataset's latest transaction, if it has any. */
  lastTransactionId(dataset: string): string | undefined {
    return (this.stmt.lastTx.get(dataset) as { id: string } | undefined)?.id
  }

  private readTransaction(dataset: string, row: TxRow): TransactionRecord {
    const docs = this.stmt.txDocs.all(row.seq) as TxDocRow[]
    return {
      seq: row.seq,
      id: row.id,
      timestamp: row.timestamp,
      author: row.author,
      mutations: row.mutations ? (JSON.parse(row.mutations) as unknown[]) : null,
      documents: docs.map((doc) => {
        const previous = this.stmt.previousResult.get(dataset, doc.document_id, row.seq) as { result: string | null } | undefined
        return {
          id: doc.document_id,
          previousRev: doc.previous_rev,
          before: previous?.result ? (JSON.parse(previous.result) as Doc) : null,
          after: doc.result ? (JSON.parse(doc.result) as Doc) : null,
        }
      }),
    }
  }

  /**
   * A document as it was right after transaction `revision`, or at `time` (ISO). Undefined when
   * the revision is unknown; null when the document did not exist at that point.
   */
  documentAt(dataset: string, id: string, at: { revision: string } | { time: string }): Doc | null | undefined {
    let seq: number | undefined
    if ('revision' in at) {
      seq = (this.stmt.txSeqById.get(dataset, at.revision) as { seq: number } | undefined)?.seq
      if (seq === undefined) return undefined
    } else {
      seq = (this.stmt.lastSeqAtTime.get(dataset, at.time) as { seq: number | null }).seq ?? undefined
      if (seq === undefined) return null
    }
    const row = this.stmt.resultAtSeq.get(dataset, id, seq) as { result: string | null } | undefined
    return row?.result ? (JSON.parse(row.result) as Doc) : null
  }

  /**
   * Copies the WAL into the database file and truncates it. Called after bulk imports: otherwise
   * the first ordinary write after a 100k-document import pays for checkpointing it.
   */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  /** The last version of a document that existed (what a deleted document looked like). */
  lastExistingVersion(dataset: string, id: string): Doc | null {
    const row = this.stmt.lastExisting.get(dataset, id) as { result: string } | undefined
    return row ? (JSON.parse(row.result) as Doc) : null
  }

  private cache(dataset: string): DatasetCache {
    this.refreshIfChangedElsewhere()
    let cache = this.caches.get(dataset)
    if (!cache) {
      const docs = new Map<string, Doc>()
      for (const row of this.stmt.loadDataset.iterate(dataset) as IterableIterator<{ json: string }>) {
        const doc = JSON.parse(row.json) as Doc
        docs.set(doc._id, doc)
      }
      cache = { docs, list: null, memo: new Map() }
      this.caches.set(dataset, cache)
    }
    return cache
  }

  /** Drops the parsed copies when another process has committed since we last looked. */
  refreshIfChangedElsewhere(): void {
    const version = this.readDataVersion()
    if (version !== this.dataVersion) {
      this.dataVersion = version
      this.caches.clear()
      this.emit({ kind: 'reset' })
    }
  }

  private readDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number
  }
}

/** Orders documents by `_id` as SQLite's BINARY collation and Sanity do (ids are ASCII). */
export function byId(a: Doc, b: Doc): number {
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0
}

/** Index of the first document in `list` (sorted by _id) whose _id is not below `id`. */
export function lowerBound(list: readonly Doc[], id: string): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((list[middle] as Doc)._id < id) low = middle + 1
    else high = middle
  }
  return low
}

/** A copy of the sorted `list` with each change's document put in, replaced or taken out. */
function withChanges(list: readonly Doc[], changes: readonly { id: string; after: Doc | null }[]): Doc[] {
  const out = list.slice()
  for (const change of changes) {
    const index = lowerBound(out, change.id)
    const present = out[index]?._id === change.id
    if (change.after) out.splice(index, present ? 1 : 0, change.after)
    else if (present) out.splice(index, 1)
  }
  return out
}
