/**
 * GROQ evaluation off the main thread: a pool of worker threads, each with its own copy of the
 * datasets (lake/query-worker.ts), and a hard deadline per job.
 *
 * groq-js evaluates in one long chain of promise callbacks that never yields to the event loop,
 * and a `match` pattern can make one regular expression backtrack for a minute: run on the main
 * thread, either holds every other request (pings, the Studio, writes). Here the main thread only
 * checks inputs, posts the job and waits; when the deadline passes the worker is terminated
 * (`worker.terminate()` stops any code, unlike a check the query would have to reach) and a
 * fresh one takes its place. `resourceLimits` caps each worker's heap: a query that allocates
 * without bound ends its worker, not the lake.
 *
 * Sizing: `size` workers (one per core) are kept; when every worker is busy, extra workers are
 * started up to `maxWorkers`, so a few slow queries cannot make every fast one wait behind them
 * (the kernel's scheduler then shares the cores, and favours the short jobs that mostly sleep).
 * A job that finds every worker busy waits in a queue; past its deadline there it is answered
 * with 503 instead of running late. Extra workers retire after a quiet minute.
 *
 * Fairness: a job that runs past `slowMs` is slow. Each client (an anonymous caller's address, a
 * token's principal) may have at most `maxSlowPerClient` slow jobs running; a further one is
 * stopped at that moment with a 429. So one client looping expensive queries holds at most that
 * many workers however many connections it opens, while its fast queries (and everyone else's)
 * still run. And at most `maxSlow` slow jobs run in all (half the kept workers, at least one), so
 * clients from many addresses cannot take every core either. Ordinary reads take milliseconds and
 * never meet these rules.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { LakeError } from './errors'
import type { Job, JobResult } from './query-job'
import type { FromWorker, ToWorker, WorkerData } from './query-worker'
import type { Store } from './store'

export type QueryPoolOptions = {
  /** Data folder holding lake.db, which workers read. */
  dir: string
  /** Workers kept running. Default: one per core (at least 2). */
  size?: number
  /** Most workers at once. Default: twice `size`. */
  maxWorkers?: number
  /** Heap ceiling per worker, in MB (the datasets' parsed copy counts). Default 2048. */
  heapMb?: number
  /** Run time after which a job counts as slow, in ms. Default 1000. */
  slowMs?: number
  /** Most slow jobs running at once, all clients together. Default: half of `size`, at least 1. */
  maxSlow?: number
}

/** Who a job is run for, for the fairness rule: a key and how many slow jobs it may have. */
export type JobClient = { key: string; maxSlow: number }

type Pending = {
  id: number
  job: Job
  /** Wall-clock limit from submission; the job is stopped (or never started) past it. */
  timeoutMs: number
  submitted: number
  client: JobClient
  timeout: () => LakeError
  resolve: (result: JobResult) => void
  reject: (error: Error) => void
  timer?: NodeJS.Timeout
}

type Slot = { worker: Worker; job: Pending | null; started: number; slowTimer?: NodeJS.Timeout; idleTimer?: NodeJS.Timeout; exited: boolean }

const EXTRA_IDLE_MS = 60_000

const BOOT = new URL('./query-worker-boot.mjs', import.meta.url)
const ENTRY = new URL('./query-worker.ts', import.meta.url).href

export class QueryPool {
  private readonly slots = new Set<Slot>()
  private readonly queue: Pending[] = []
  private readonly datasets = new Set<string>()
  private readonly size: number
  private readonly maxWorkers: number
  private readonly heapMb: number
  private readonly slowMs: number
  private readonly maxSlow: number
  private readonly unsubscribe: () => void
  private nextId = 1
  private closed = false

  constructor(
    private readonly store: Store,
    private readonly options: QueryPoolOptions,
  ) {
    this.size = Math.max(1, options.size ?? Math.max(2, availableParallelism()))
    this.maxWorkers = Math.max(this.size, options.maxWorkers ?? this.size * 2)
    this.heapMb = options.heapMb ?? 2048
    this.slowMs = options.slowMs ?? 1000
    this.maxSlow = Math.max(1, options.maxSlow ?? Math.floor(this.size / 2))
    this.unsubscribe = store.onChange((change) => {
      const message: ToWorker = { type: 'change', change }
      for (const slot of this.slots) if (!slot.exited) slot.worker.postMessage(message)
    })
    for (let i = 0; i < this.size; i++) this.spawn()
  }

