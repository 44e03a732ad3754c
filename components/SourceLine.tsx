import { formatDate } from '@/lib/time'
import type { SourceRef } from '@/lib/sanity/types'

/** "Source: U.S. Department of State · As of March 15, 2021". The source links only when it has an address. */
export function SourceLine({ source, asOf, className }: { source: SourceRef | null; asOf: string | null; className?: string }) {
  if (!source?.title && !asOf) return null
  return (
    <p className={className ?? 'source-line'}>
      {source?.title && (
        <span>
          Source: {source.url ? <a href={source.url}>{source.title}</a> : source.title}
        </span>
      )}
      {source?.title && asOf && <span aria-hidden="true"> · </span>}
      {asOf && (
        <span>
          As of <time dateTime={asOf}>{formatDate(asOf)}</time>
        </span>
      )}
    </p>
  )
}
