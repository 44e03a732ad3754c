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
  portrait { ${imageFields} },
  leftOffice
`

const destinationFields = /* groq */ `
  _key,
  city,
  timeZone,
  location { lat, lng },
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

const figureFields = /* groq */ `
  _key,
  qualifier,
  value,
  scale,
  currency,
  unit,
  period { start, end },
  label
`

const factBulletFields = /* groq */ `
  _id,
  text,
  "figures": figures[] { ${figureFields} },
  source { title, url },
  statedAt,
  "topics": topics[]->{ ${topicFields} },
  "countries": countries[]->{ ${countryFields} }
`

const factSectionFields = /* groq */ `
  _key,
  heading,
  "topic": topic->{ ${topicFields} },
  "bullets": bullets[]->{ ${factBulletFields} }
`

// ---------------------------------------------------------------------------------------------
// Embargo: what the public may see, whatever the back end holds back
// ---------------------------------------------------------------------------------------------
//
// A trip with *Embargoed until* ahead is not public, nor is anything that goes public with it:
// its meetings, and the documents (fact bullets, a lead quote) that only embargoed trips use.
// The lake's workflow refuses to publish them early, but hosted Sanity has no such rule, so
// every public query applies these fragments itself. Preview reads (lib/sanity/client.ts) run
// the same queries: staff see an embargoed draft only in its Studio document, never here.
//
// `now()` is the query's own time on the lake (groq-js) and on hosted Sanity alike. Fail closed:
// an `embargoUntil` that is set but is no RFC 3339 date-time (`dateTime()` gives null, e.g. a
// bare date or a typo) never counts as lifted; `coalesce(..., false)` keeps the test a boolean,
// so its negation (in `notHeldByEmbargo`) is true for such a trip rather than null.

/** In a trip's scope: the trip is public (no embargo, or its lift has passed). */
const tripIsPublic = /* groq */ `((!defined(embargoUntil)) || (coalesce(dateTime(embargoUntil) <= dateTime(now()), false)))`

/**
 * In a meeting's scope: its trip is published and public. A meeting whose trip is not published
 * stays hidden too: the embargo may sit on the trip's unpublished draft, out of the public's view.
 */
const meetingIsPublic = /* groq */ `(count(*[_type == "trip" && _id == ^.trip._ref && ${tripIsPublic}]) > 0)`

/**
 * In a document's scope (fact bullet, quote): no embargoed trip uses it, or a public trip uses it
 * too (an already public fact stays public when an embargoed trip adds it to its sheet).
 */
const notHeldByEmbargo = /* groq */ `(
  (count(*[_type == "trip" && references(^._id) && !${tripIsPublic}]) == 0) ||
  (count(*[_type == "trip" && references(^._id) && ${tripIsPublic}]) > 0)
)`

/** Meetings of the trip in scope (`^`), in programme order. */
const tripMeetings = /* groq */ `
  *[_type == "meeting" && trip._ref == ^._id] | order(date asc, order asc, title asc)
`

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** Home page: every trip, newest first, with dates, destinations and travelling officials. */
export const HOME_QUERY = defineQuery(`
  *[_type == "trip" && defined(slug.current) && ${tripIsPublic}] | order(startDate desc, title asc) {
    ${tripCardFields},
    "officials": officials[]->{ _id, name, "slug": slug.current, title },
    "purposeText": pt::text(purpose),
    "meetingCount": count(*[_type == "meeting" && trip._ref == ^._id]),
    "updatedAt": coalesce(updatedAt, firstPublishedAt)
  }
`)

/** Trip page: everything about one trip. Params: { slug } */
export const TRIP_QUERY = defineQuery(`
  *[_type == "trip" && slug.current == $slug && ${tripIsPublic}][0] {
    ${tripCardFields},
    "officials": officials[]->{ ${officialCardFields} },
    purpose,
    summary,
    "leadQuote": leadQuote->{ ${quoteFields} },
    "meetings": ${tripMeetings} { ${meetingFields} },
    "factSections": factSections[] { ${factSectionFields} },
    "relatedLinks": relatedLinks[defined(url)] { _key, title, url },
    source { title, url },
    firstPublishedAt,
    updatedAt,
    "changeNotes": changeNotes[] { _key, date, note, major },
    withdrawn { at, explanation }
  }
`)

