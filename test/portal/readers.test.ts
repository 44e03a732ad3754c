import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import ICAL from 'ical.js'
import { XMLParser } from 'fast-xml-parser'
import { officialCalendar, sequenceOf, tripCalendar, uidOf, type CalendarMeeting } from '../../lib/calendar'
import { tripsAtom } from '../../lib/feed'
import { serializeJsonLd } from '../../lib/jsonld'
import { pageNumber, paginate } from '../../lib/pagination'
import { highlightParts, matchTerms, searchWords, snippet } from '../../lib/search'
import { majorChanges, publicationLine, publishedAt, updatedAt } from '../../lib/timeliness'
import { tripDays, tripTotals } from '../../lib/tripStats'

const SITE = 'https://envoy.example.gov'

const trip = {
  _id: 'trip-1',
  _createdAt: '2021-03-01T00:00:00Z',
  _updatedAt: '2021-03-02T00:00:00Z',
  title: 'Trip to Tokyo',
  slug: 'tokyo',
  startDate: '2021-03-15',
  endDate: '2021-03-17',
  destinations: [{ city: 'Tokyo', timeZone: 'Asia/Tokyo', country: 'Japan' }],
  purposeText: 'To meet.',
  withdrawn: false,
}

const meeting = (overrides: Partial<CalendarMeeting> = {}): CalendarMeeting => ({
  _id: 'meeting-1',
  _createdAt: '2021-03-01T00:00:00Z',
  _updatedAt: '2021-03-01T00:00:10Z',
  title: '2+2',
  kind: 'twoPlusTwo',
  startsAt: '2021-03-16T01:00:00Z',
  endsAt: '2021-03-16T02:30:00Z',
  timeZone: null,
  venue: 'Iikura Guest House',
  city: 'Tokyo',
  descriptionText: null,
  ...overrides,
})

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  return { calendar, events: calendar.getAllSubcomponents('vevent') }
}

describe('trip calendar (RFC 5545)', () => {
  it('has the all-day trip and each timed meeting, in its local zone with a VTIMEZONE', () => {
    const ics = tripCalendar({ ...trip, meetings: [meeting(), meeting({ _id: 'meeting-2', startsAt: null, endsAt: null })] }, SITE)
    const { calendar, events: all } = events(ics)
    assert.equal(all.length, 2, 'the untimed meeting is left out')
    const [allDay, timed] = all
    assert.equal(allDay!.getFirstPropertyValue('uid'), 'trip-1@envoy')
    assert.equal(allDay!.getFirstProperty('dtstart')!.type, 'date')
    assert.equal(String(allDay!.getFirstPropertyValue('dtstart')), '2021-03-15')
    assert.equal(String(allDay!.getFirstPropertyValue('dtend')), '2021-03-18', 'DTEND is exclusive')
    const start = timed!.getFirstProperty('dtstart')!
    assert.equal(start.getParameter('tzid'), 'Asia/Tokyo')
    assert.equal(String(start.getFirstValue()), '2021-03-16T10:00:00')
    assert.equal(
      calendar
        .getAllSubcomponents('vtimezone')
        .map((tz) => tz.getFirstPropertyValue('tzid'))
        .join(),
      'Asia/Tokyo',
    )
    assert.match(ics, /\r\n/, 'lines end in CRLF')
  })
  it('keeps the UID and raises SEQUENCE when a meeting changes', () => {
    const before = events(tripCalendar({ ...trip, meetings: [meeting()] }, SITE)).events[1]!
    const after = events(tripCalendar({ ...trip, meetings: [meeting({ startsAt: '2021-03-16T02:00:00Z', _updatedAt: '2021-03-05T00:00:00Z' })] }, SITE)).events[1]!
    assert.equal(before.getFirstPropertyValue('uid'), after.getFirstPropertyValue('uid'))
    assert.ok(Number(after.getFirstPropertyValue('sequence')) > Number(before.getFirstPropertyValue('sequence')))
  })
  it('derives SEQUENCE from whole seconds since creation, never negative', () => {
    assert.equal(sequenceOf({ _createdAt: '2021-03-01T00:00:00Z', _updatedAt: '2021-03-01T00:00:00Z' }), 0)
    assert.equal(sequenceOf({ _createdAt: '2021-03-01T00:00:00Z', _updatedAt: '2021-03-01T00:01:01.900Z' }), 61)
    assert.equal(sequenceOf({ _createdAt: null, _updatedAt: '2021-03-01T00:00:00Z' }), 0)
    assert.equal(uidOf('drafts.meeting-1'), 'meeting-1@envoy')
  })
  it('marks a withdrawn trip cancelled and builds an official’s calendar', () => {
    const ics = officialCalendar({ name: 'A. Official', slug: 'a', trips: [{ ...trip, withdrawn: true }], meetings: [{ ...meeting(), trip: { ...trip, withdrawn: true } }] }, SITE)
    const { events: all } = events(ics)
    assert.equal(all.length, 2)
    for (const event of all) assert.equal(event.getFirstPropertyValue('status'), 'CANCELLED')
  })
})

