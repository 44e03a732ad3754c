/**
 * A query worker thread: keeps its own parsed copy of the datasets it is asked about and
 * evaluates jobs (lake/query-job.ts) over it, one at a time.
 *
 * The copy is loaded from SQLite (a read-only connection of its own) the first time a dataset is
 * asked for, then kept in step with the messages the pool forwards from the Store (every commit's
 * new document states, or `reset` after another process's commit). Messages arrive in the order
 * they were sent, so a job always sees at least the state the main thread had when it sent it.
 * A load that already contains a commit whose message comes later is harmless: applying a
 * document's new state twice leaves the same state.
 *
 * Views (perspectives) are memoized per dataset state exactly as the Store does, and the indexes
 * of lake/index-view.ts are keyed by those views, so query planning works here unchanged.
 */
import { setPriority } from 'node:os'
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { LakeError } from './errors'
import type { Job, JobResult } from './query-job'
import { runJob } from './query-job'
import type { ViewSource } from './perspective'
import { byId, type StoreChange } from './store'
import type { Doc } from './types'

export type WorkerData = { entry: string; dir: string; preload: string[]; nice: number }

export type ToWorker = { type: 'change'; change: StoreChange } | { type: 'job'; id: number; job: Job }

export type FromWorker = { type: 'ready' } | { type: 'done'; id: number; result: JobResult } | { type: 'failed'; id: number; message: string }

type DatasetCopy = { docs: Map<string, Doc>; list: Doc[] | null; memo: Map<string, unknown> }

class DocumentCopy implements ViewSource {
  private readonly datasets = new Map<string, DatasetCopy>()
  private readonly load

  constructor(dir: string) {
    const db = new Database(path.join(dir, 'lake.db'), { readonly: true, fileMustExist: true })
    this.load = db.prepare('SELECT json FROM documents WHERE dataset = ?')
  }

  memo<T>(dataset: string, key: string, compute: (docs: readonly Doc[]) => T): T {
    const copy = this.copy(dataset)
    if (copy.memo.has(key)) return copy.memo.get(key) as T
    // In _id order, as the Store hands them (and hosted Sanity returns results without order()).
    copy.list ??= [...copy.docs.values()].sort(byId)
    const value = compute(copy.list)
    copy.memo.set(key, value)
    return value
  }

  apply(change: StoreChange): void {
    if (change.kind === 'reset') {
      this.datasets.clear()
      return
    }
    const copy = this.datasets.get(change.dataset)
    // Not loaded yet: the load will read the committed state from SQLite.
    if (!copy) return
    for (const { id, after } of change.changes) {
      if (after) copy.docs.set(id, after)
      else copy.docs.delete(id)
    }
    copy.list = null
    copy.memo.clear()
  }

  copy(dataset: string): DatasetCopy {
    let copy = this.datasets.get(dataset)
    if (!copy) {
      const docs = new Map<string, Doc>()
      for (const row of this.load.iterate(dataset) as IterableIterator<{ json: string }>) {
        const doc = JSON.parse(row.json) as Doc
        docs.set(doc._id, doc)
      }
      copy = { docs, list: null, memo: new Map() }
      this.datasets.set(dataset, copy)
    }
    return copy
  }
}

const port = parentPort
if (port) {
  // groq-js's streams reject an internal promise nobody awaits when evaluation throws (a query
  // stopped by its time budget); the job has already been answered with that LakeError. Anything
  // else still ends the worker, which the pool replaces.
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof LakeError) return
    throw reason
  })
  const data = workerData as WorkerData
  const source = new DocumentCopy(data.dir)
  // Loads the datasets in use before the first job, so a replacement worker is warm.
  for (const dataset of data.preload) source.copy(dataset)
  // Evaluation yields to the main thread: on Linux a thread's nice value is its own, so this
  // lowers this worker only. Pings, writes and the HTTP plumbing then get the cores first while
  // queries, hostile ones included, share what is left. (The boot script already set it; this
  // covers a worker started without it.)
  try {
    if (process.platform === 'linux') setPriority(data.nice)
  } catch {
    // Not allowed here: evaluate at normal priority.
  }
  port.on('message', (message: ToWorker) => {
    if (message.type === 'change') {
      source.apply(message.change)
      return
    }
    runJob(source, message.job).then(
      (result) => port.postMessage({ type: 'done', id: message.id, result } satisfies FromWorker),
      (error: unknown) => port.postMessage({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) } satisfies FromWorker),
    )
  })
  port.postMessage({ type: 'ready' } satisfies FromWorker)
}