/**
 * Whether a document has a published version: asked by a preview, which reads drafts over the
 * published documents and so cannot tell a never-published draft from a changed one. Params: { id }
 */
export const IS_PUBLISHED_QUERY = defineQuery(`
  count(*[_id == $id]) > 0
`)

/**
 * Printable briefing sheet: the same trip, compact (no images, facts with figures and sources). Params: { slug }
 *
 * `revisions` lists every published document the sheet shows (the trip, its meetings, officials,
 * quote and facts) with `_rev` and `_updatedAt`: together they say which published revision a
 * printed sheet (and its cached PDF) is, and when it was last prepared. They are kept apart from
 * the content fields, whose shapes the trip page's shared components also accept. Officials carry
 * their country's code so the sheet can split the U.S. side from the host side.
 */
export const BRIEFING_QUERY = defineQuery(`
  *[_type == "trip" && slug.current == $slug && ${tripIsPublic}][0] {
    _id,
    title,
    "slug": slug.current,
    startDate,
    endDate,
    destinations[] { _key, city, timeZone, "country": country->name },
    "officials": officials[]->{ _id, name, title, organization, "countryCode": country->code, "countryName": country->name },
    purpose,
    summary,
    "leadQuote": leadQuote->{ text, date, "speakerName": coalesce(speaker->name, speakerName), "speakerTitle": speaker->title },
    "quoteSource": leadQuote->source { title, url },
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
      readoutUrl,
      "hosts": hosts[]->{ _id, name, title, organization, "countryCode": country->code, "countryName": country->name },
      "participants": participants[]->{ _id, name, title, organization, "countryCode": country->code, "countryName": country->name }
    },
    "factSections": factSections[] {
      _key,
      heading,
      "bullets": bullets[]->{ _id, text, "figures": figures[] { ${figureFields} }, source { title, url }, statedAt }
    },
    "relatedLinks": relatedLinks[defined(url)] { _key, title, url },
    source { title, url },
    firstPublishedAt,
    updatedAt,
    "lastModified": _updatedAt,
    "revisions": *[
      (_id == ^._id) ||
      (_type == "meeting" && trip._ref == ^._id) ||
      (_id in ^.officials[]._ref) ||
      (_id == ^.leadQuote._ref) ||
      (_id in ^.factSections[].bullets[]._ref) ||
      (_id in *[_type == "meeting" && trip._ref == ^.^._id].hosts[]._ref) ||
      (_id in *[_type == "meeting" && trip._ref == ^.^._id].participants[]._ref)
    ] | order(_id asc) { _id, _rev, _updatedAt },
    "factMaxAgeMonths": *[_type == "settings" && _id == "settings"][0].factMaxAgeMonths
  }
`)

/** Briefing book form: every trip with its engagements, newest trip first. */
export const BRIEFING_BOOK_CHOICES_QUERY = defineQuery(`
  *[_type == "trip" && defined(slug.current) && ${tripIsPublic}] | order(startDate desc, title asc) {
    _id,
    title,
    "slug": slug.current,
    startDate,
    endDate,
    "meetings": ${tripMeetings} { _id, title, date }
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
    "trips": *[_type == "trip" && ${tripIsPublic} && (
      (^._id in officials[]._ref) ||
      (_id in *[_type == "meeting" && ((^.^._id in hosts[]._ref) || (^.^._id in participants[]._ref))].trip._ref)
    )] | order(startDate desc) {
      ${tripCardFields},
      "travelling": ^._id in officials[]._ref
    },
    "meetings": *[_type == "meeting" && ((^._id in hosts[]._ref) || (^._id in participants[]._ref)) && ${meetingIsPublic}] | order(trip->startDate desc, date asc, order asc, title asc) {
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
    "quotes": *[_type == "quote" && speaker._ref == ^._id && ${notHeldByEmbargo}] | order(date desc) { _id, text, date, source { title, url } }
  }
`)

