'use client'
/**
 * Click-to-edit and live updates inside the Studio's Presentation tool (staff preview only).
 *
 * Live updates: next-sanity's `defineLive`/`<SanityLive>` would need the Live Content API
 * (`/vX/data/live/events/{dataset}`, sync tags per query result), which the lake does not serve,
 * and it would also tie freshness to the portal's cache tags. Instead this component uses what
 * the Presentation tool itself sends over comlink: on every change of the document being edited
 * it posts `presentation/refresh` with `source: 'mutation'`, after the lake has committed it. We
 * answer with `router.refresh()`, which re-renders the server components; in draft mode every
 * read is uncached (`no-store`), so the new draft shows in well under 2 s with no reload, and
 * client state (scroll position) is kept. next-sanity's default handler ignores mutation refreshes
 * (it expects SanityLive to do the work), hence the custom handler.
 *
 * Click-to-edit: `@sanity/visual-editing` draws overlays on elements carrying `data-sanity`
 * attributes (lib/preview/editing.ts) and opens the field in the Studio when one is clicked.
 */
import { VisualEditing } from 'next-sanity/visual-editing/client-component'
import { perspectiveChangeAction } from 'next-sanity/visual-editing/server-actions'
import { useRouter } from 'next/navigation'
import { useCallback } from 'react'

type RefreshPayload = { source: 'manual' | 'mutation' }

export function PreviewEditing() {
  const router = useRouter()
  const refresh = useCallback(
    (payload: RefreshPayload) => {
      if (payload.source !== 'manual' && payload.source !== 'mutation') return false
      router.refresh()
      // Lets the Presentation tool show its "refreshing" state until the new render has landed.
      return new Promise<void>((resolve) => setTimeout(resolve, 300))
    },
    [router],
  )
  return <VisualEditing refresh={refresh} onPerspectiveChange={perspectiveChangeAction} zIndex={1000} />
}
