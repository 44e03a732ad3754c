'use client'
/**
 * Click-to-edit and live updates in staff preview.
 *
 * Live updates: every change committed to the content lake re-renders the page (`router.refresh()`;
 * in draft mode every read is uncached, so the new draft shows, with no reload and scroll kept).
 * Two signals, both handled by one throttle:
 * - the Live Content API stream (`/data/live/events`, which the lake serves), relayed by
 *   /api/draft-mode/live because draft events need the server's token. It fires as soon as the
 *   lake commits, for edits made anywhere (another Studio tab, a script).
 * - the Presentation tool's own `presentation/refresh` (source `mutation`) over comlink, sent for
 *   the document open beside the preview; next-sanity's default handler ignores it.
 * next-sanity's `defineLive`/`<SanityLive>` is not used: it matches events to queries by the
 * `syncTags` the query API returns, which the lake does not compute, and it would need a token in
 * the browser to see drafts. Refreshing on any change is coarser but always correct, and cheap for
 * one staff member's page.
 *
 * Click-to-edit: `@sanity/visual-editing` draws overlays on elements carrying `data-sanity`
 * attributes (components/preview/Editable.tsx) and opens the field in the Studio when clicked.
 */
import { VisualEditing } from 'next-sanity/visual-editing/client-component'
import { perspectiveChangeAction } from 'next-sanity/visual-editing/server-actions'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef } from 'react'

type RefreshPayload = { source: 'manual' | 'mutation' }

/** At most one refresh per this many ms while edits stream in; the last edit always gets one. */
const THROTTLE_MS = 250

function useThrottledRefresh(): () => void {
  const router = useRouter()
  const last = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  return useCallback(() => {
    const wait = last.current + THROTTLE_MS - Date.now()
    if (wait <= 0) {
      last.current = Date.now()
      router.refresh()
      return
    }
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      last.current = Date.now()
      router.refresh()
    }, wait)
  }, [router])
}

export function PreviewEditing() {
  const refreshSoon = useThrottledRefresh()

  useEffect(() => {
    const events = new EventSource('/api/draft-mode/live')
    events.addEventListener('message', refreshSoon)
    // A restart means events may have been missed: refresh once.
    events.addEventListener('restart', refreshSoon)
    return () => events.close()
  }, [refreshSoon])

  const refresh = useCallback(
    (payload: RefreshPayload) => {
      if (payload.source !== 'manual' && payload.source !== 'mutation') return false
      refreshSoon()
      // Lets the Presentation tool show its "refreshing" state until the new render has landed.
      return new Promise<void>((resolve) => setTimeout(resolve, 300))
    },
    [refreshSoon],
  )
  return <VisualEditing refresh={refresh} onPerspectiveChange={perspectiveChangeAction} zIndex={1000} />
}