/** Fact library: every topic with its facts (newest first). */
export const FACT_LIBRARY_QUERY = defineQuery(`
  *[_type == "topic"] | order(title asc) {
    ${topicFields},
    "facts": *[_type == "factBullet" && references(^._id) && ${notHeldByEmbargo}] | order(statedAt desc) { ${factBulletFields} }
  }
`)

/** generateStaticParams for /trips/[slug]. */
export const TRIP_SLUGS_QUERY = defineQuery(`
  *[_type == "trip" && defined(slug.current) && ${tripIsPublic}] | order(startDate desc) { "slug": slug.current }
`)

/** generateStaticParams for /officials/[slug]. */
export const OFFICIAL_SLUGS_QUERY = defineQuery(`
  *[_type == "official" && defined(slug.current)] | order(name asc) { "slug": slug.current }
`)

/** Sitemap: every routable document with its last change. */
export const SITEMAP_QUERY = defineQuery(`
  {
    "trips": *[_type == "trip" && defined(slug.current) && ${tripIsPublic}] | order(startDate desc) {
      "slug": slug.current,
      "lastModified": coalesce(updatedAt, _updatedAt)
    },
    "officials": *[_type == "official" && defined(slug.current)] | order(name asc) {
      "slug": slug.current,
      "lastModified": _updatedAt
    },
    "countries": *[_type == "country" && defined(slug.current)] | order(name asc) {
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
    parentAgency,
    agencyLogo { ${imageFields} },
    pressContact { name, email, phone, url },
    "identifierLinks": identifierLinks[] { _key, title, url },
    requiredLinks { about, accessibility, foia, noFear, inspectorGeneral, performance, privacy }
  }
`)

// ---------------------------------------------------------------------------------------------
// Public readers: trips index, search, facts, countries, feeds and calendars
// ---------------------------------------------------------------------------------------------

/**
 * Trips index. Every filter is optional: an empty string means "any". groq-js only slices with
 * constant numbers, so the page is cut in the portal (lib/pagination.ts); the result is small
 * (card fields only). Params: { year, country, official, topic }
 */
export const TRIPS_QUERY = defineQuery(`
  *[_type == "trip" && defined(slug.current) && ${tripIsPublic}
    && (($year == "") || (string::startsWith(startDate, $year)))
    && (($country == "") || ($country in destinations[].country->slug.current))
    && (($official == "") || ($official in officials[]->slug.current))
    && (($topic == "") || ($topic in factSections[].topic->slug.current) || ($topic in factSections[].bullets[]->topics[]->slug.current))
  ] | order(startDate desc, title asc) {
    ${tripCardFields},
    "officials": officials[]->{ _id, name, "slug": slug.current, title },
    "purposeText": pt::text(purpose),
    "withdrawn": defined(withdrawn.at)
  }
`)

/** Choices for the trips index filters: only values some trip actually has. */
export const TRIP_FILTERS_QUERY = defineQuery(`
  {
    "years": *[_type == "trip" && defined(startDate) && ${tripIsPublic}].startDate,
    "countries": *[_type == "country" && _id in *[_type == "trip" && ${tripIsPublic}].destinations[].country._ref] | order(name asc) { name, "slug": slug.current },
    "officials": *[_type == "official" && _id in *[_type == "trip" && ${tripIsPublic}].officials[]._ref] | order(name asc) { name, "slug": slug.current },
    "topics": *[_type == "topic" && ((_id in *[_type == "trip" && ${tripIsPublic}].factSections[].topic._ref) || (_id in *[_type == "trip" && ${tripIsPublic}].factSections[].bullets[]->topics[]._ref))] | order(title asc) { title, "slug": slug.current }
  }
`)

/**
 * Site search over trips, meetings, officials and fact bullets, ranked by score(). Params:
 * { terms } — an array of words with a trailing "*" so "jap" finds "Japan"; every word must
 * match within one field. Titles and names weigh more than body text.
 */
