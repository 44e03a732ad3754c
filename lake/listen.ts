/**
 * The event hub: committed transactions fan out to the open /listen streams.
 *
 * One hub serves both the HTTPS/HTTP2 and the plain-HTTP server, so a write through either is
 * seen by listeners on both. The hub also keeps a close callback per open stream so that
 * shutting the lake down ends every SSE response (otherwise the servers wait on them forever).
 */
import type { CommittedTransaction } from './types'

type Subscriber = (transaction: CommittedTransaction) => void

export class ListenHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>()
  private readonly streams = new Set<() => void>()

  publish(transaction: CommittedTransaction): void {
    for (const subscriber of this.subscribers.get(transaction.dataset) ?? []) {
      try {
        subscriber(transaction)
      } catch (error) {
        // One broken stream must not keep the others (or the writer) from going on.
        console.error('[lake] listener failed:', error)
      }
    }
  }

  subscribe(dataset: string, subscriber: Subscriber): () => void {
    let set = this.subscribers.get(dataset)
    if (!set) {
      set = new Set()
      this.subscribers.set(dataset, set)
    }
    set.add(subscriber)
    return () => {
      set.delete(subscriber)
      if (set.size === 0) this.subscribers.delete(dataset)
    }
  }

  /** Registers a stream's closer; returns the function that unregisters it. */
  trackStream(close: () => void): () => void {
    this.streams.add(close)
    return () => this.streams.delete(close)
  }

  get openStreams(): number {
    return this.streams.size
  }

  closeAll(): void {
    for (const close of [...this.streams]) close()
    this.streams.clear()
  }
}
