// Entry of a query worker thread (lake/query-pool.ts). The lake runs as TypeScript through tsx,
// and worker threads do not inherit tsx's loader from the main thread, so the worker registers it
// before importing its real entry.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
