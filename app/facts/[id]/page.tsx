import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { CiteThis } from '@/components/facts/CiteThis'
import { FigureStack } from '@/components/facts/FigureStat'
import { RichText } from '@/components/RichText'
import { SourceLine } from '@/components/SourceLine'
import { readSiteUrl } from '@/lib/env'
import { factTitle } from '@/lib/factTitle'
import { loadSiteIdentity } from '@/lib/publisher'
import { listTag } from '@/lib/revalidation/tags'
import { sanityFetch } from '@/lib/sanity/client'
import { factIdParams, isKnownFactId } from '@/lib/sanity/staticParams'
import { snippet } from '@/lib/search'
import { formatDateRange } from '@/lib/time'
import { FACT_QUERY } from '@/sanity/queries'

export const revalidate = 60

type Params = { id: string }

export const generateStaticParams = factIdParams

async function loadFact(id: string) {
  if (!(await isKnownFactId(id))) return null
  // Expired by any published fact or trip: a trip's embargo or fact sheet decides what shows here.
  return sanityFetch(FACT_QUERY, { id }, ['factBullet', 'trip'].map(listTag))
}

function titleOf(fact: NonNullable<Awaited<ReturnType<typeof loadFact>>>): string {
  return factTitle({ heading: fact.trips[0]?.heading, topics: fact.topics })
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { id } = await params
  const fact = await loadFact(id)
  if (!fact) return { title: 'Fact not found' }
  return {
    title: titleOf(fact),
    description: snippet(fact.plainText, [], 200),
    alternates: { canonical: `/facts/${id}` },
  }
}

export default async function FactPage({ params }: { params: Promise<Params> }) {
  const { id } = await params
  const fact = await loadFact(id)
  if (!fact) notFound()
  const { publisher } = await loadSiteIdentity()
  const title = titleOf(fact)
  const figures = fact.figures ?? []
  return (
    <div className="mx-auto max-w-page px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/facts">Facts</Link> <span aria-hidden="true">›</span> <span className="text-neutral-dark">{title}</span>
      </nav>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">{title}</h1>
      <article className={`mt-6 ${figures.length > 0 ? 'grid gap-6 sm:grid-cols-[12rem_minmax(0,1fr)]' : ''}`}>
        <FigureStack figures={figures} />
        <div className="min-w-0">
          <RichText value={fact.text} className="max-w-prose text-lg leading-relaxed" />
          <SourceLine source={fact.source} statedAt={fact.statedAt} />
          {(fact.topics ?? []).length > 0 && (
            <p className="mt-1 text-sm text-neutral-dark">
              Topic:{' '}
              {(fact.topics ?? []).map((topic, index) => (
                <span key={topic._id}>
                  {index > 0 && ', '}
                  {/* A plain link: the filtered list is rewritten by proxy.ts, and the client router's
                      prefetch of it from this route answers 404; a full load is always right. */}
                  <a href={`/facts?topic=${topic.slug}`}>{topic.title}</a>
                </span>
              ))}
            </p>
          )}
          {(fact.countries ?? []).length > 0 && (
            <p className="mt-1 text-sm text-neutral-dark">
              About:{' '}
              {(fact.countries ?? []).map((country, index) => (
                <span key={country._id}>
                  {index > 0 && ', '}
                  <Link href={`/countries/${country.slug}`}>{country.name}</Link>
                </span>
              ))}
            </p>
          )}
        </div>
      </article>

      {fact.trips.length > 0 && (
        <section aria-labelledby="fact-trips" className="mt-10">
          <h2 id="fact-trips" className="text-2xl font-bold">
            On the fact sheet of
          </h2>
          <ul className="mt-3">
            {fact.trips.map((trip) => (
              <li key={trip._id} className="border-t border-neutral-lighter py-3">
                <Link href={`/trips/${trip.slug}#fact-sheet`} className="font-semibold">
                  {trip.title}
                </Link>
                <p className="text-sm text-neutral-dark">
                  {[trip.startDate ? formatDateRange(trip.startDate, trip.endDate) : null, trip.heading ? `under “${trip.heading}”` : null].filter(Boolean).join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <CiteThis citation={{ agency: fact.source.title || publisher, title: fact.plainText ?? title, statedAt: fact.statedAt, url: `${readSiteUrl()}/facts/${fact._id}` }} />
    </div>
  )
}