  /**
   * Runs a job within `timeoutMs` (queue wait included). `timeout` is the error the caller gets
   * when the deadline passes while the job runs.
   */
  run(job: Job, client: JobClient, timeoutMs: number, timeout: () => LakeError): Promise<JobResult> {
    if (this.closed) return Promise.reject(new LakeError(503, 'lakeClosingError', 'The lake is shutting down'))
    // Another process's commit is noticed here, before the job is posted, so the workers have
    // dropped their copies by the time they read the job.
    this.store.refreshIfChangedElsewhere()
    if (job.kind === 'query') this.datasets.add(job.dataset)
    return new Promise((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, job, timeoutMs, submitted: performance.now(), client, timeout, resolve, reject }
      pending.timer = setTimeout(() => this.expire(pending), timeoutMs)
      this.queue.push(pending)
      this.pump()
    })
  }

  get workerCount(): number {
    return this.slots.size
  }

  async close(): Promise<void> {
    this.closed = true
    this.unsubscribe()
    for (const pending of this.queue.splice(0)) {
      clearTimeout(pending.timer)
      pending.reject(new LakeError(503, 'lakeClosingError', 'The lake is shutting down'))
    }
    await Promise.all([...this.slots].map((slot) => this.retire(slot)))
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((candidate) => !candidate.job && !candidate.exited)
      if (!slot && this.slots.size < this.maxWorkers) slot = this.spawn()
      if (!slot) return
      const pending = this.queue.shift() as Pending
      clearTimeout(slot.idleTimer)
      slot.job = pending
      slot.started = performance.now()
      const running = slot
      slot.slowTimer = setTimeout(() => this.turnedSlow(running, pending), this.slowMs)
      slot.worker.postMessage({ type: 'job', id: pending.id, job: pending.job } satisfies ToWorker)
    }
  }

  private spawn(): Slot {
    const data: WorkerData = { entry: ENTRY, dir: this.options.dir, preload: [...this.datasets] }
    const worker = new Worker(BOOT, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } })
    const slot: Slot = { worker, job: null, started: 0, exited: false }
    this.slots.add(slot)
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') return
      const pending = slot.job
      if (!pending || pending.id !== message.id) return
      slot.job = null
      clearTimeout(pending.timer)
      clearTimeout(slot.slowTimer)
      if (message.type === 'done') pending.resolve(message.result)
      else pending.reject(new Error(`Query worker failed: ${message.message}`))
      this.idle(slot)
      this.pump()
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const pending = slot.job
      slot.job = null
      clearTimeout(slot.slowTimer)
      if (pending) {
        clearTimeout(pending.timer)
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          pending.resolve({ ok: false, status: 400, body: new LakeError(400, 'queryMemoryError', `Query needed more memory than the lake's limit of ${this.heapMb} MB and was stopped`).body })
        } else pending.reject(error)
      }
    })
    worker.on('exit', () => {
      slot.exited = true
      clearTimeout(slot.idleTimer)
      clearTimeout(slot.slowTimer)
      if (!this.slots.delete(slot)) return
      const pending = slot.job
      slot.job = null
      if (pending) {
        clearTimeout(pending.timer)
        pending.reject(new Error('Query worker exited'))
      }
      if (!this.closed) {
        while (this.slots.size < this.size) this.spawn()
        this.pump()
      }
    })
    // Workers must not keep a process alive that is otherwise done (tests, CLI).
    worker.unref()
    return slot
  }

  /** An extra worker that stays idle for a minute is stopped; the kept ones stay. */
  private idle(slot: Slot): void {
    if (this.slots.size <= this.size) return
    slot.idleTimer = setTimeout(() => {
      if (!slot.job && this.slots.size > this.size) void this.retire(slot)
    }, EXTRA_IDLE_MS)
    slot.idleTimer.unref()
  }

  private async retire(slot: Slot): Promise<void> {
    clearTimeout(slot.idleTimer)
    this.slots.delete(slot)
    if (slot.exited) return
    slot.exited = true
    await slot.worker.terminate()
  }

  /** A job crossed `slowMs`: stopped if its client already has its share of slow jobs running. */
  private turnedSlow(slot: Slot, pending: Pending): void {
    if (slot.job !== pending) return
    const now = performance.now()
    const slow = [...this.slots].filter((other) => other !== slot && other.job && now - other.started >= this.slowMs)
    if (slow.length >= this.maxSlow) {
      this.stop(slot, pending, new LakeError(429, 'queryConcurrencyError', `The lake is already running ${this.maxSlow} long-running quer${this.maxSlow === 1 ? 'y' : 'ies'}, its limit; this one was stopped after ${this.slowMs} ms. Retry shortly, or narrow the query.`))
      return
    }
    const slowOfClient = slow.filter((other) => other.job?.client.key === pending.client.key).length
    if (slowOfClient < pending.client.maxSlow) return
    this.stop(slot, pending, new LakeError(429, 'queryConcurrencyError', `This client already has ${pending.client.maxSlow} long-running quer${pending.client.maxSlow === 1 ? 'y' : 'ies'}; the lake runs at most that many at once per client. Wait for it, or narrow the query.`))
  }

  /** Ends a running job with `error` by terminating its worker; the exit handler replaces it. */
  private stop(slot: Slot, pending: Pending, error: LakeError): void {
    slot.job = null
    // Marked now so no job is handed to it while it stops.
    slot.exited = true
    clearTimeout(pending.timer)
    clearTimeout(slot.slowTimer)
    pending.resolve({ ok: false, status: error.status, body: error.body })
    void slot.worker.terminate()
  }

  /** The deadline passed: a queued job is answered without running, a running one's worker is stopped. */
  private expire(pending: Pending): void {
    const queued = this.queue.indexOf(pending)
    if (queued >= 0) {
      this.queue.splice(queued, 1)
      pending.resolve({ ok: false, status: 503, body: new LakeError(503, 'lakeBusyError', `The lake was too busy to start this query within ${Math.round(pending.timeoutMs)} ms; retry shortly`).body })
      return
    }
    const slot = [...this.slots].find((candidate) => candidate.job === pending)
    if (slot) this.stop(slot, pending, pending.timeout())
  }
}
