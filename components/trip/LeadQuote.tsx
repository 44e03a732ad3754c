import { formatDate } from '@/lib/time'

import type { BriefingQuote } from '@/lib/sanity/types'

/** The trip's lead quote, attributed in full: speaker, office and date. */
export function LeadQuote({ quote, compact = false }: { quote: BriefingQuote; compact?: boolean }) {
  if (!quote.text) return null
  const who = [quote.speakerTitle && quote.speakerName ? `${quote.speakerTitle} ${quote.speakerName}` : quote.speakerName].filter(Boolean)
  return (
    <figure className={`avoid-break border-l-4 border-primary ${compact ? 'pl-3' : 'bg-primary-lighter/40 py-4 pr-4 pl-5'}`}>
      <blockquote className={`font-serif ${compact ? 'text-[1.05em] italic' : 'text-xl leading-relaxed'}`}>
        <p>“{quote.text}”</p>
      </blockquote>
      {(who.length > 0 || quote.date) && (
        <figcaption className={`mt-2 text-neutral-darker ${compact ? 'text-[0.9em]' : 'text-sm'}`}>
          — {who.join('')}
          {quote.date && (
            <>
              , <time dateTime={quote.date}>{formatDate(quote.date)}</time>
            </>
          )}
        </figcaption>
      )}
    </figure>
  )
}
