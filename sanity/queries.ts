/**
 * Every GROQ query the portal runs, with shared fragments.
 *
 * TypeGen reads this file (see `typegen` in sanity.cli.ts) and writes one result type per query to
 * sanity.types.ts, named after the constant: TRIP_QUERY → TRIP_QUERYResult.
 *
 * Conventions:
 * - Every `||` is bracketed, because `&&` binds tighter and a bare `||` silently widens a filter.
 * - Dates are calendar strings ("2021-03-15"); `startsAt`/`endsAt` are instants and only present when
 *   a time was announced. A meeting with no `date` is "Date to be announced".
 * - Meetings sort by date (undated last: GROQ sorts null after values in ascending order), then by
 *   `order`, then by title. On an official's page they group by trip, newest trip first.
 */
import { defineQuery } from 'next-sanity'

// ---------------------------------------------------------------------------------------------
// Fragments (plain strings; TypeGen resolves them because they are constants in this file)
// ---------------------------------------------------------------------------------------------

const countryFields = /* groq */ `
  _id,
  name,
  code,
  "slug": slug.current
`

const topicFields = /* groq */ `
  _id,
  title,
  "slug": slug.current
`

const imageFields = /* groq */ `
  alt,
  hotspot,
  crop,
  asset->{
    _id,
    url,
    metadata { lqip, dimensions { width, height, aspectRatio } }
  }
`

const officialCardFields = /* groq */ `
  _id,
  name,
  "slug": slug.current,
  title,
  organization,
  "country": country->{ ${countryFields} },
  portrait { ${imageFields} }
`

const destinationFields = /* groq */ `
  _key,
  city,
  timeZone,
  "country": country->{ ${countryFields} }
`

const quoteFields = /* groq */ `
  _id,
  text,
  date,
  source { title, url },
  "speakerName": coalesce(speaker->name, speakerName),
  "speaker": speaker->{ ${officialCardFields} }
`

const tripCardFields = /* groq */ `
  _id,
  title,
  "slug": slug.current,
  startDate,
  endDate,
  destinations[] { ${destinationFields} }
`

const meetingFields = /* groq */ `
  _id,
  title,
  kind,
  date,
  startsAt,
  endsAt,
  format,
  venue,
  city,
  timeZone,
  pressCoverage,
  description,
  agenda,
  otherParticipants,
  readoutUrl,
  order,
  "hosts": hosts[]->{ ${officialCardFields} },
  "participants": participants[]->{ ${officialCardFields} }
`

const factBulletFields = /* groq */ `
  _id,
  text,
  figure { qualifier, value, unit, label },
  source { title, url },
  asOf,
  "topics": topics[]->{ ${topicFields} },
  "countries": countries[]->{ ${countryFields} }
`

const factSectionFields = /* groq */ `
  _key,
  heading,
  "topic": topic->{ ${topicFields} },
  "bullets": bullets[]->{ ${factBulletFields} }
`

/** Meetings of the trip in scope (`^`), in programme order. */
const tripMeetings = /* groq */ `
  *[_type == "meeting" && trip._ref == ^._id] | order(date asc, order asc, title asc)
`

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** Home page: every trip, newest first, with dates, destinations and travelling officials. */
export const HOME_QUERY = defineQuery(`
  *[_type == "trip" && defined(slug.current)] | order(startDate desc, title asc) {
    ${tripCardFields},
    "officials": officials[]->{ _id, name, "slug": slug.current, title },
    "purposeText": pt::text(purpose),
    "meetingCount": count(*[_type == "meeting" && trip._ref == ^._id]),
    "updatedAt": coalesce(updatedAt, firstPublishedAt)
  }
`)

/** Trip page: everything about one trip. Params: { slug } */
export const TRIP_QUERY = defineQuery(`
  *[_type == "trip" && slug.current == $slug][0] {
    ${tripCardFields},
    "officials": officials[]->{ ${officialCardFields} },
    purpose,
    summary,
    "leadQuote": leadQuote->{ ${quoteFields} },
    "meetings": ${tripMeetings} { ${meetingFields} },
    "factSections": factSections[] { ${factSectionFields} },
    "relatedLinks": relatedLinks[] { _key, title, url },
    source { title, url },
    firstPublishedAt,
    updatedAt,
    "lastModified": _updatedAt
  }
`)