export const SEARCH_QUERY = defineQuery(`
  *[_type in ["trip", "meeting", "official", "factBullet"] && (
    (title match $terms) || (name match $terms) || (bio match $terms) || (city match $terms)
    || (pt::text(purpose) match $terms) || (pt::text(summary) match $terms)
    || (pt::text(description) match $terms) || (pt::text(text) match $terms)
  ) && select(
    _type == "trip" => ${tripIsPublic},
    _type == "meeting" => ${meetingIsPublic},
    _type == "factBullet" => ${notHeldByEmbargo},
    true
  )]
  | score(
    boost(title match $terms, 5),
    boost(name match $terms, 5),
    boost(city match $terms, 2),
    bio match $terms,
    pt::text(purpose) match $terms,
    pt::text(summary) match $terms,
    pt::text(description) match $terms,
    pt::text(text) match $terms
  )
  | order(_score desc, _updatedAt desc) [0...50] {
    _id,
    _type,
    _score,
    title,
    name,
    "slug": slug.current,
    startDate,
    endDate,
    date,
    statedAt,
    "office": select(_type == "official" => title),
    "text": coalesce(pt::text(purpose), pt::text(text), pt::text(description), bio),
    "trip": trip->{ title, "slug": slug.current },
    "topics": select(_type == "factBullet" => topics[]->{ title }),
    "heading": select(_type == "factBullet" => *[_type == "trip" && references(^._id) && ${tripIsPublic}] | order(startDate desc) { "heading": factSections[^.^._id in bullets[]._ref][0].heading }[0].heading)
  }
`)

/**
 * Fact library. Params: { topic, country } (empty string = any). The filter choices (topics and
 * countries some public fact has) are taken from the unfiltered answer's facts in the portal
 * (components/lists/FactsList.tsx): asking GROQ for them per topic and per country would repeat
 * the embargo test for every fact once per choice.
 */
export const FACTS_QUERY = defineQuery(`
  {
    "facts": *[_type == "factBullet"
      && (($topic == "") || ($topic in topics[]->slug.current))
      && (($country == "") || ($country in countries[]->slug.current))
      && ${notHeldByEmbargo}
    ] | order(statedAt desc, _id asc) { ${factBulletFields} }
  }
`)

/** Countries index: every country with how many trips went there and facts speak of it. */
export const COUNTRIES_QUERY = defineQuery(`
  *[_type == "country" && defined(slug.current)] | order(name asc) {
    ${countryFields},
    "tripCount": count(*[_type == "trip" && ^._id in destinations[].country._ref && ${tripIsPublic}]),
    "factCount": count(*[_type == "factBullet" && ^._id in countries[]._ref && ${notHeldByEmbargo}])
  }
`)

/** Country page: its introduction, trips there (with their destinations, for the map) and fact bullets about it. Params: { slug } */
export const COUNTRY_QUERY = defineQuery(`
  *[_type == "country" && slug.current == $slug][0] {
    ${countryFields},
    introduction,
    "trips": *[_type == "trip" && defined(slug.current) && ^._id in destinations[].country._ref && ${tripIsPublic}] | order(startDate desc) {
      ${tripCardFields},
      "officials": officials[]->{ _id, name, "slug": slug.current, title },
      "purposeText": pt::text(purpose)
    },
    "facts": *[_type == "factBullet" && ^._id in countries[]._ref && ${notHeldByEmbargo}] | order(statedAt desc, _id asc) { ${factBulletFields} },
    "officials": *[_type == "official" && country._ref == ^._id] | order(name asc) { ${officialCardFields} }
  }
`)

/**
 * generateStaticParams for /facts/[id]: every public fact bullet. Published ids only: a draft's id
 * ("drafts.…") never matches, since the page refuses ids with a dot before it asks.
 */
export const FACT_IDS_QUERY = defineQuery(`
  *[_type == "factBullet" && ${notHeldByEmbargo}] | order(_id asc) { "id": _id }
`)

/**
 * A fact's own page: the fact, and the public trips whose fact sheets carry it (with the heading it
 * sits under there). Params: { id }
 */
export const FACT_QUERY = defineQuery(`
  *[_type == "factBullet" && _id == $id && ${notHeldByEmbargo}][0] {
    ${factBulletFields},
    "plainText": pt::text(text),
    "trips": *[_type == "trip" && defined(slug.current) && references(^._id) && ${tripIsPublic}] | order(startDate desc) {
      _id,
      title,
      "slug": slug.current,
      startDate,
      endDate,
      "heading": factSections[^.^._id in bullets[]._ref][0].heading
    }
  }
`)

