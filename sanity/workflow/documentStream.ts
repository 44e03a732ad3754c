/**
 * One value per open document, loaded once and reloaded whenever a listener announces a change,
 * shared by every badge, action and dialog of that document: one listener stream per document,
 * not one per button (the Studio already holds many streams per tab).
 */
import { useSyncExternalStore } from 'react'
import type { SanityClient } from 'sanity'

type Entry<T> = { value: T; listeners: Set<() => void>; stop: () => void; refresh: () => void; current: () => T }

type StreamOptions<T> = {
  /** The value before the first load answers. */
  initial: T
  /** The next value; a failure is turned into a value too, from the current one. */
  load: (client: SanityClient, id: string, current: T) => Promise<T>
  /** What to listen to: each event reloads the value. */
  listen: (client: SanityClient, id: string) => { subscribe: (observer: { next: () => void; error: () => void }) => { unsubscribe: () => void } }
}

// The document pane re-renders its actions often: a stream nobody holds is kept this long.
const LINGER_MS = 5000

/** `value` for rendering; `current` reads the latest value inside an effect without re-running it on each change. */
export function documentStreams<T>(options: StreamOptions<T>): (client: SanityClient, id: string) => { value: T; refresh: () => void; current: () => T } {
  const entries = new Map<string, Entry<T>>()

  function entryFor(client: SanityClient, id: string, key: string): Entry<T> {
    const existing = entries.get(key)
    if (existing) return existing
    const entry: Entry<T> = {
      value: options.initial,
      listeners: new Set(),
      stop: () => undefined,
      current: () => entry.value,
      refresh: () => {
        void options
          .load(client, id, entry.value)
          .then((value) => (entry.value = value))
          .finally(() => entry.listeners.forEach((listener) => listener()))
      },
    }
    const subscription = options.listen(client, id).subscribe({ next: () => entry.refresh(), error: () => undefined })
    entry.stop = () => subscription.unsubscribe()
    entries.set(key, entry)
    entry.refresh()
    return entry
  }

  return function useDocumentStream(client, id) {
    const key = `${client.config().dataset}:${id}`
    const entry = entryFor(client, id, key)
    const value = useSyncExternalStore(
      (listener) => {
        entry.listeners.add(listener)
        return () => {
          entry.listeners.delete(listener)
          setTimeout(() => {
            if (entry.listeners.size === 0 && entries.get(key) === entry) {
              entry.stop()
              entries.delete(key)
            }
          }, LINGER_MS)
        }
      },
      () => entry.value,
    )
    return { value, refresh: entry.refresh, current: entry.current }
  }
}
