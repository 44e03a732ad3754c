import type { Briefing } from '@/lib/sanity/types'

type Person = NonNullable<Briefing['officials']>[number]

/** Officials from everywhere on the sheet, once each, in the order first met. */
export function collectParticipants(groups: ReadonlyArray<readonly Person[] | null>): Person[] {
  const seen = new Map<string, Person>()
  for (const group of groups) for (const person of group ?? []) if (!seen.has(person._id)) seen.set(person._id, person)
  return [...seen.values()]
}

/**
 * Who is in the room, by side: the U.S. delegation, then each other country (the host first,
 * as the destinations list it). An official's side is their `country`, not the meeting's role.
 */
export function BriefingParticipants({ people, hostCountries, headingLevel }: { people: readonly Person[]; hostCountries: readonly string[]; headingLevel: 2 | 3 }) {
  if (people.length === 0) return null
  const us = people.filter((p) => p.countryCode === 'US')
  const others = new Map<string, Person[]>()
  for (const person of people) {
    if (person.countryCode === 'US') continue
    const key = person.countryName ?? 'Other participants'
    others.set(key, [...(others.get(key) ?? []), person])
  }
  const otherSides = [...others.entries()].sort(([a], [b]) => rank(hostCountries, a) - rank(hostCountries, b) || a.localeCompare(b))
  const sides = [
    ...(us.length ? [{ label: 'U.S. side', people: us }] : []),
    ...otherSides.map(([country, list]) => ({ label: `${hostCountries.includes(country) ? 'Host side' : 'Other side'}: ${country}`, people: list })),
  ]
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const SideHeading = headingLevel === 2 ? 'h3' : 'h4'
  return (
    <section aria-label="Participants" className="mt-3 print:mt-2">
      <Heading className="mb-1 border-b border-neutral-lighter text-[1.05em] font-bold uppercase tracking-wide text-primary-darker">Participants</Heading>
      <div className="grid gap-x-6 gap-y-1 sm:grid-cols-2 print:grid-cols-2">
        {sides.map((side) => (
          <div key={side.label} className="avoid-break">
            <SideHeading className="text-[0.95em] font-bold">{side.label}</SideHeading>
            <ul className="list-none p-0">
              {side.people.map((p) => (
                <li key={p._id}>
                  <span className="font-semibold">{p.name}</span>
                  {p.title && <span>, {p.title}</span>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  )
}

function rank(list: readonly string[], value: string): number {
  const index = list.indexOf(value)
  return index === -1 ? list.length : index
}
