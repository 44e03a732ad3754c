/**
 * schema.org descriptions for search engines: Event for trips and meetings, Person for officials,
 * GovernmentOrganization for the publisher. Built as plain objects and serialised safely.
 */
import { stegaClean } from '@sanity/client/stega'

export type JsonLdObject = { [key: string]: JsonLdValue }
type JsonLdValue = string | number | boolean | null | undefined | JsonLdObject | JsonLdValue[]

/**
 * JSON for a <script> element: "<" is escaped so content can never close the script early.
 * Its data is often built from a page's own read, which in staff preview carries stega's
 * invisible click-to-edit markers: they are removed here, in one place, since machines read
 * this text and no one clicks it (JSON leaves the zero-width characters unescaped, so cleaning
 * the serialized text removes every one).
 */
export function serializeJsonLd(data: JsonLdObject | JsonLdObject[]): string {
  return stegaClean(JSON.stringify(data)).replace(/</g, '\\u003c')
}

export function organizationLd(site: string, name: string, sameAs: readonly string[] = []): JsonLdObject {
  return {
    '@type': 'GovernmentOrganization',
    '@id': `${site}/#publisher`,
    name,
    url: `${site}/`,
    ...(sameAs.length > 0 ? { sameAs: [...sameAs] } : {}),
  }
}

export function personLd(
  site: string,
  official: { slug: string | null; name: string | null; title: string | null; organization: string | null; bio?: string | null; image?: string | null },
): JsonLdObject {
  return {
    '@type': 'Person',
    '@id': `${site}/officials/${official.slug ?? ''}#person`,
    name: official.name ?? undefined,
    jobTitle: official.title ?? undefined,
    description: official.bio ?? undefined,
    image: official.image ?? undefined,
    url: `${site}/officials/${official.slug ?? ''}`,
    ...(official.organization ? { worksFor: { '@type': 'GovernmentOrganization', name: official.organization } } : {}),
  }
}

function place(city: string | null, country: string | null): JsonLdObject {
  return {
    '@type': 'Place',
    name: [city, country].filter(Boolean).join(', '),
    address: { '@type': 'PostalAddress', addressLocality: city ?? undefined, addressCountry: country ?? undefined },
  }
}

export function tripEventLd(
  site: string,
  trip: {
    slug: string
    title: string | null
    startDate: string | null
    endDate: string | null
    description: string | null
    withdrawn: boolean
    destinations: ReadonlyArray<{ city: string | null; country: { name: string | null } | null }>
    officials: ReadonlyArray<{ slug: string | null; name: string | null; title: string | null; organization: string | null }>
    meetings: ReadonlyArray<{
      _id: string
      title: string | null
      date: string | null
      startsAt: string | null
      endsAt: string | null
      venue: string | null
      city: string | null
      format: string | null
    }>
  },
): JsonLdObject {
  const url = `${site}/trips/${trip.slug}`
  return {
    '@type': 'Event',
    '@id': `${url}#event`,
    name: trip.title ?? undefined,
    description: trip.description ?? undefined,
    url,
    startDate: trip.startDate ?? undefined,
    endDate: trip.endDate ?? trip.startDate ?? undefined,
    eventStatus: trip.withdrawn ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: trip.destinations.map((d) => place(d.city, d.country?.name ?? null)),
    organizer: { '@id': `${site}/#publisher` },
    performer: trip.officials.map((o) => personLd(site, { ...o, bio: null })),
    subEvent: trip.meetings
      .filter((m) => m.startsAt || m.date)
      .map((m) => ({
        '@type': 'Event',
        '@id': `${url}#${m._id}`,
        name: m.title ?? undefined,
        startDate: m.startsAt ?? m.date ?? undefined,
        endDate: m.endsAt ?? undefined,
        eventAttendanceMode: m.format === 'virtual' ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
        location: m.format === 'virtual' ? { '@type': 'VirtualLocation', url } : place(m.venue ? `${m.venue}${m.city ? `, ${m.city}` : ''}` : m.city, null),
      })),
  }
}
