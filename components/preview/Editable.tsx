/**
 * Click-to-edit target for the Presentation tool: in staff preview, wraps text in a span whose
 * `data-sanity` attribute names the document and field, so `<VisualEditing/>` draws an overlay
 * and opens that field in the Studio when clicked. Anywhere else it renders the text unchanged,
 * so public pages (and their cache) carry no editing markup.
 *
 * Why attributes and not stega: stega needs content source maps from the query API, which the
 * lake does not produce, and attributes cannot leak into metadata, feeds or copied text.
 */
import { createDataAttribute } from 'next-sanity'
import type { ReactNode } from 'react'
import { readStudioUrl } from '@/lib/env'
import { previewMode } from '@/lib/preview/mode'

export async function Editable({ id, type, path, children }: { id: string; type: string; path: string; children: ReactNode }) {
  const mode = await previewMode()
  if (mode.kind !== 'staff') return children
  const attribute = createDataAttribute({ id, type, path, baseUrl: readStudioUrl() }).toString()
  return <span data-sanity={attribute}>{children}</span>
}
