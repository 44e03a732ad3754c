/**
 * Names for the parts of query results that components take as props. Everything is derived
 * from TypeGen's output (sanity.types.ts), so a query change shows up here as a type error.
 *
 * Components shared by the trip page and the briefing sheet take the briefing query's shapes:
 * they are the smaller ones, and the trip query's richer objects are assignable to them.
 */
import type { BlockContent, BRIEFING_QUERY_RESULT, HOME_QUERY_RESULT, OFFICIAL_QUERY_RESULT, SETTINGS_QUERY_RESULT, TRIP_QUERY_RESULT } from '@/sanity.types'

type Item<T> = T extends ReadonlyArray<infer U> ? U : never

export type Trip = NonNullable<TRIP_QUERY_RESULT>
export type Briefing = NonNullable<BRIEFING_QUERY_RESULT>
export type OfficialDetail = NonNullable<OFFICIAL_QUERY_RESULT>

export type RichText = BlockContent

/** What OfficialName needs; met by the trip, meeting and officials-list projections alike. */
export type OfficialCard = Pick<Item<Trip['officials']>, '_id' | 'name' | 'slug' | 'title' | 'organization'>

export type Destination = Item<Trip['destinations']>

export type Meeting = Item<Trip['meetings']>
export type BriefingMeeting = Item<Briefing['meetings']>
export type MeetingKind = Meeting['kind']
export type MeetingFormat = NonNullable<Meeting['format']>
export type PressCoverage = NonNullable<Meeting['pressCoverage']>

export type FactSection = Item<NonNullable<Briefing['factSections']>>
export type FactBullet = Item<FactSection['bullets']>
export type Figure = Item<NonNullable<FactBullet['figures']>>
export type SourceRef = NonNullable<FactBullet['source']>

export type RelatedLink = Item<NonNullable<Trip['relatedLinks']>>
export type RequiredLinks = NonNullable<NonNullable<SETTINGS_QUERY_RESULT>['requiredLinks']>
type Settings = NonNullable<SETTINGS_QUERY_RESULT>
export type AgencyLogo = NonNullable<Settings['agencyLogo']>
export type PressContact = NonNullable<Settings['pressContact']>
export type IdentifierLink = Item<NonNullable<NonNullable<SETTINGS_QUERY_RESULT>['identifierLinks']>>

export type TripCardData = Pick<Item<HOME_QUERY_RESULT>, '_id' | 'title' | 'slug' | 'startDate' | 'endDate' | 'destinations' | 'officials' | 'purposeText'> & { withdrawn?: boolean | null }
export type BriefingQuote = NonNullable<Briefing['leadQuote']>
