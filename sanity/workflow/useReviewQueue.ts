/**
 * The review queue, kept current: fetched once, then again whenever a workflow document or a
 * draft changes (a submission, an approval, a rejection, or an edit that returns a document to
 * Draft), through the Studio client's own listener.
 */
import { useEffect, useState } from 'react'
import { useClient } from 'sanity'
import { WORKFLOW_API_VERSION } from './useWorkflow'
import { REVIEW_QUEUE_QUERY, parseQueue, reviewQueueParams, type QueueRow } from './reviewQueue'

/** Typing in a draft sends a burst of events; one refetch per pause is enough for a work list. */
const REFETCH_PAUSE_MS = 400

export function useReviewQueue(): { rows: QueueRow[] | null; error: string | null } {
  const client = useClient({ apiVersion: WORKFLOW_API_VERSION })
  const [rows, setRows] = useState<QueueRow[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () => {
      client
        .fetch<unknown>(REVIEW_QUEUE_QUERY, reviewQueueParams, { perspective: 'raw' })
        .then((answer) => {
          if (cancelled) return
          setRows(parseQueue(answer))
          setError(null)
        })
        .catch((problem: unknown) => {
          if (!cancelled) setError(problem instanceof Error ? problem.message : String(problem))
        })
    }
    // Drafts send listeners events only when asked (includeAllVersions, API 2025-02-19 and later).
    const subscription = client.listen(`*[_type == $workflowType || _id in path("drafts.**")]`, reviewQueueParams, { visibility: 'query', includeResult: false, includeAllVersions: true }).subscribe({
      next: () => {
        clearTimeout(timer)
        timer = setTimeout(load, REFETCH_PAUSE_MS)
      },
      error: (problem: unknown) => {
        if (!cancelled) setError(`The desk stopped following changes: ${problem instanceof Error ? problem.message : String(problem)}. Reload to resume.`)
      },
    })
    load()
    return () => {
      cancelled = true
      clearTimeout(timer)
      subscription.unsubscribe()
    }
  }, [client])

  return { rows, error }
}
