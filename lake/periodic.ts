/**
 * Background work on a timer, one run at a time: `tick()` starts a run unless one is under way
 * (then it answers that run), so two ticks never do the same work twice; `close()` stops the timer
 * and waits for the run in progress. It runs once at start, so work that fell due while the lake
 * was down is done as soon as it is back. `isClosed` lets a run stop between items.
 */
import type { BackgroundWork } from './plugin'

export function startPeriodic(name: string, run: (isClosed: () => boolean) => Promise<void>, intervalMs = 1000): BackgroundWork {
  let running: Promise<void> | null = null
  let closed = false
  const isClosed = () => closed

  function tick(): Promise<void> {
    if (closed) return Promise.resolve()
    running ??= run(isClosed)
      .catch((error: unknown) => console.error(`[lake] ${name} tick failed:`, error))
      .finally(() => {
        running = null
      })
    return running
  }

  const timer = setInterval(() => void tick(), intervalMs)
  timer.unref()
  void tick()
  return {
    tick,
    async close() {
      closed = true
      clearInterval(timer)
      await running
    },
  }
}
