import { formatDate } from '@/lib/time'
import type { SourceRef } from '@/lib/sanity/types'

/**
 * "Source: U.S. Department of State · Stated March 15, 2021". The source links only when it has an
 * address; the date shows only when the content records one (a source that dates nothing gets none).
 */
export function SourceLine({ source, statedAt, className }: { source: SourceRef | null; statedAt: string | null; className?: string }) {
  if (!source?.title && !statedAt) return null
  return (
    <p className={className ?? 'source-line'}>
      {source?.title && <span>Source: {source.url ? <a href={source.url}>{source.title}</a> : source.title}</span>}
      {source?.title && statedAt && <span aria-hidden="true"> · </span>}
      {statedAt && (
        <span>
          Stated <time dateTime={statedAt}>{formatDate(statedAt)}</time>
        </span>
      )}
    </p>
  )
}
