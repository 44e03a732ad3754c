'use client'
/**
 * Click-to-edit in staff preview, and the Presentation tool's refreshes.
 *
 * Refreshes: the Presentation tool announces every mutation of the documents it shows, drafts
 * included, over comlink (`presentation/refresh`, source `mutation`); next-sanity's default
 * handler ignores those, so they are handled here: the page re-renders (`router.refresh()`; in
 * draft mode every read is uncached, so the new draft shows, with no reload and scroll kept).
 * Published changes made anywhere reach every preview through `<SanityLive />`
 * (components/preview/PreviewLive.tsx).
 *
 * Click-to-edit: `@sanity/visual-editing` draws overlays on text carrying stega's invisible
 * markers (every string from content, encoded by lib/sanity/client.ts) and on the few elements
 * with `data-sanity` attributes (components/preview/Editable.tsx), and opens the field in the
 * Studio when clicked.
 */
import { VisualEditing } from 'next-sanity/visual-editing/client-component'
import { perspectiveChangeAction } from 'next-sanity/visual-editing/server-actions'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef } from 'react'

type RefreshPayload = { source: 'manual' | 'mutation' }

/**
 * Changes arrive in bursts (the Studio creates a draft, then applies the edit, ~150 ms apart;
 * typing commits every few hundred ms). Refreshing once per burst keeps the server free to
 * render the one that matters: wait until changes pause for DEBOUNCE_MS, but never longer
 * than MAX_WAIT_MS after the first, so continuous typing still shows.
 */
const DEBOUNCE_MS = 180
const MAX_WAIT_MS = 600

function useCoalescedRefresh(): () => void {
  const router = useRouter()
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const firstAt = useRef<number | null>(null)
  useEffect(() => () => clearTimeout(timer.current), [])
  return useCallback(() => {
    const now = Date.now()
    firstAt.current ??= now
    clearTimeout(timer.current)
    const wait = Math.min(DEBOUNCE_MS, firstAt.current + MAX_WAIT_MS - now)
    timer.current = setTimeout(
      () => {
        firstAt.current = null
        router.refresh()
      },
      Math.max(0, wait),
    )
  }, [router])
}

export function PreviewEditing() {
  const refreshSoon = useCoalescedRefresh()

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
