import Link from 'next/link'
import { RichText } from '@/components/RichText'
import { SourceLine } from '@/components/SourceLine'
import type { FactBullet } from '@/lib/sanity/types'
import { FigureStack } from './FigureStat'

type LibraryFact = FactBullet & {
  topics: ReadonlyArray<{ _id: string; title: string | null; slug: string | null }> | null
  countries: ReadonlyArray<{ _id: string; name: string | null; slug: string | null }> | null
}

/** One fact bullet in the library: its figures, the words, source and date stated (where known), and what it is about. */
export function FactItem({ fact }: { fact: LibraryFact }) {
  const figures = fact.figures ?? []
  return (
    <li id={fact._id} className={`border-t border-neutral-lighter py-5 ${figures.length > 0 ? 'grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]' : ''}`}>
      <FigureStack figures={figures} />
      <div className="min-w-0">
        <RichText value={fact.text} className="max-w-prose leading-relaxed" />
        <SourceLine source={fact.source} statedAt={fact.statedAt} />
        <p className="text-sm">
          <Link href={`/facts/${fact._id}`}>Link to or cite this fact</Link>
        </p>
        {((fact.topics?.length ?? 0) > 0 || (fact.countries?.length ?? 0) > 0) && (
          <p className="mt-1 text-sm text-neutral-dark">
            {(fact.topics ?? []).map((topic, index) => (
              <span key={topic._id}>
                {index === 0 ? 'Topic: ' : ', '}
                {/* A plain link: filtered lists are rewritten by the proxy (proxy.ts) to their own route, which the
                    router's prefetch of "/facts" cannot load (it answered 404); a page load gets it from the cache. */}
                {topic.slug ? <a href={`/facts?topic=${topic.slug}`}>{topic.title}</a> : topic.title}
              </span>
            ))}
            {(fact.topics?.length ?? 0) > 0 && (fact.countries?.length ?? 0) > 0 && <span aria-hidden="true"> · </span>}
            {(fact.countries ?? []).map((country, index) => (
              <span key={country._id}>
                {index === 0 ? 'About: ' : ', '}
                {country.slug ? <Link href={`/countries/${country.slug}`}>{country.name}</Link> : country.name}
              </span>
            ))}
          </p>
        )}
      </div>
    </li>
  )
}
