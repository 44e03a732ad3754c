/**
 * Synthetic content for the daily public schedule. The seed (sanity/seed) holds only what its
 * source page says, and that page dates none of its engagements, so the schedule has nothing to
 * show from it. These documents demonstrate it: a trip and timed engagements of the seed's
 * officials, every one marked as made up — ids start with `synthetic-`, `synthetic: true`, and
 * every title ends in "(synthetic)". They are written to a lake by scripts/synthetic-schedule.ts
 * (`npm run seed:synthetic`), never into the seed file.
 *
 * The dates are fixed (June 10–12, 2030), so tests and links can name them:
 * - June 10: four timed engagements in Tokyo (one at 8:00 AM JST, which is June 9 in
 *   Washington) and one with a date but no time, which the schedule must leave out;
 * - June 11: one engagement;
 * - June 12: the trip goes on, but no engagement: no schedule for that date.
 */
import { ids as seedIds, portableText, type SeedDocument } from '../../sanity/seed/build'

export const SYNTHETIC_PREFIX = 'synthetic-'

export const syntheticIds = {
  trip: 'synthetic-trip-2030-06-tokyo',
  breakfast: 'synthetic-meeting-2030-06-10-breakfast',
  foreignMinister: 'synthetic-meeting-2030-06-10-foreign-minister',
  defenseMinister: 'synthetic-meeting-2030-06-10-defense-minister',
  twoPlusTwo: 'synthetic-meeting-2030-06-10-two-plus-two',
  untimed: 'synthetic-meeting-2030-06-10-embassy-staff',
  pressAvailability: 'synthetic-meeting-2030-06-11-press-availability',
} as const

export const SYNTHETIC_TRIP_SLUG = 'synthetic-demonstration-trip-to-tokyo'
export const SYNTHETIC_DATES = { start: '2030-06-10', busyDay: '2030-06-10', secondDay: '2030-06-11', quietDay: '2030-06-12', end: '2030-06-12' } as const

/** The seed documents the synthetic ones reference: they must be in the dataset first. */
export const SYNTHETIC_REFERENCES = [seedIds.official.blinken, seedIds.official.austin, seedIds.official.motegi, seedIds.official.kishi, seedIds.country.japan] as const

const ref = (id: string) => ({ _type: 'reference', _ref: id })
const refs = (...list: string[]) => list.map((id) => ({ _type: 'reference', _ref: id, _key: id.replace(/^official-/, '') }))

function meeting(id: string, fields: Record<string, unknown>): SeedDocument {
  return {
    _id: id,
    _type: 'meeting',
    synthetic: true,
    trip: ref(syntheticIds.trip),
    city: 'Tokyo',
    timeZone: 'Asia/Tokyo',
    format: 'inPerson',
    ...fields,
  }
}

/** The synthetic trip and its meetings. They reference the seed's officials and countries, which must be in the dataset. */
export function syntheticScheduleDocuments(): SeedDocument[] {
  const { blinken, austin, motegi, kishi } = seedIds.official
  return [
    {
      _id: syntheticIds.trip,
      _type: 'trip',
      synthetic: true,
      title: 'Demonstration trip to Tokyo (synthetic)',
      slug: { _type: 'slug', current: SYNTHETIC_TRIP_SLUG },
      startDate: SYNTHETIC_DATES.start,
      endDate: SYNTHETIC_DATES.end,
      destinations: [{ _type: 'destination', _key: 'tokyo', city: 'Tokyo', country: ref(seedIds.country.japan), timeZone: 'Asia/Tokyo' }],
      officials: refs(blinken, austin),
      purpose: portableText('synthetic-purpose', 'Synthetic content: made up to demonstrate the daily public schedule. No such trip was announced.'),
    },
    meeting(syntheticIds.breakfast, {
      title: 'Breakfast with business leaders (synthetic)',
      kind: 'roundtable',
      date: SYNTHETIC_DATES.busyDay,
      startsAt: '2030-06-09T23:00:00Z',
      endsAt: '2030-06-10T00:00:00Z',
      venue: 'Ambassador’s residence',
      participants: refs(blinken),
      otherParticipants: ['business leaders'],
      pressCoverage: 'closed',
      order: 1,
    }),
    meeting(syntheticIds.foreignMinister, {
      title: 'Meeting with the Minister for Foreign Affairs (synthetic)',
      kind: 'bilateral',
      date: SYNTHETIC_DATES.busyDay,
      startsAt: '2030-06-10T01:00:00Z',
      endsAt: '2030-06-10T01:45:00Z',
      venue: 'Ministry of Foreign Affairs',
      participants: refs(blinken, motegi),
      pressCoverage: 'pooledCameraSpray',
      order: 2,
    }),
    meeting(syntheticIds.defenseMinister, {
      title: 'Meeting with the Minister of Defense (synthetic)',
      kind: 'bilateral',
      date: SYNTHETIC_DATES.busyDay,
      startsAt: '2030-06-10T01:30:00Z',
      endsAt: '2030-06-10T02:30:00Z',
      venue: 'Ministry of Defense',
      participants: refs(austin, kishi),
      pressCoverage: 'cameraSpray',
      order: 3,
    }),
    meeting(syntheticIds.twoPlusTwo, {
      title: 'Security Consultative Committee (“2+2”) (synthetic)',
      kind: 'twoPlusTwo',
      date: SYNTHETIC_DATES.busyDay,
      startsAt: '2030-06-10T05:00:00Z',
      endsAt: '2030-06-10T06:30:00Z',
      venue: 'Iikura Guest House',
      hosts: refs(motegi, kishi),
      participants: refs(blinken, austin),
      pressCoverage: 'open',
      order: 4,
    }),
    meeting(syntheticIds.untimed, {
      title: 'Meeting with embassy staff (synthetic)',
      kind: 'other',
      date: SYNTHETIC_DATES.busyDay,
      participants: refs(blinken),
      order: 5,
    }),
    meeting(syntheticIds.pressAvailability, {
      title: 'Joint press availability (synthetic)',
      kind: 'pressAvailability',
      date: SYNTHETIC_DATES.secondDay,
      startsAt: '2030-06-11T02:00:00Z',
      endsAt: '2030-06-11T02:45:00Z',
      venue: 'Iikura Guest House',
      participants: refs(blinken, austin),
      pressCoverage: 'pooled',
    }),
  ]
}
