import { formatDate } from '@/lib/time'
import type { SourceRef } from '@/lib/sanity/types'

/**
 * "Source: U.S. Department of State · Stated March 15, 2021". The source links only when it has an
 * address; the date shows only when the content records one (a source that dates nothing gets none).
 * `label` names what the source is for when it speaks for a group ("Source of this section’s facts").
 */
export function SourceLine({ source, statedAt, className, label = 'Source' }: { source: SourceRef | null; statedAt: string | null; className?: string; label?: string }) {
  if (!source?.title && !statedAt) return null
  return (
    <p className={className ?? 'source-line'}>
      {source?.title && (
        <span>
          {label}: {source.url ? <a href={source.url}>{source.title}</a> : source.title}
        </span>
      )}
      {source?.title && statedAt && <span aria-hidden="true"> · </span>}
      {statedAt && (
        <span>
          Stated <time dateTime={statedAt}>{formatDate(statedAt)}</time>
        </span>
      )}
    </p>
  )
}
