import type { ReactNode } from 'react'
import { RichText } from '@/components/RichText'
import { attributionText, sharedAttribution } from '@/lib/attribution'
import type { FactSection } from '@/lib/sanity/types'
import { SourceMarker, type SourceNumbers } from './BriefingSources'

/**
 * Fact sections for print. Every fact stays attributed, with the marker of its entry in the
 * numbered source list: once for the whole list when all share a source (and date), once per
 * section when that section agrees, otherwise after each bullet.
 */
export function BriefingFacts({ sections, headingLevel = 3, sourceNumbers }: { sections: readonly FactSection[]; headingLevel?: 3 | 4; sourceNumbers: SourceNumbers }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  const bullets = sections.flatMap((s) => s.bullets)
  const overall = sharedAttribution(bullets)
  return (
    <div className="space-y-2">
      {overall && (
        <Attribution>
          All facts: {overall}
          <SourceMarker source={bullets[0]?.source} numbers={sourceNumbers} />.
        </Attribution>
      )}
      {sections.map((section) => {
        const perSection = overall ? null : sharedAttribution(section.bullets)
        const perBullet = !overall && !perSection
        return (
          <section key={section._key} aria-labelledby={`b-facts-${section._key}`}>
            <Heading id={`b-facts-${section._key}`} className="break-after-avoid text-[0.95em] font-bold text-primary-darker">
              {section.heading}
            </Heading>
            {perSection && (
              <Attribution>
                Source: {perSection}
                <SourceMarker source={section.bullets[0]?.source} numbers={sourceNumbers} />.
              </Attribution>
            )}
            <ul className="mt-0.5 list-disc space-y-0.5 pl-4">
              {section.bullets.map((bullet) => (
                <li key={bullet._id}>
                  <RichText value={bullet.text} className="inline [&_p]:inline" />
                  {perBullet && attributionText(bullet) && (
                    <span className="text-[0.85em] text-neutral-dark">
                      {' '}
                      [{attributionText(bullet)}]<SourceMarker source={bullet.source} numbers={sourceNumbers} />
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}

function Attribution({ children }: { children: ReactNode }) {
  return <p className="text-[0.85em] italic text-neutral-dark">{children}</p>
}
