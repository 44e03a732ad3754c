/**
 * A plain citation for a page, in the order most house styles share: who, what, when it was stated,
 * where, when it was read. Hand-written because it is a single line of joined parts: citation
 * libraries (citation-js and the like) format bibliographies in hundreds of styles, far more than a
 * "cite this" line needs, and none knows this site's rule that an unknown date is left out, never guessed.
 */
import { formatDate } from '@/lib/time'

export interface Citable {
  /** Who issued the content, e.g. "U.S. Department of State". */
  agency: string
  /** What is cited: the fact's wording or the page's title. */
  title: string
  /** The date the content was stated, only when the content records one. */
  statedAt: string | null
  /** The page's permanent address. */
  url: string
}

/** Everything but the accessed date, which is the reader's own (see components/ReaderDate.tsx). */
export function citationText({ agency, title, statedAt, url }: Citable): string {
  const quoted = `“${title.trim().replace(/[.\s]+$/, '')}.”`
  return [`${agency.trim().replace(/\.$/, '')}.`, quoted, statedAt ? `Stated ${formatDate(statedAt)}.` : null, `${url}.`].filter(Boolean).join(' ')
}
