import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { FactItem } from '@/components/facts/FactItem'
import { FilterForm, FilterSelect } from '@/components/filters/FilterForm'
import { decideView, filtersOf } from '@/lib/listViews'
import { listTag } from '@/lib/revalidation/tags'
import { safeRedirectPath } from '@/lib/safeRedirect'
import { stegaClean } from '@sanity/client/stega'
import { sanityFetch } from '@/lib/sanity/client'
import { FACTS_QUERY } from '@/sanity/queries'

/** Metadata of the fact library in a view (lib/listViews.ts). */
export function factsMetadata(view: string): Metadata {
  const { topic, country } = filtersOf('facts', view)
  const by = [topic && `topic “${topic}”`, country && `country “${country}”`].filter(Boolean).join(' and ')
  return {
    title: by ? `Fact library: ${by}` : 'Fact library',
    description: 'Every sourced fact from the trip fact sheets, with its figures and source (and the date stated, where known), filterable by topic and country.',
    alternates: { canonical: '/facts' },
  }
}

/**
 * The fact library in a view: served at /facts and, filtered, from /lists/facts/<view>. Checked
 * like the trips list (components/lists/TripsList.tsx): values no fact has are dropped, filters
 * that match nothing answer 404 (not cached).
 */
/** The filter choices some public fact has: one per slug, by label. */
function choicesOf(rows: { slug: string | null; label: string | null }[]): { value: string; label: string }[] {
  const bySlug = new Map<string, string>()
  for (const row of rows) if (row.slug && !bySlug.has(row.slug)) bySlug.set(row.slug, row.label ?? row.slug)
  return [...bySlug].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'en'))
}

export async function FactsList({ view }: { view: string }) {
  const filters = filtersOf('facts', view)
  const tags = ['factBullet', 'topic', 'country'].map(listTag)
  // The options come with the facts; read them unfiltered first, so junk values read nothing more.
  const options = await sanityFetch(FACTS_QUERY, { topic: '', country: '' }, tags)
  // Choices are deduplicated and sorted by label: the text as stored, without a preview's markers.
  const topics = choicesOf(options.facts.flatMap((fact) => fact.topics ?? []).map((topic) => ({ slug: topic.slug, label: stegaClean(topic.title) })))
  const countries = choicesOf(options.facts.flatMap((fact) => fact.countries ?? []).map((country) => ({ slug: country.slug, label: stegaClean(country.name) })))
  const decision = decideView('facts', view, { topic: new Set(topics.map((choice) => choice.value)), country: new Set(countries.map((choice) => choice.value)) })
  if (decision.action === 'not-found') notFound()
  if (decision.action === 'redirect') redirect(safeRedirectPath(decision.to))
  const filtered = Boolean(filters.topic || filters.country)
  const { facts } = filtered ? await sanityFetch(FACTS_QUERY, filters, tags) : options
  if (filtered && facts.length === 0) notFound()
  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <h1 className="text-4xl font-bold tracking-tight">Fact library</h1>
      <p className="mt-3 max-w-prose text-lg text-neutral-darker">Every fact from the trip fact sheets, newest first. Each one gives its source and the date it speaks for.</p>
      <FilterForm action="/facts" headingId="fact-filter-heading" heading="Filter facts" filtered={filtered} gridClassName="sm:grid-cols-2">
        <FilterSelect id="fact-topic" name="topic" label="Topic" value={filters.topic} options={topics} />
        <FilterSelect id="fact-country" name="country" label="Country" value={filters.country} options={countries} />
      </FilterForm>
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
