/**
 * History mode: pages about officials who have left office stay up as a record, and say so.
 * Collects, from the people a page shows, those with a `leftOffice` date (each once).
 */
import { parseIsoDate } from './time'

export type MaybeFormer = { _id?: string | null; name: string | null; leftOffice?: string | null }

export type FormerOfficial = { id: string; name: string; leftOffice: string }

export function formerOfficials(people: ReadonlyArray<MaybeFormer | null | undefined>): FormerOfficial[] {
  const seen = new Map<string, FormerOfficial>()
  for (const person of people) {
    if (!person?.name || !person.leftOffice || !parseIsoDate(person.leftOffice)) continue
    const id = person._id ?? person.name
    if (!seen.has(id)) seen.set(id, { id, name: person.name, leftOffice: person.leftOffice })
  }
  return [...seen.values()].sort((a, b) => a.leftOffice.localeCompare(b.leftOffice) || a.name.localeCompare(b.name))
}
