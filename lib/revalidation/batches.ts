/**
 * Coalesces work that arrives faster than it can be done. Items added while a batch is being
 * worked on wait together and become the next batch, worked on once when the current one ends;
 * so at most one batch runs at a time, and under a burst the batches grow instead of the queue.
 *
 * The revalidation route uses it so that a burst of publish webhooks costs a few rounds of lake
 * queries rather than two queries each: without it, a burst made the portal fall behind, the lake
 * time out and retry its webhooks, and the retries made it worse.
 */
export type Batched<R> = {
  result: R
  /** Whether this item opened its batch: the one caller that should act on the shared result. */
  first: boolean
}

export function createBatcher<T, R>(work: (items: T[]) => Promise<R>): (item: T) => Promise<Batched<R>> {
  let open: { items: T[]; done: Promise<R> } | null = null
  let running: Promise<unknown> = Promise.resolve()
  return (item) => {
    if (!open) {
      const items: T[] = []
      let start: () => void = () => {}
      const started = new Promise<void>((resolve) => (start = resolve))
      const batch = { items, done: started.then(() => work(items)) }
      open = batch
      // The batch closes and starts once the one before it has finished, however that ended.
      void running.then(() => {
        if (open === batch) open = null
        start()
      })
      running = batch.done.catch(() => undefined)
    }
    const batch = open
    const first = batch.items.length === 0
    batch.items.push(item)
    return batch.done.then((result) => ({ result, first }))
  }
}
