import Link from 'next/link'
import { RichText } from '@/components/RichText'
import { SourceLine } from '@/components/SourceLine'
import { attributionKey, commonAttribution } from '@/lib/attribution'
import type { FactSection } from '@/lib/sanity/types'

/**
 * One fact-sheet section on the trip page: every bullet in the source's words, the section's
 * source said once under its heading (unless the fact sheet already says it: `statedAbove`, the
 * attribution key the enclosing sheet states), and a bullet's own source only where it differs.
 * A figure is read in the bullet's words, where the source wrote it; the fact's own page and the
 * fact library set the figures off from their data.
 */
export function FactSectionView({ section, statedAbove }: { section: FactSection; statedAbove: string | null }) {
  const bullets = section.bullets ?? []
  const common = commonAttribution(bullets)
  const stated = common?.key ?? statedAbove ?? ''
  return (
    <section aria-labelledby={`facts-${section._key}`} className="mt-5 first:mt-0">
      <h3 id={`facts-${section._key}`} className="text-lg font-bold leading-snug text-ink">
        {section.heading ?? 'Facts'}
      </h3>
      {common && common.key !== statedAbove && <SourceLine source={common.holder.source} statedAt={common.holder.statedAt} label="Source of this section’s facts" />}
      <ul className="fact-list">
        {bullets.map((bullet) => {
          const own = attributionKey(bullet)
          return (
            <li key={bullet._id}>
              {/* At the end of the fact's last sentence, so 21 facts do not take 21 more lines; the name says what it does. */}
              <RichText
                value={bullet.text}
                trailing={
                  <Link href={`/facts/${bullet._id}`} className="fact-cite print:hidden">
                    Cite<span className="sr-only"> this fact</span>
                  </Link>
                }
              />
              {own !== stated && (own === '' ? <p className="source-line">No source recorded for this fact.</p> : <SourceLine source={bullet.source} statedAt={bullet.statedAt} />)}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
