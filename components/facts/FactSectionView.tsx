import Link from 'next/link'
import { RichText } from '@/components/RichText'
import { SourceLine } from '@/components/SourceLine'
import { FigureStat } from './FigureStat'
import type { FactSection } from '@/lib/sanity/types'

/**
 * One fact-sheet section: its figures set off as stat cards, then every bullet with its source (and
 * date, where known) and, on screen pages, a link to the fact's own page to cite it by.
 */
export function FactSectionView({ section, headingLevel = 3, factLinks = false }: { section: FactSection; headingLevel?: 2 | 3; factLinks?: boolean }) {
  const bullets = section.bullets ?? []
  const figures = bullets.flatMap((bullet) => (bullet.figures ?? []).map((figure) => ({ id: `${bullet._id}-${figure._key}`, figure })))
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby={`facts-${section._key}`} className="mt-8 first:mt-0">
      <Heading id={`facts-${section._key}`} className="text-xl font-bold text-ink">
        {section.heading ?? 'Facts'}
      </Heading>
      {figures.length > 0 && (
        <div className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {figures.map(({ id, figure }) => (
            <FigureStat key={id} figure={figure} />
          ))}
        </div>
      )}
      <ul className="mt-4 space-y-4">
        {bullets.map((bullet) => (
          <li key={bullet._id} className="fact-bullet">
            <RichText value={bullet.text} />
            <SourceLine source={bullet.source} statedAt={bullet.statedAt} />
            {factLinks && (
              <p className="text-sm print:hidden">
                <Link href={`/facts/${bullet._id}`}>Link to or cite this fact</Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
