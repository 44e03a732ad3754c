/**
 * The Content Releases a document is in (or published or was archived with), kept current: one
 * listener per open document for the release documents and the document's versions, shared by
 * the Schedule action, its dialog and the badge (the Studio already holds many streams per tab).
 */
import { useSyncExternalStore } from 'react'
import type { SanityClient } from 'sanity'
import { useClient } from 'sanity'
import { describeFailure, releasesOf, type ReleaseSummary } from '../../editorial/release-schedule'

/** Release actions and the `versions.*` layer need this API version or later. */
export const RELEASES_API_VERSION = '2025-02-19'

type Snapshot = { releases: ReleaseSummary[] | null; error: string | null }
type Entry = { snapshot: Snapshot; listeners: Set<() => void>; stop: () => void; refresh: () => void }

const entries = new Map<string, Entry>()

function entryFor(client: SanityClient, id: string): Entry {
  const key = `${client.config().dataset}:${id}`
  const existing = entries.get(key)
  if (existing) return existing
  const entry: Entry = {
    snapshot: { releases: null, error: null },
    listeners: new Set(),
    stop: () => undefined,
    refresh: () => {
      releasesOf(client, id)
        .then((releases) => (entry.snapshot = { releases, error: null }))
        .catch((error: unknown) => (entry.snapshot = { releases: entry.snapshot.releases, error: describeFailure(error) }))
        .finally(() => entry.listeners.forEach((listener) => listener()))
    },
  }
  const subscription = client
    .listen('*[_type == "system.release" || sanity::versionOf($id)]', { id }, { visibility: 'query', includeResult: false, includeAllVersions: true })
    .subscribe({ next: () => entry.refresh(), error: () => undefined })
  entry.stop = () => subscription.unsubscribe()
  entries.set(key, entry)
  entry.refresh()
  return entry
}

export function useDocumentReleases(publishedId: string): Snapshot & { refresh: () => void } {
  const client = useClient({ apiVersion: RELEASES_API_VERSION })
  const key = `${client.config().dataset}:${publishedId}`
  const entry = entryFor(client, publishedId)
  const snapshot = useSyncExternalStore(
    (listener) => {
      entry.listeners.add(listener)
      return () => {
        entry.listeners.delete(listener)
        // Kept a moment: the document pane re-renders its actions often.
        setTimeout(() => {
          if (entry.listeners.size === 0 && entries.get(key) === entry) {
            entry.stop()
            entries.delete(key)
          }
        }, 5000)
      }
    },
    () => entry.snapshot,
  )
  return { ...snapshot, refresh: entry.refresh }
}
