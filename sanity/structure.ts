import { CalendarIcon, CogIcon, CommentIcon, EarthGlobeIcon, TagIcon, UserIcon, UsersIcon, BulbOutlineIcon } from '@sanity/icons'
import type { StructureResolver } from 'sanity/structure'
import { SETTINGS_ID } from './schemaTypes'

const API_VERSION = '2025-02-19'

/** Envoy's desk: trips and their programmes first, then people, facts and reference data. */
export const structure: StructureResolver = (S) =>
  S.list()
    .title('Envoy')
    .items([
      S.documentTypeListItem('trip').title('Trips').icon(CalendarIcon),
      S.listItem()
        .title('Meetings')
        .icon(UsersIcon)
        .child(
          S.list()
            .title('Meetings')
            .items([
              S.listItem()
                .title('All meetings')
                .child(
                  S.documentTypeList('meeting')
                    .title('All meetings')
                    .defaultOrdering([
                      { field: 'date', direction: 'asc' },
                      { field: 'order', direction: 'asc' },
                    ]),
                ),
              S.listItem()
                .title('By trip')
                .child(
                  S.documentTypeList('trip')
                    .title('Meetings by trip')
                    .child((tripId) =>
                      S.documentList()
                        .title('Meetings')
                        .apiVersion(API_VERSION)
                        .schemaType('meeting')
                        .filter('_type == "meeting" && trip._ref == $tripId')
                        .params({ tripId })
                        .defaultOrdering([
                          { field: 'date', direction: 'asc' },
                          { field: 'order', direction: 'asc' },
                        ])
                        .initialValueTemplates([S.initialValueTemplateItem('meeting-for-trip', { tripId })]),
                    ),
                ),
              S.listItem()
                .title('Date to be announced')
                .child(S.documentList().title('Date to be announced').apiVersion(API_VERSION).schemaType('meeting').filter('_type == "meeting" && !defined(date)')),
            ]),
        ),
      S.documentTypeListItem('official').title('Officials').icon(UserIcon),
      S.divider(),
      S.listItem()
        .title('Fact library')
        .icon(BulbOutlineIcon)
        .child(
          S.list()
            .title('Fact library')
            .items([
              S.listItem().title('All facts').child(S.documentTypeList('factBullet').title('All facts')),
              S.listItem()
                .title('By topic')
                .child(
                  S.documentTypeList('topic')
                    .title('Facts by topic')
                    .child((topicId) =>
                      S.documentList().title('Facts').apiVersion(API_VERSION).schemaType('factBullet').filter('_type == "factBullet" && $topicId in topics[]._ref').params({ topicId }),
                    ),
                ),
              S.listItem()
                .title('By country')
                .child(
                  S.documentTypeList('country')
                    .title('Facts by country')
                    .child((countryId) =>
                      S.documentList().title('Facts').apiVersion(API_VERSION).schemaType('factBullet').filter('_type == "factBullet" && $countryId in countries[]._ref').params({ countryId }),
                    ),
                ),
              S.listItem()
                .title('Figures of unknown age')
                .child(
                  S.documentList()
                    .title('Figures of unknown age')
                    .apiVersion(API_VERSION)
                    .schemaType('factBullet')
                    .filter('_type == "factBullet" && !defined(statedAt) && count(figures[!defined(period.end)]) > 0'),
                ),
            ]),
        ),
      S.documentTypeListItem('quote').title('Quotes').icon(CommentIcon),
      S.divider(),
      S.documentTypeListItem('country').title('Countries').icon(EarthGlobeIcon),
      S.documentTypeListItem('topic').title('Topics').icon(TagIcon),
      S.divider(),
      S.listItem().title('Settings').id('settings').icon(CogIcon).child(S.document().schemaType('settings').documentId(SETTINGS_ID).title('Settings')),
    ])
