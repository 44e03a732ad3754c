/**
 * The workflow state of one document, as the lake describes it (GET /data/workflow/{ds}/documents/{id}),
 * kept current: refetched when the draft's revision changes and whenever the lake announces a
 * change to the document's workflow document.
 *
 * Badges and several actions of one document share one subscription (one listener stream per
 * open document, not one per button): the Studio already holds many streams per tab.
 */
import { useEffect, useSyncExternalStore } from 'react'
import type { SanityClient } from 'sanity'
import { useClient } from 'sanity'
import type { ReviewService } from './publishGate'
import { workflowIdOf, type WorkflowDoc, type WorkflowStatus } from '../../editorial/state'

export const WORKFLOW_API_VERSION = '2025-02-19'

export type WorkflowInfo = {
  documentId: string
  status: WorkflowStatus
  draftRevision: string | null
  lastEditor: string | null
  reviewRequired: boolean
  embargoUntil: string | null
  state: WorkflowDoc | null
}

type Entry = { info: WorkflowInfo | null; error: string | null; absent: boolean; listeners: Set<() => void>; stop: () => void; refresh: () => void }

const entries = new Map<string, Entry>()

export function workflowPath(client: SanityClient, ...parts: string[]): string {
  return ['/data', parts[0], client.config().dataset, ...parts.slice(1).map(encodeURIComponent)].join('/')
}

function entryFor(client: SanityClient, id: string): Entry {
  const key = `${client.config().dataset}:${id}`
  const existing = entries.get(key)
  if (existing) return existing
  const entry: Entry = {
    info: null,
    error: null,
    absent: false,
    listeners: new Set(),
    stop: () => undefined,
    refresh: () => {
      client
        .request<WorkflowInfo>({ uri: workflowPath(client, 'workflow', 'documents', id) })
        .then((info) => {
          entry.info = info
          entry.error = null
          entry.absent = false
        })
        .catch((error: unknown) => {
          entry.error = error instanceof Error ? error.message : String(error)
          // 404: no workflow endpoints at all (hosted Sanity without the editorial plugin).
          entry.absent = typeof error === 'object' && error !== null && (error as { statusCode?: unknown }).statusCode === 404
        })
        .finally(() => entry.listeners.forEach((listener) => listener()))
    },
  }
  const subscription = client
    .listen(`*[_id == $workflowId]`, { workflowId: workflowIdOf(id) }, { visibility: 'query', includeResult: false })
    .subscribe({ next: () => entry.refresh(), error: () => undefined })
  entry.stop = () => subscription.unsubscribe()
  entries.set(key, entry)
  entry.refresh()
  return entry
}

/** What the Studio knows of the review service, from the last answer to the document's workflow request. */
function serviceOf(info: WorkflowInfo | null, error: string | null, absent: boolean): ReviewService {
  if (info && !error) return { kind: 'ready' }
  if (absent) return { kind: 'absent' }
  if (error) return { kind: 'failed', message: error }
  return { kind: 'loading' }
}

/**
 * The document's workflow info, `null` until loaded, and what that says of the review service.
 * Also returns a `refresh` for after an action.
 */
export function useWorkflow(publishedId: string, draftRev: string | undefined): { info: WorkflowInfo | null; error: string | null; service: ReviewService; refresh: () => void } {
  const client = useClient({ apiVersion: WORKFLOW_API_VERSION })
  const entry = entryFor(client, publishedId)
  const info = useSyncExternalStore(
    (listener) => {
      entry.listeners.add(listener)
      return () => {
        entry.listeners.delete(listener)
        // Keep the stream a moment: the document pane re-renders its actions often.
        setTimeout(() => {
          if (entry.listeners.size === 0 && entries.get(`${client.config().dataset}:${publishedId}`) === entry) {
            entry.stop()
            entries.delete(`${client.config().dataset}:${publishedId}`)
          }
        }, 5000)
      }
    },
    () => entry.info,
  )
  // A new draft revision can change the status (an edit voids an approval) and the last editor.
  useEffect(() => {
    if (entry.info && entry.info.draftRevision !== (draftRev ?? null)) entry.refresh()
  }, [draftRev, entry])
  return { info, error: entry.error, service: serviceOf(info, entry.error, entry.absent), refresh: entry.refresh }
}

/** Calls a workflow endpoint and turns the lake's error body into a sentence. */
export async function callWorkflow<T>(client: SanityClient, uri: string, body: unknown, method = 'POST'): Promise<T> {
  try {
    return await client.request<T>({ uri, method, body })
  } catch (error) {
    const described = (error as { response?: { body?: { error?: { description?: string } } } }).response?.body?.error?.description
    throw new Error(described ?? (error instanceof Error ? error.message : String(error)))
  }
}