describe('Atom feed', () => {
  it('parses as Atom with one entry per trip and absolute links', () => {
    const xml = tripsAtom({
      title: 'Envoy: trips',
      description: 'New trips',
      site: SITE,
      selfPath: '/feed.xml',
      alternatePath: '/trips',
      publisher: 'Envoy',
      trips: [
        {
          _id: 'trip-1',
          title: 'Trip & <Tokyo>',
          slug: 'tokyo',
          startDate: '2021-03-15',
          endDate: '2021-03-17',
          destinations: [{ city: 'Tokyo', country: 'Japan' }],
          officials: [{ name: 'A', title: 'Secretary' }],
          purposeText: 'To meet.',
          published: '2021-03-12T15:00:00Z',
          updated: '2021-03-13T15:00:00Z',
          withdrawnAt: null,
        },
      ],
    })
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed
    assert.equal(feed['@_xmlns'], 'http://www.w3.org/2005/Atom')
    assert.equal(feed.updated, '2021-03-13T15:00:00.000Z')
    const entry = Array.isArray(feed.entry) ? feed.entry[0] : feed.entry
    assert.equal(entry.id, 'urn:envoy:trip-1')
    assert.equal(entry.link['@_href'], `${SITE}/trips/tokyo`)
    assert.match(String(entry.title['#text'] ?? entry.title), /Trip & <Tokyo>/)
  })
})

describe('search helpers', () => {
  it('splits words, drops punctuation and duplicates, and adds prefix wildcards', () => {
    assert.deepEqual(searchWords('  Japan, JOBS japan! '), ['japan', 'jobs'])
    assert.deepEqual(searchWords('*'), [])
    assert.deepEqual(matchTerms(['jap']), ['jap*'])
  })
  it('marks words that begin with a search word, whatever their case', () => {
    const parts = highlightParts('Japan-affiliated firms support 948,100 jobs; japanese', ['japan', 'jobs'])
    assert.deepEqual(
      parts.filter((p) => p.match).map((p) => p.text),
      ['Japan', 'jobs', 'japanese'],
    )
    assert.equal(parts.map((p) => p.text).join(''), 'Japan-affiliated firms support 948,100 jobs; japanese')
    assert.deepEqual(highlightParts('Nippon', ['japan']), [{ text: 'Nippon', match: false }])
  })
  it('cuts a snippet around the first match', () => {
    const text = `${'lorem '.repeat(80)}alliance ${'ipsum '.repeat(80)}`
    const cut = snippet(text, ['alliance'], 100)
    assert.ok(cut.includes('alliance'))
    assert.ok(cut.length <= 110)
    assert.ok(cut.startsWith('… '))
  })
})

describe('trips index helpers', () => {
  it('reads page numbers defensively and paginates', () => {
    assert.equal(pageNumber('3'), 3)
    for (const bad of [undefined, '0', '-1', 'x', '2.5']) assert.equal(pageNumber(bad), 1)
    const page = paginate(
      Array.from({ length: 23 }, (_, i) => i),
      3,
    )
    assert.deepEqual([page.items, page.pageCount, page.first, page.last], [[20, 21, 22], 3, 21, 23])
    assert.equal(paginate([1, 2], 9).page, 1)
  })
  it('counts trips, distinct countries and distinct days travelling', () => {
    assert.equal(tripDays({ startDate: '2021-03-15', endDate: '2021-03-17' }), 3)
    assert.equal(tripDays({ startDate: '2021-03-15', endDate: null }), 1)
    const japan = { country: { _id: 'jp' } }
    const totals = tripTotals([
      { startDate: '2021-03-15', endDate: '2021-03-17', destinations: [japan] },
      { startDate: '2021-03-17', endDate: '2021-03-18', destinations: [japan, { country: { _id: 'kr' } }] },
    ])
    assert.deepEqual(totals, { trips: 2, countries: 2, days: 4 })
  })
})

describe('timeliness', () => {
  const stamps = { firstPublishedAt: '2021-03-12T15:00:00Z', updatedAt: '2021-03-12T15:00:20Z' }
  it('takes both dates from the content, and hides an update made at publication', () => {
    assert.equal(publishedAt(stamps), '2021-03-12T15:00:00Z')
    assert.equal(updatedAt(stamps), null)
    assert.equal(updatedAt({ ...stamps, updatedAt: '2021-03-14T00:00:00Z' }), '2021-03-14T00:00:00Z')
  })
  it('shows no date the content does not hold', () => {
    assert.equal(publishedAt({ firstPublishedAt: null, updatedAt: null }), null)
    assert.equal(updatedAt({ firstPublishedAt: null, updatedAt: null }), null)
    assert.deepEqual(publicationLine({ firstPublishedAt: null, updatedAt: null }, true), { kind: 'dates', published: null, updated: null })
  })
  it('says a never-published draft is not published, whatever dates it holds', () => {
    assert.deepEqual(publicationLine(stamps, false), { kind: 'unpublished' })
    assert.deepEqual(publicationLine({ ...stamps, updatedAt: '2021-03-14T00:00:00Z' }, true), {
      kind: 'dates',
      published: '2021-03-12T15:00:00Z',
      updated: '2021-03-14T00:00:00Z',
    })
  })
  it('shows major change notes only, newest first', () => {
    const notes = majorChanges([
      { _key: 'a', date: '2021-03-13T00:00:00Z', note: 'Typo fixed', major: false },
      { _key: 'b', date: '2021-03-13T00:00:00Z', note: 'Meeting moved', major: true },
      { _key: 'c', date: '2021-03-14T00:00:00Z', note: 'Meeting added', major: true },
    ])
    assert.deepEqual(
      notes.map((n) => n.note),
      ['Meeting added', 'Meeting moved'],
    )
  })
})

describe('JSON-LD', () => {
  it('cannot close its script element', () => {
    assert.equal(serializeJsonLd({ name: '</script><script>alert(1)</script>' }).includes('</script>'), false)
  })
})
