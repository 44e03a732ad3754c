/**
 * Live updates in staff preview: next-sanity's `<SanityLive />` (lib/sanity/live.ts) listens to
 * the content source's Live Content API from the browser and refreshes the page on every change
 * it announces. In draft mode every read is uncached, so a refresh is all it takes to show the new
 * content, with no reload and the scroll kept; `action="refresh"` says so directly rather than
 * through next-sanity's default action, a server action that only answers "refresh" in draft mode.
 */
import { getLive } from '@/lib/sanity/live'

export function PreviewLive() {
  const { SanityLive } = getLive()
  // No connection log in the console: staff do not read it, and tests watch it for errors.
  return <SanityLive action="refresh" onWelcome={false} />
}
