import type { Metadata } from 'next'
import Link from 'next/link'
import { Highlight } from '@/components/Highlight'
import { SearchForm } from '@/components/search/SearchForm'
import { param } from '@/lib/pagination'
import { sanityFetch } from '@/lib/sanity/client'
import { matchTerms, searchWords, snippet } from '@/lib/search'
import { factTitle } from '@/lib/factTitle'
import { formatDate, formatDateRange } from '@/lib/time'
import type { SEARCH_QUERY_RESULT } from '@/sanity.types'
import { SEARCH_QUERY } from '@/sanity/queries'
import { listTag } from '@/lib/revalidation/tags'

type SearchParams = Promise<Record<string, string | string[] | undefined>>
type Hit = SEARCH_QUERY_RESULT[number]

const typeLabels: Record<Hit['_type'], string> = {
  trip: 'Trip',
  meeting: 'Meeting',
  official: 'Official',
  factBullet: 'Fact',
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const q = param((await searchParams).q, 200)
  return {
    title: q ? `Search results for “${q}”` : 'Search',
    description: 'Search official trips, meetings, officials and fact sheet bullets.',
    // Result pages are endless variations of one page: keep them out of search engines.
    robots: { index: false, follow: true },
  }
}

function hitLink(hit: Hit): string | null {
  switch (hit._type) {
    case 'trip':
      return hit.slug ? `/trips/${hit.slug}` : null
    case 'official':
      return hit.slug ? `/officials/${hit.slug}` : null
    case 'meeting':
      return hit.trip?.slug ? `/trips/${hit.trip.slug}#schedule` : null
    case 'factBullet':
      return `/facts/${hit._id}`
  }
}

function hitTitle(hit: Hit): string {
  if (hit._type === 'official') return hit.name ?? 'Official'
  // A fact has no title of its own: it is named by where it sits, and its words follow as the snippet.
  if (hit._type === 'factBullet') return factTitle({ heading: hit.heading, topics: hit.topics })
  return hit.title ?? 'Untitled'
}

function hitContext(hit: Hit): string | null {
  switch (hit._type) {
    case 'trip':
      return hit.startDate ? formatDateRange(hit.startDate, hit.endDate) : null
    case 'meeting':
      return [hit.date ? formatDate(hit.date) : 'Date to be announced', hit.trip?.title ? `part of ${hit.trip.title}` : null].filter(Boolean).join(', ')
    case 'official':
      return hit.office
    case 'factBullet':
      return hit.statedAt ? `Stated ${formatDate(hit.statedAt)}` : null
  }
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const q = param((await searchParams).q, 200)
  const words = searchWords(q)
  const hits =
    words.length > 0 ? await sanityFetch(SEARCH_QUERY, { terms: matchTerms(words) }, ['trip', 'meeting', 'official', 'factBullet', 'quote', 'country', 'topic'].map(listTag), { stega: false }) : []

  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <h1 className="text-4xl font-bold tracking-tight">{q ? `Search results for “${q}”` : 'Search'}</h1>
      <SearchForm label="Search this site" id="search-page-q" defaultValue={q} size="large" />

      {q && (
        <section aria-labelledby="search-results" className="mt-10">
          <h2 id="search-results" className="text-2xl font-bold">
            {hits.length === 0 ? 'No results' : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}${hits.length === 50 ? ' (the 50 best)' : ''}`}
          </h2>
          {hits.length === 0 ? (
            <div className="mt-3 max-w-prose">
              <p>Nothing matches “{q}”. Try fewer or shorter words, or browse instead:</p>
              <ul className="mt-2 list-disc pl-6">
                <li>
                  <Link href="/trips">All trips</Link>
                </li>
                <li>
                  <Link href="/facts">The fact library</Link>
                </li>
                <li>
                  <Link href="/officials">Officials</Link>
                </li>
              </ul>
            </div>
          ) : (
            <ol className="mt-3">
              {hits.map((hit) => {
                const href = hitLink(hit)
                const title = hitTitle(hit)
                const context = hitContext(hit)
                const text = hit._type === 'factBullet' ? snippet(hit.text, words, 320) : snippet(hit.text, words)
                return (
                  <li key={hit._id} className="border-t border-neutral-lighter py-4">
                    <p className="text-sm font-semibold text-neutral-dark">
                      {typeLabels[hit._type]}
                      {context && <span className="font-normal"> · {context}</span>}
                    </p>
                    <h3 className="mt-1 text-lg font-bold">
                      {href ? (
                        <Link href={href}>
                          <Highlight text={title} words={words} />
                        </Link>
                      ) : (
                        <Highlight text={title} words={words} />
                      )}
                    </h3>
                    {text && hit._type !== 'factBullet' && (
                      <p className="mt-1 max-w-prose text-neutral-darker">
                        <Highlight text={text} words={words} />
                      </p>
                    )}
                    {hit._type === 'factBullet' && text && (
                      <p className="mt-1 max-w-prose text-neutral-darker">
                        <Highlight text={text} words={words} />
                      </p>
                    )}
                  </li>
                )
              })}
            </ol>
          )}
        </section>
      )}
    </div>
  )
}
