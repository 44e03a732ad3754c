/**
 * Shown on every page while previewing, in print too: a printed draft must say it is one.
 * Staff see it in the Studio's Presentation tool and in their own tab; share-link reviewers see
 * which single document's changes the page includes and when the link expires.
 */
import type { PreviewMode } from '@/lib/preview/mode'
import { formatWashingtonDateTime } from '@/lib/time'
import { ExitPreviewLink } from './ExitPreviewLink'

export function PreviewBanner({ mode }: { mode: Exclude<PreviewMode, { kind: 'off' }> }) {
  return (
    <section aria-label="Preview" data-testid="preview-banner" className="border-b-4 border-[#b50909] bg-[#f4e3db] px-4 py-2 text-sm text-ink print:border print:border-black">
      <div className="mx-auto flex max-w-page flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <p>
          <strong>Preview: includes unpublished changes.</strong>{' '}
          {mode.kind === 'share' ? (
            <span>A shared preview of one document’s changes; not for distribution. The link expires {formatWashingtonDateTime(mode.expiresAt)}.</span>
          ) : mode.perspective === 'published' ? (
            <span>Showing the published version (switched in the Studio).</span>
          ) : (
            <span>Readers see none of this until it is published.</span>
          )}
        </p>
        <ExitPreviewLink />
      </div>
    </section>
  )
}
