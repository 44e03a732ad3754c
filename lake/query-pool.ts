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
 * Sizing: `size` workers (one per core) are kept once the first job has come; when every worker is busy, extra workers are
 * started up to `maxWorkers`, so a few slow queries cannot make every fast one wait behind them
 * (the kernel's scheduler then shares the cores, and favours the short jobs that mostly sleep).
 * A job that finds every worker busy waits in a queue; after 10 s there it is answered with 503
 * instead of running late. Extra workers retire after a quiet minute.
 *
 * Fairness: a job that runs past `slowMs` is slow. Each client (an anonymous caller's address, a
 * token's principal) may have at most `maxSlowPerClient` slow jobs running; a further one is
 * stopped at that moment with a 429. So one client looping expensive queries holds at most that
 * many workers however many connections it opens, while its fast queries (and everyone else's)
 * still run. And at most `maxSlow` slow jobs run in all (half the kept workers, at least one), so
 * clients from many addresses cannot take every core either. Ordinary reads take milliseconds and
 * never meet these rules.
 *
 * A client whose job had to be stopped is made to wait three times as long as the job ran before
 * its next job is taken (429 with the wait), when its JobClient asks for it (anonymous callers):
 * stopping a worker costs a restart, and a client looping hostile queries would otherwise spend
 * the cores on restarts. That applies to a job stopped by its deadline, its memory limit or its
 * own client's slow-job limit; one stopped only because the lake's share of slow jobs was taken
 * (which can meet an innocent query on a busy lake) is not refused further. Either kind marks the
 * client for 30 s: its waiting jobs are taken after everyone else's, and when the lake's share of
 * slow jobs is full, a marked client's slow job is stopped before an unmarked one's. A marked
 * client stopped again, for whatever reason, is a repeat offender and is made to wait as well.
 *
 * The marked clients' lane: jobs of marked clients run on at most `maxSuspect` workers together
 * (one fewer than the kept workers, at least one); a marked client's job that finds the lane full
 * is answered 429 at once rather than queued. Without it several addresses looping expensive
 * queries (each within its own limits, each stopped at `slowMs` only to send the next) kept every
 * worker busy, and the portal's reads queued behind them for up to `slowMs`: the lane keeps at
 * least one kept worker, and the extra ones, for everyone else.
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
  /** Run time after which a job counts as slow, in ms. Default 1500. */
  slowMs?: number
  /** Most slow jobs running at once, all clients together. Default: half of `size`, at least 1. */
  maxSlow?: number
  /** Most jobs of marked clients (a job stopped in the last 30 s) running at once. Default: `size` − 1, at least 1. */
  maxSuspect?: number
}

/**
 * Who a job is run for, for the fairness rules: a key, how many slow jobs it may have, and
 * whether a stopped job makes it wait (see `penalize`).
 */
export type JobClient = { key: string; maxSlow: number; cooldown: boolean }

/** A client whose job was stopped waits this many times the job's run time before its next one. */
const COOLDOWN_FACTOR = 3
/** How long a quick job vouches for an anonymous client, and how many such clients are remembered. */
const PROVEN_MS = 10 * 60_000
const MAX_PROVEN = 10_000
/** Shortest and longest wait after a stopped job (see `penalize`). */
const MIN_COOLDOWN_MS = 2_000
const MAX_COOLDOWN_MS = 60_000
/** Within this window, a second job stopped by the slow rules makes the client wait. */
const STRIKE_WINDOW_MS = 30_000

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

/** `lane`: which jobs the worker takes: unmarked clients', or only marked clients' (see the file's comment). */
type Slot = { worker: Worker; lane: Lane; job: Pending | null; ready: boolean; started: number; slowTimer?: NodeJS.Timeout; idleTimer?: NodeJS.Timeout; exited: boolean }
type Lane = 'main' | 'marked'

const EXTRA_IDLE_MS = 60_000
/** Longest wait for a worker before a job is answered 503 instead of running late. */
const QUEUE_WAIT_MS = 10_000
/** Workers' OS priority (Linux nice value, per thread): below the main thread's. */
const WORKER_NICE = 10

/**
 * Room for short-lived objects per worker, in MB (V8 makes a third of it each semi-space). An
 * evaluation allocates a great deal that lives only until its answer: a trip page's query with
 * its source map copies each document it reads (lake/source-map/provenance.ts). With V8's
 * default (16 MB semi-spaces) beside a large dataset's parsed copy, the young objects of a running
 * query survived collections often enough that a mapped query's cost rose by half again midway
 * through bench:lake; 32 MB semi-spaces kept it level. A ceiling, taken only as a worker needs it.
 */
const YOUNG_GENERATION_MB = 96
/** The marked clients' workers: below everyone else's, so their evaluations and restarts take what is left. */
const MARKED_NICE = 19

const BOOT = new URL('./query-worker-boot.mjs', import.meta.url)
const ENTRY = new URL('./query-worker.ts', import.meta.url).href

export class QueryPool {
  private readonly slots = new Set<Slot>()
  private readonly queue: Pending[] = []
  private readonly datasets = new Set<string>()
  /** Clients made to wait after a stopped job: key → until (performance.now()). */
  private readonly cooldowns = new Map<string, number>()
  /**
   * Clients marked by a stopped job: until when (the window after the stop, or after the wait it
   * earned, whichever ends later), and how many stops in a row.
   */
  private readonly strikes = new Map<string, { until: number; count: number }>()
  private readonly size: number
  private readonly maxWorkers: number
  private readonly heapMb: number
  private readonly slowMs: number
  private readonly maxSlow: number
  private readonly maxSuspect: number
  private readonly maxUnproven: number
  /** Anonymous clients whose last quick job ended when (performance.now()), oldest first. */
  private readonly proven = new Map<string, number>()
  private readonly unsubscribe: () => void
  private nextId = 1
  /** Whether any job has been run: from then on `size` workers are kept. */
  private used = false
  private closed = false

  constructor(
    private readonly store: Store,
    private readonly options: QueryPoolOptions,
  ) {
    this.size = Math.max(1, options.size ?? Math.max(2, availableParallelism()))
    this.maxWorkers = Math.max(this.size, options.maxWorkers ?? this.size * 2)
    this.heapMb = options.heapMb ?? 2048
    this.slowMs = options.slowMs ?? 1500
    this.maxSlow = Math.max(1, options.maxSlow ?? Math.floor(this.size / 2))
    this.maxSuspect = Math.max(1, options.maxSuspect ?? this.size - 1)
    this.maxUnproven = Math.max(1, this.size - 1)
    this.unsubscribe = store.onChange((change) => {
      const message: ToWorker = { type: 'change', change }
      for (const slot of this.slots) if (!slot.exited) slot.worker.postMessage(message)
    })
    // Workers start with the first job, not here: a lake that is only written to (an import, a
    // restart loop) never pays for them, and the first query pays one start (about half a second).
  }

  /**
   * Runs a job within `timeoutMs` of running time, after at most QUEUE_WAIT_MS waiting for a
   * worker. `timeout` is the error the caller gets when the deadline passes while the job runs.
   */
  run(job: Job, client: JobClient, timeoutMs: number, timeout: () => LakeError): Promise<JobResult> {
    if (this.closed) return Promise.reject(new LakeError(503, 'lakeClosingError', 'The lake is shutting down'))
    // Another process's commit is noticed here, before the job is posted, so the workers have
    // dropped their copies by the time they read the job.
    this.store.refreshIfChangedElsewhere()
    const waiting = this.cooldownError(client) ?? this.laneError(client)
    if (waiting) return Promise.resolve({ ok: false, status: waiting.status, body: waiting.body })
    if (job.kind === 'query') this.datasets.add(job.dataset)
    this.used = true
    return new Promise((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, job, timeoutMs, submitted: performance.now(), client, timeout, resolve, reject }
      pending.timer = setTimeout(() => this.expire(pending), QUEUE_WAIT_MS)
      this.queue.push(pending)
      this.pump()
    })
  }

  /** The 429 a client gets while it is made to wait after a stopped job; undefined when it may go on. */
  cooldownError(client: JobClient): LakeError | undefined {
    const until = this.cooldowns.get(client.key)
    if (until === undefined) return undefined
    const wait = until - performance.now()
    if (wait <= 0) {
      this.cooldowns.delete(client.key)
      return undefined
    }
    const seconds = Math.ceil(wait / 1000)
    return new LakeError(429, 'queryCooldownError', `This client's last query was stopped for exceeding the lake's limits; wait ${seconds} s before the next one`, { retryAfter: seconds })
  }

  /** The 429 for a marked client's job when the marked clients' lane is full (running and waiting). */
  private laneError(client: JobClient): LakeError | undefined {
    const now = performance.now()
    if (!this.isSuspect(client.key, now)) return undefined
    const running = this.laneSlots('marked').filter((slot) => slot.job).length
    const queued = this.queue.filter((pending) => this.isSuspect(pending.client.key, now)).length
    if (running + queued < this.maxSuspect) return undefined
    return this.suspectBusy()
  }

  private suspectBusy(): LakeError {
    return new LakeError(429, 'queryConcurrencyError', "The lake's room for new clients and for clients with a recently stopped query is taken; retry shortly, or narrow the query.", { retryAfter: 2 })
  }

  get workerCount(): number {
    return this.slots.size
  }

  private laneSlots(lane: Lane): Slot[] {
    return [...this.slots].filter((slot) => slot.lane === lane)
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

  /**
   * Hands waiting jobs to idle workers of their lane: unmarked clients' jobs (oldest first) to the
   * main workers, marked clients' to the marked lane's. Starts workers where a lane has none idle.
   */
  private pump(): void {
    while (this.queue.length > 0) {
      const now = performance.now()
      const provenIndex = this.queue.findIndex((pending) => this.isProven(pending.client, now))
      if (provenIndex >= 0 && this.startIn('main', provenIndex)) continue
      const newIndex = this.queue.findIndex((pending) => !this.isProven(pending.client, now) && !this.isSuspect(pending.client.key, now))
      if (newIndex >= 0 && this.roomForUnproven(now) && this.startIn('main', newIndex)) continue
      const markedIndex = this.queue.findIndex((pending) => this.isSuspect(pending.client.key, now))
      if (markedIndex >= 0 && this.startIn('marked', markedIndex)) continue
      return
    }
  }

  /** Starts the queued job at `index` on an idle worker of `lane`; false (after starting a worker if one is due) when there is none. */
  private startIn(lane: Lane, index: number): boolean {
    const workers = this.laneSlots(lane)
    const slot = workers.find((candidate) => candidate.ready && !candidate.job && !candidate.exited)
    if (!slot) {
      // Every worker of the lane is busy or starting: one more starts (up to the lane's ceiling)
      // unless enough are already starting for the jobs waiting.
      const starting = workers.filter((candidate) => !candidate.ready && !candidate.exited).length
      const live = workers.filter((candidate) => !candidate.exited).length
      const ceiling = lane === 'main' ? this.maxWorkers : this.maxSuspect
      const waiting = this.queue.filter((pending) => this.isSuspect(pending.client.key) === (lane === 'marked')).length
      if (starting < Math.min(waiting, lane === 'main' ? this.size : this.maxSuspect) && live < ceiling) this.spawn(lane)
      return false
    }
    const pending = this.queue.splice(index, 1)[0] as Pending
    clearTimeout(slot.idleTimer)
    slot.job = pending
    slot.started = performance.now()
    // The budget counts from here: waiting for a worker (or for one to start) is not the job's cost.
    clearTimeout(pending.timer)
    pending.timer = setTimeout(() => this.expire(pending), pending.timeoutMs)
    slot.slowTimer = setTimeout(() => this.turnedSlow(slot, pending), this.slowMs)
    slot.worker.postMessage({ type: 'job', id: pending.id, job: pending.job } satisfies ToWorker)
    return true
  }

  private spawn(lane: Lane = 'main'): Slot {
    const data: WorkerData = { entry: ENTRY, dir: this.options.dir, preload: [...this.datasets], nice: lane === 'main' ? WORKER_NICE : MARKED_NICE }
    const worker = new Worker(BOOT, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } })
    const slot: Slot = { worker, lane, job: null, ready: false, started: 0, exited: false }
    this.slots.add(slot)
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        // Booted and its datasets loaded: only now may it take jobs, so a job's run time (and
        // the slow rule) never includes a worker's start.
        slot.ready = true
        this.pump()
        return
      }
      const pending = slot.job
      if (!pending || pending.id !== message.id) return
      slot.job = null
      clearTimeout(pending.timer)
      clearTimeout(slot.slowTimer)
      if (message.type === 'done' && performance.now() - slot.started < this.slowMs) this.prove(pending.client)
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
          if (pending.client.cooldown) this.penalize(pending.client.key, 'limit', performance.now() - slot.started)
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
      // Once in use, the pool keeps `size` workers: a stopped one is replaced at once, so the
      // next query does not pay for a start.
      if (!this.closed) {
        while (this.used && this.laneSlots('main').length < this.size) this.spawn()
        this.pump()
      }
    })
    // Workers must not keep a process alive that is otherwise done (tests, CLI).
    worker.unref()
    return slot
  }

  /** An extra worker (every marked-lane one is) that stays idle for a minute is stopped; the kept ones stay. */
  private idle(slot: Slot): void {
    const extra = () => slot.lane === 'marked' || this.laneSlots('main').length > this.size
    if (!extra()) return
    slot.idleTimer = setTimeout(() => {
      if (!slot.job && extra()) void this.retire(slot)
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
    const slowAll = [...this.slots].filter((other) => other !== slot && other.job && now - other.started >= this.slowMs)
    // Its own client's second long query: the client's doing, so it also makes the client wait.
    const slowOfClient = slowAll.filter((other) => other.job?.client.key === pending.client.key).length
    if (slowOfClient >= pending.client.maxSlow) {
      this.stop(
        slot,
        pending,
        'limit',
        new LakeError(
          429,
          'queryConcurrencyError',
          `This client already has ${pending.client.maxSlow} long-running quer${pending.client.maxSlow === 1 ? 'y' : 'ies'}; the lake runs at most that many at once per client. Wait for it, or narrow the query.`,
        ),
      )
      return
    }
    // The marked lane is bounded by its own size; the share of slow jobs is the main workers'.
    if (slot.lane === 'marked') return
    const slow = slowAll.filter((other) => other.lane === 'main')
    if (slow.length < this.maxSlow) return
    // Over the lake's share of long-running jobs: one has to go. A job of a client with a recently
    // stopped query goes before this one, if there is one, so an innocent query that a busy lake
    // made slow keeps running while a repeat offender's is stopped.
    const busy = (message: string) =>
      new LakeError(
        429,
        'queryConcurrencyError',
        `The lake is already running ${this.maxSlow} long-running quer${this.maxSlow === 1 ? 'y' : 'ies'}, its limit; ${message}. Retry shortly, or narrow the query.`,
      )
    const offender = this.isSuspect(pending.client.key, now) ? undefined : slow.find((other) => other.job && this.isSuspect(other.job.client.key, now))
    if (offender?.job) this.stop(offender, offender.job, 'contention', busy('this one was stopped to make room for another client'))
    else this.stop(slot, pending, 'contention', busy(`this one was stopped after ${this.slowMs} ms`))
  }

  /** Remembers that a client's job ran to its end quickly: an ordinary caller (see `isProven`). */
  private prove(client: JobClient): void {
    if (!client.cooldown) return
    // Re-inserted, so the Map's order is the order of last use and the oldest go first.
    this.proven.delete(client.key)
    this.proven.set(client.key, performance.now())
    for (const [key] of this.proven) {
      if (this.proven.size <= MAX_PROVEN) break
      this.proven.delete(key)
    }
  }

  /** Staff, and anonymous clients with a quick job in the last PROVEN_MS and none stopped since. */
  private isProven(client: JobClient, now = performance.now()): boolean {
    if (!client.cooldown) return true
    const at = this.proven.get(client.key)
    return at !== undefined && now - at <= PROVEN_MS && !this.isSuspect(client.key, now)
  }

  /** Whether an unproven client's job may take a main worker now: they hold at most `size` − 1 of them. */
  private roomForUnproven(now: number): boolean {
    const running = this.laneSlots('main').filter((slot) => slot.job && !this.isProven(slot.job.client, now)).length
    return running < this.maxUnproven
  }

  /** Whether a client had a job stopped in the last 30 s. */
  private isSuspect(key: string, now = performance.now()): boolean {
    const strike = this.strikes.get(key)
    return strike !== undefined && now <= strike.until
  }

  /** Ends a running job with `error` by terminating its worker; the exit handler replaces it. */
  private stop(slot: Slot, pending: Pending, cause: 'contention' | 'limit', error: LakeError): void {
    slot.job = null
    // Marked now so no job is handed to it while it stops.
    slot.exited = true
    clearTimeout(pending.timer)
    clearTimeout(slot.slowTimer)
    if (pending.client.cooldown) this.penalize(pending.client.key, cause, performance.now() - slot.started)
    pending.resolve({ ok: false, status: error.status, body: error.body })
    void slot.worker.terminate()
  }

  private penalize(key: string, cause: 'contention' | 'limit', ranMs: number): void {
    const now = performance.now()
    const repeat = this.isSuspect(key, now)
    const count = repeat ? (this.strikes.get(key)?.count ?? 0) + 1 : 1
    this.strikes.set(key, { until: now + STRIKE_WINDOW_MS, count })
    // Stopped for lack of room only, the first time: the client's jobs go last for a while, but it
    // is not refused. A second stop within the window is the client's pattern, not bad luck.
    if (cause === 'contention' && !repeat) return
    // At least MIN_COOLDOWN_MS: a stop costs a worker's restart (about half a second of CPU), so a
    // filter stopped at 250 ms must not be retried after 750 ms. Doubled for each further stop in
    // a row, up to MAX_COOLDOWN_MS: an address that keeps sending what is stopped spends the
    // cores on quick 429s, not on evaluations and restarts.
    const wait = Math.min(MAX_COOLDOWN_MS, Math.max(MIN_COOLDOWN_MS, COOLDOWN_FACTOR * ranMs) * 2 ** Math.min(count - 1, 8))
    this.cooldowns.set(key, now + wait)
    // Still marked for the window after the wait: a client back from a long wait meets the marked lane.
    this.strikes.set(key, { until: now + wait + STRIKE_WINDOW_MS, count })
    // Forgotten once they no longer matter, so the maps stay as small as the set of offenders.
    for (const [client, strike] of this.strikes) if (now > strike.until) this.strikes.delete(client)
    for (const [client, until] of this.cooldowns) if (until < now) this.cooldowns.delete(client)
  }

  /** The deadline passed: a queued job is answered without running, a running one's worker is stopped. */
  private expire(pending: Pending): void {
    const queued = this.queue.indexOf(pending)
    if (queued >= 0) {
      this.queue.splice(queued, 1)
      // Held back by the fairness rules (a marked or an unproven client) rather than by a full
      // lake: a 429 to retry, as for the other limits; a 503 is for everyone's jobs waiting.
      if (!this.isProven(pending.client)) {
        const busy = this.suspectBusy()
        pending.resolve({ ok: false, status: busy.status, body: busy.body })
        return
      }
      pending.resolve({ ok: false, status: 503, body: new LakeError(503, 'lakeBusyError', `The lake was too busy to start this query within ${QUEUE_WAIT_MS} ms; retry shortly`).body })
      return
    }
    const slot = [...this.slots].find((candidate) => candidate.job === pending)
    if (slot) this.stop(slot, pending, 'limit', pending.timeout())
  }
}
