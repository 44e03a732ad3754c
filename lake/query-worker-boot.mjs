// Entry of a query worker thread (lake/query-pool.ts). The lake runs as TypeScript through tsx,
// and worker threads do not inherit tsx's loader from the main thread, so the worker registers it
// before importing its real entry.
import { setPriority } from 'node:os'
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

// A worker runs below the main thread from its first instruction (see query-worker.ts): a
// replacement for a stopped worker compiles and loads for about half a second of CPU, which must
// not be taken from pings and writes either.
try {
  if (process.platform === 'linux') setPriority(workerData.nice)
} catch {
  // Not allowed here: start at normal priority.
}
register()
await import(workerData.entry)
