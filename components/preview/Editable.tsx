/**
 * Click-to-edit target for the Presentation tool where stega cannot reach: in staff preview,
 * wraps text in a span whose `data-sanity` attribute names the document and field, so
 * `<VisualEditing/>` draws an overlay and opens that field in the Studio when clicked. Anywhere
 * else it renders the text unchanged, so public pages (and their cache) carry no editing markup.
 *
 * Every string the page shows from content is click-to-edit through stega (lib/sanity/client.ts),
 * which needs the string itself to carry the marker. This is for what stega cannot mark:
 * - text the portal writes in place of an empty field (MeetingItem's "Untitled meeting"), so an
 *   editor can still reach the field to fill it in;
 * - a meeting's time (components/trip/MeetingTime.tsx): computed from the `startsAt` instant in the
 *   meeting's zone, and instants stay clean of stega (they are parsed), so no string carries it.
 * Anything else (non-string fields, images, computed text) shows no overlay today.
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
