import { ReaderDate } from '@/components/ReaderDate'
import { citationText, type Citable } from '@/lib/citation'

/** The "cite this" block of a fact's page: the citation as plain text, to select and copy. */
export function CiteThis({ citation }: { citation: Citable }) {
  return (
    <section aria-labelledby="cite-this" className="mt-10 max-w-prose rounded-sm border border-neutral-light bg-neutral-lightest p-4">
      <h2 id="cite-this" className="text-xl font-bold">
        Cite this
      </h2>
      <p className="mt-2 font-serif leading-relaxed" data-testid="citation">
        {citationText(citation)} Accessed <ReaderDate fallback="on the day you read it" />.
      </p>
      <p className="mt-2 text-sm text-neutral-dark">
        Permanent link: <a href={citation.url}>{citation.url}</a>
      </p>
    </section>
  )
}