/** Printable briefing sheet: the same trip, compact (no images, facts with figures and sources). Params: { slug } */
export const BRIEFING_QUERY = defineQuery(`
  *[_type == "trip" && slug.current == $slug][0] {
    _id,
    title,
    "slug": slug.current,
    startDate,
    endDate,
    destinations[] { _key, city, timeZone, "country": country->name },
    "officials": officials[]->{ _id, name, title, organization },
    purpose,
    summary,
    "leadQuote": leadQuote->{ text, date, "speakerName": coalesce(speaker->name, speakerName), "speakerTitle": speaker->title },
    "meetings": ${tripMeetings} {
      _id,
      title,
      kind,
      date,
      startsAt,
      endsAt,
      format,
      venue,
      city,
      timeZone,
      pressCoverage,
      description,
      agenda,
      otherParticipants,
      "hosts": hosts[]->{ _id, name, title },
      "participants": participants[]->{ _id, name, title }
    },
    "factSections": factSections[] {
      _key,
      heading,
      "bullets": bullets[]->{ _id, text, figure { qualifier, value, unit, label }, source { title, url }, asOf }
    },
    "relatedLinks": relatedLinks[] { _key, title, url },
    source { title, url },
    firstPublishedAt,
    updatedAt,
    "lastModified": _updatedAt
  }
`)

/** Officials index: everyone, by name. */
export const OFFICIALS_QUERY = defineQuery(`
  *[_type == "official" && defined(slug.current)] | order(name asc) { ${officialCardFields} }
`)

/**
 * Official page: the official, the trips they travelled on or met during, the meetings they host or
 * join, and their quotes. Params: { slug }
 */
export const OFFICIAL_QUERY = defineQuery(`
  *[_type == "official" && slug.current == $slug][0] {
    ${officialCardFields},
    bio,
    "trips": *[_type == "trip" && (
      (^._id in officials[]._ref) ||
      (_id in *[_type == "meeting" && ((^.^._id in hosts[]._ref) || (^.^._id in participants[]._ref))].trip._ref)
    )] | order(startDate desc) {
      ${tripCardFields},
      "travelling": ^._id in officials[]._ref
    },
    "meetings": *[_type == "meeting" && ((^._id in hosts[]._ref) || (^._id in participants[]._ref))] | order(trip->startDate desc, date asc, order asc, title asc) {
      _id,
      title,
      kind,
      date,
      startsAt,
      endsAt,
      format,
      city,
      timeZone,
      order,
      "role": select(^._id in hosts[]._ref => "host", "participant"),
      "trip": trip->{ _id, title, "slug": slug.current, startDate, endDate, "timeZone": destinations[0].timeZone }
    },
    "quotes": *[_type == "quote" && speaker._ref == ^._id] | order(date desc) { _id, text, date, source { title, url } }
  }
`)

/** Fact library: every topic with its facts (newest first). */
export const FACT_LIBRARY_QUERY = defineQuery(`
  *[_type == "topic"] | order(title asc) {
    ${topicFields},
    "facts": *[_type == "factBullet" && references(^._id)] | order(asOf desc) { ${factBulletFields} }
  }
`)

/** generateStaticParams for /trips/[slug]. */
export const TRIP_SLUGS_QUERY = defineQuery(`
  *[_type == "trip" && defined(slug.current)] | order(startDate desc) { "slug": slug.current }
`)

/** generateStaticParams for /officials/[slug]. */
export const OFFICIAL_SLUGS_QUERY = defineQuery(`
  *[_type == "official" && defined(slug.current)] | order(name asc) { "slug": slug.current }
`)

/** Sitemap: every routable document with its last change. */
export const SITEMAP_QUERY = defineQuery(`
  {
    "trips": *[_type == "trip" && defined(slug.current)] | order(startDate desc) {
      "slug": slug.current,
      "lastModified": coalesce(updatedAt, _updatedAt)
    },
    "officials": *[_type == "official" && defined(slug.current)] | order(name asc) {
      "slug": slug.current,
      "lastModified": _updatedAt
    }
  }
`)

/** Site settings singleton (_id "settings"). */
export const SETTINGS_QUERY = defineQuery(`
  *[_type == "settings" && _id == "settings"][0] {
    title,
    description,
    siteUrl,
    publisher,
    "identifierLinks": identifierLinks[] { _key, title, url }
  }
`)