/** generateStaticParams for /countries/[slug]. */
export const COUNTRY_SLUGS_QUERY = defineQuery(`
  *[_type == "country" && defined(slug.current)] | order(name asc) { "slug": slug.current }
`)

const feedTripFields = /* groq */ `
  _id,
  title,
  "slug": slug.current,
  startDate,
  endDate,
  destinations[] { city, "country": country->name },
  "officials": officials[]->{ name, title },
  "purposeText": pt::text(purpose),
  "published": firstPublishedAt,
  "updated": coalesce(updatedAt, _updatedAt),
  "withdrawnAt": withdrawn.at,
  "majorChanges": changeNotes[major == true && defined(note)] | order(date desc) { date, note }
`

/** Site-wide Atom feed: the most recently changed trips. */
export const FEED_QUERY = defineQuery(`
  *[_type == "trip" && defined(slug.current) && ${tripIsPublic}] | order(coalesce(updatedAt, _updatedAt) desc) [0...50] { ${feedTripFields} }
`)

/** An official's Atom feed: trips they travel on or meet during. Params: { slug } */
export const OFFICIAL_FEED_QUERY = defineQuery(`
  *[_type == "official" && slug.current == $slug][0] {
    _id,
    name,
    title,
    "slug": slug.current,
    "trips": *[_type == "trip" && defined(slug.current) && ${tripIsPublic} && (
      (^._id in officials[]._ref) ||
      (_id in *[_type == "meeting" && ((^.^._id in hosts[]._ref) || (^.^._id in participants[]._ref))].trip._ref)
    )] | order(coalesce(updatedAt, _updatedAt) desc) [0...50] { ${feedTripFields} }
  }
`)

const calendarMeetingFields = /* groq */ `
  _id,
  _createdAt,
  _updatedAt,
  title,
  kind,
  date,
  startsAt,
  endsAt,
  timeZone,
  venue,
  city,
  pressCoverage,
  "descriptionText": pt::text(description)
`

const calendarTripFields = /* groq */ `
  _id,
  _createdAt,
  _updatedAt,
  title,
  "slug": slug.current,
  startDate,
  endDate,
  destinations[] { city, timeZone, "country": country->name },
  "purposeText": pt::text(purpose),
  "withdrawn": defined(withdrawn.at)
`

/** A trip's calendar: the all-day trip and its meetings. Params: { slug } */
export const TRIP_CALENDAR_QUERY = defineQuery(`
  *[_type == "trip" && slug.current == $slug && ${tripIsPublic}][0] {
    ${calendarTripFields},
    "meetings": ${tripMeetings} { ${calendarMeetingFields} }
  }
`)

/** An official's calendar: trips they travel on (all-day) and meetings they host or join. Params: { slug } */
export const OFFICIAL_CALENDAR_QUERY = defineQuery(`
  *[_type == "official" && slug.current == $slug][0] {
    _id,
    name,
    "slug": slug.current,
    "trips": *[_type == "trip" && defined(slug.current) && ^._id in officials[]._ref && ${tripIsPublic}] | order(startDate desc) { ${calendarTripFields} },
    "meetings": *[_type == "meeting" && ((^._id in hosts[]._ref) || (^._id in participants[]._ref)) && ${meetingIsPublic}] | order(date asc, order asc, title asc) {
      ${calendarMeetingFields},
      "trip": trip->{ ${calendarTripFields} }
    }
  }
`)

/** Trip Open Graph image: just what the card shows. Params: { slug } */
export const TRIP_OG_QUERY = defineQuery(`
  *[_type == "trip" && slug.current == $slug && ${tripIsPublic}][0] {
    title,
    startDate,
    endDate,
    destinations[] { city, "country": country->name },
    "officials": officials[]->name
  }
`)

/**
 * The soonest embargo lifts still ahead among published trips, soonest first: cached pages expire
 * at the first, so an embargoed trip appears at its lift without a webhook (lib/embargoLift.ts).
 * A few, not one: an answer cached across a lift still names the lifts after it. An unparseable
 * `embargoUntil` never lifts (see tripIsPublic), so it is no lift to wait for.
 */
