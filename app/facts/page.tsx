import type { Metadata } from 'next'
import Link from 'next/link'
import { FactItem } from '@/components/facts/FactItem'
import { param } from '@/lib/pagination'
import { sanityFetch } from '@/lib/sanity/client'
import { FACTS_QUERY } from '@/sanity/queries'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

async function readFilters(searchParams: SearchParams) {
  const raw = await searchParams
  return { topic: param(raw.topic), country: param(raw.country) }
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { topic, country } = await readFilters(searchParams)
  const by = [topic && `topic “${topic}”`, country && `country “${country}”`].filter(Boolean).join(' and ')
  return {
    title: by ? `Fact library: ${by}` : 'Fact library',
    description: 'Every sourced fact from the trip fact sheets, with its figure, source and as-of date, filterable by topic and country.',
    alternates: { canonical: '/facts' },
  }
}

export default async function FactsPage({ searchParams }: { searchParams: SearchParams }) {
  const filters = await readFilters(searchParams)
  const { facts, topics, countries } = await sanityFetch(FACTS_QUERY, filters, ['factBullet', 'topic', 'country'])
  const filtered = Boolean(filters.topic || filters.country)
  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <h1 className="text-4xl font-bold tracking-tight">Fact library</h1>
      <p className="mt-3 max-w-prose text-lg text-neutral-darker">
        Every fact from the trip fact sheets, newest first. Each one gives its source and the date it speaks for.
      </p>
      <form method="get" action="/facts" aria-labelledby="fact-filter-heading" className="mt-8 rounded-sm border border-neutral-lighter bg-neutral-lightest p-4">
        <h2 id="fact-filter-heading" className="text-lg font-bold">
          Filter facts
        </h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="fact-topic" className="block font-semibold">
              Topic
            </label>
            <select id="fact-topic" name="topic" defaultValue={filters.topic} className="mt-1 w-full rounded-sm border border-neutral-dark bg-white px-2 py-1.5">
              <option value="">Any topic</option>
              {topics.map((topic) => (
                <option key={topic.slug} value={topic.slug ?? ''}>
                  {topic.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="fact-country" className="block font-semibold">
              Country
            </label>
            <select id="fact-country" name="country" defaultValue={filters.country} className="mt-1 w-full rounded-sm border border-neutral-dark bg-white px-2 py-1.5">
              <option value="">Any country</option>
              {countries.map((country) => (
                <option key={country.slug} value={country.slug ?? ''}>
                  {country.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded-sm bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
            Apply filters
          </button>
          {filtered && <Link href="/facts">Clear filters</Link>}
        </div>
      </form>
      <section aria-labelledby="fact-results" className="mt-10">
        <h2 id="fact-results" className="text-2xl font-bold">
          {facts.length === 0 ? 'No facts match' : `${facts.length} ${facts.length === 1 ? 'fact' : 'facts'}`}
        </h2>
        {facts.length === 0 ? (
          <p className="mt-3">
            No fact matches these filters. <Link href="/facts">See every fact</Link>.
          </p>
        ) : (
          <ul className="mt-3">
            {facts.map((fact) => (
              <FactItem key={fact._id} fact={fact} />
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
