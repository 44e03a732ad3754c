/**
 * The workflow state of one document, as the lake describes it (GET /data/workflow/{ds}/documents/{id}),
 * kept current: refetched when the draft's revision changes and whenever the lake announces a
 * change to the document's workflow document.
 *
 * Badges and several actions of one document share one subscription (documentStream.ts).
 */
import { useEffect } from 'react'
import type { SanityClient } from 'sanity'
import { useClient } from 'sanity'
import { documentStreams } from './documentStream'
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

type Snapshot = { info: WorkflowInfo | null; error: string | null; absent: boolean }

export function workflowPath(client: SanityClient, ...parts: string[]): string {
  return ['/data', parts[0], client.config().dataset, ...parts.slice(1).map(encodeURIComponent)].join('/')
}

const useWorkflowStream = documentStreams<Snapshot>({
  initial: { info: null, error: null, absent: false },
  load: (client, id, current) =>
    client.request<WorkflowInfo>({ uri: workflowPath(client, 'workflow', 'documents', id) }).then(
      (info) => ({ info, error: null, absent: false }),
      (error: unknown) => ({
        info: current.info,
        error: error instanceof Error ? error.message : String(error),
        // 404: no workflow endpoints at all (hosted Sanity without the editorial plugin).
        absent: typeof error === 'object' && error !== null && (error as { statusCode?: unknown }).statusCode === 404,
      }),
    ),
  listen: (client, id) => client.listen(`*[_id == $workflowId]`, { workflowId: workflowIdOf(id) }, { visibility: 'query', includeResult: false }),
})

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
  const { value, refresh, current } = useWorkflowStream(useClient({ apiVersion: WORKFLOW_API_VERSION }), publishedId)
  const { info, error, absent } = value
  // A new draft revision can change the status (an edit voids an approval) and the last editor.
  // Only a new revision reloads: an answer that still names another revision does not ask again.
  useEffect(() => {
    const known = current().info
    if (known && known.draftRevision !== (draftRev ?? null)) refresh()
  }, [draftRev, current, refresh])
  return { info, error, service: serviceOf(info, error, absent), refresh }
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