export const NEXT_EMBARGO_LIFTS_QUERY = defineQuery(`
  *[_type == "trip" && defined(embargoUntil) && dateTime(embargoUntil) > dateTime(now())]
    | order(dateTime(embargoUntil) asc) [0...10].embargoUntil
`)

// ---------------------------------------------------------------------------------------------
// Revalidation: which pages show a changed document (app/api/revalidate, lib/revalidation)
// ---------------------------------------------------------------------------------------------

/**
 * The published documents that reference the changed ones ($ids), with what the page rules in
 * lib/revalidation/pageTags.ts need of them. Every filter is a `references()` lookup, which the
 * lake answers from its index.
 */
export const REFERRERS_QUERY = defineQuery(`
  *[references($ids)] {
    _id,
    _type,
    "trip": trip._ref,
    "hosts": hosts[]._ref,
    "participants": participants[]._ref,
    "officials": officials[]._ref,
    "countries": destinations[].country._ref
  }
`)

/**
 * The pages (trips, officials, countries, by slug) that show any of the given documents:
 * $direct are shown on their own page or on a page named by the caller; pages that reference
 * $ids show them directly; trip pages that reference $through show them through a quote or fact.
 */
export const PAGES_SHOWING_QUERY = defineQuery(`
  *[_type in ["trip", "official", "country"] && defined(slug.current) && (
    (_id in $direct) || (references($ids)) || (_type == "trip" && references($through))
  )] { _type, "slug": slug.current }
`)

// ---------------------------------------------------------------------------------------------
// The daily public schedule (app/schedule, lib/dailySchedule.ts)
// ---------------------------------------------------------------------------------------------

/**
 * A public engagement is a meeting with a local date and an announced start. Officials carry
 * their `precedence` (order of precedence, lower first) for the schedule's grouping; the trip
 * carries what the calendar (lib/calendar.ts) and the travel lines need.
 */
const scheduleOfficialFields = /* groq */ `
  _id,
  name,
  "slug": slug.current,
  title,
  precedence
`

const scheduleEngagementFields = /* groq */ `
  ${calendarMeetingFields},
  format,
  order,
  otherParticipants,
  "hosts": hosts[]->{ ${scheduleOfficialFields} },
  "participants": participants[]->{ ${scheduleOfficialFields} },
  "trip": trip->{ ${calendarTripFields} }
`

/**
 * Every date that has a public engagement, for the schedule's routes to check a date against
 * before reading it (so a date with nothing on it is never read, nor cached) and for the links
 * to the days before and after.
 */
export const SCHEDULE_DATES_QUERY = defineQuery(`
  array::unique(*[_type == "meeting" && defined(date) && defined(startsAt) && ${meetingIsPublic}] | order(date asc).date)
`)

/**
 * One day's schedule. Params: { date } ("YYYY-MM-DD", a meeting's local date). Engagements in
 * start order; trips under way that day, for the "on travel to …" lines of their officials
 * (including those with no engagement of their own that day).
 */
export const DAILY_SCHEDULE_QUERY = defineQuery(`
  {
    "engagements": *[_type == "meeting" && date == $date && defined(startsAt) && ${meetingIsPublic}] | order(startsAt asc, order asc, title asc) {
      ${scheduleEngagementFields}
    },
    "trips": *[_type == "trip" && defined(slug.current) && ${tripIsPublic} && startDate <= $date && coalesce(endDate, startDate) >= $date] | order(startDate asc, title asc) {
      _id,
      title,
      "slug": slug.current,
      startDate,
      endDate,
      destinations[] { city, "country": country->name },
      "officials": officials[]->{ ${scheduleOfficialFields} }
    }
  }
`)

/** The schedule's Atom feed: the latest engagements, newest date first (grouped by day in lib/dailySchedule.ts). */
export const SCHEDULE_FEED_QUERY = defineQuery(`
  *[_type == "meeting" && defined(date) && defined(startsAt) && ${meetingIsPublic}] | order(date desc, startsAt asc) [0...500] {
    ${scheduleEngagementFields}
  }
`)
