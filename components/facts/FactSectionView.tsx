import { RichText } from '@/components/RichText'
import { SourceLine } from '@/components/SourceLine'
import { FigureStat } from './FigureStat'
import type { FactSection } from '@/lib/sanity/types'

/** One fact-sheet section: its figures set off as stat cards, then every bullet with its source (and date, where known). */
export function FactSectionView({ section, headingLevel = 3 }: { section: FactSection; headingLevel?: 2 | 3 }) {
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
          </li>
        ))}
      </ul>
    </section>
  )
}
