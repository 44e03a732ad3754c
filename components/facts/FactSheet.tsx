import { SourceLine } from '@/components/SourceLine'
import { attributionKey, commonAttribution } from '@/lib/attribution'
import type { FactSection } from '@/lib/sanity/types'
import { FactSectionView } from './FactSectionView'

/**
 * The trip's fact sheet: the source most facts share said once at the top, a section's only where
 * it differs from that, a fact's only where it differs from its section's (the seed's 21 facts,
 * all from one source, carry one line instead of 21).
 */
export function FactSheet({ sections }: { sections: readonly FactSection[] }) {
  const bullets = sections.flatMap((section) => section.bullets ?? [])
  const common = commonAttribution(bullets)
  const everyFact = common !== null && bullets.every((bullet) => attributionKey(bullet) === common.key)
  return (
    <>
      {common && (
        <SourceLine
          source={common.holder.source}
          statedAt={common.holder.statedAt}
          label={everyFact ? 'Source of the facts below' : 'Source, unless a section or fact below names another'}
          className="source-line mb-4"
        />
      )}
      {sections.map((section) => (
        <FactSectionView key={section._key} section={section} statedAbove={common?.key ?? null} />
      ))}
    </>
  )
}
