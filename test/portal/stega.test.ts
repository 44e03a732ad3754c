/**
 * Click-to-edit in staff preview: the trip page's own query, read by the real @sanity/client from
 * a real lake holding the seed (drafts perspective, with the content source map, as
 * lib/sanity/client.ts reads it), then encoded by the portal's stega (lib/preview/stega.ts).
 * Every string an editor sees opens the field it came from, in the document it came from (a fact
 * on the trip's sheet opens the fact, a host of a meeting the official); the values the page
 * compares or parses stay as stored; and JSON-LD built from the marked read carries no markers.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { ContentSourceMap } from '@sanity/client'
import { stegaClean } from '@sanity/client/stega'
import { vercelStegaDecode, vercelStegaSplit } from '@vercel/stega'
import { serializeJsonLd, tripEventLd } from '../../lib/jsonld'
import { encodeForEditing } from '../../lib/preview/stega'
import { TRIP_QUERY } from '../../sanity/queries'
import { startTestLake, type TestLake } from '../lake/helpers'

const STUDIO = 'http://localhost:3333'
const TRIP = { id: 'trip-2021-03-tokyo-2plus2', slug: '2021-03-tokyo-2plus2' }
const MEETING = 'meeting-2021-03-tokyo-security-consultative-committee'
/** Stega's alphabet (@vercel/stega) and the BOM: any of them in text means a marker. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/

/** The Studio URL a marked string opens, or null when it carries no marker. */
function editUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null
  const decoded: unknown = vercelStegaDecode(value)
  if (typeof decoded !== 'object' || decoded === null || !('href' in decoded) || typeof decoded.href !== 'string') return null
  return new URL(decoded.href)
}

/** The document id and field path a marked string opens (the Studio's intent link names both). */
function opens(value: unknown): { id: string; path: string } {
  const url = editUrl(value)
  assert.ok(url, `no click-to-edit marker on ${JSON.stringify(value)}`)
  // createEditUrl: <studio>/intent/edit/mode=presentation;id=<id>;type=<type>;path=<path>?...
  const params = Object.fromEntries(
    decodeURIComponent(url.pathname)
      .split(';')
      .map((part) => part.split('/').at(-1) ?? '')
      .map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]),
  )
  assert.equal(url.origin, STUDIO)
  return { id: String(params.id), path: String(params.path) }
}

describe('stega in staff preview', () => {
  let lake: TestLake
  let raw: NonNullable<Awaited<ReturnType<typeof fetchTrip>>['result']>
  let map: ContentSourceMap
  let trip: typeof raw

  function fetchTrip() {
    return lake.viewer.fetch(TRIP_QUERY, { slug: TRIP.slug }, { perspective: 'drafts', filterResponse: false, resultSourceMap: 'withKeyArraySelector' })
  }

  before(async () => {
    lake = await startTestLake({ seedFile: 'sanity/seed/seed.ndjson', editorialWorkflow: false })
    const answer = await fetchTrip()
    assert.ok(answer.result, 'the seed trip reads')
    assert.ok(answer.resultSourceMap, 'the lake sends a content source map')
    raw = answer.result
    map = answer.resultSourceMap
    trip = encodeForEditing(raw, map, STUDIO)
  })
  after(async () => {
    await lake?.stop()
  })

  it("marks the trip's title and purpose with their own fields", () => {
    assert.equal(vercelStegaSplit(trip.title ?? '').cleaned, raw.title, 'the title reads as stored')
    assert.deepEqual(opens(trip.title), { id: TRIP.id, path: 'title' })
    const span = trip.purpose?.[0]?.children?.[0]
    assert.ok(span && 'text' in span)
    assert.deepEqual(opens(span.text), { id: TRIP.id, path: 'purpose[_key=="p1"].children[_key=="p1s1"].text' })
  })

  it('a fact on the sheet opens the fact, a host of a meeting opens the official', () => {
    const bullet = trip.factSections?.[0]?.bullets?.[0]
    const span = bullet?.text?.[0]?.children?.[0]
    assert.ok(bullet && span && 'text' in span)
    assert.equal(opens(span.text).id, 'fact-alliance-cornerstone')
    assert.match(opens(span.text).path, /^text\[_key=="[^"]+"\]\.children\[_key=="[^"]+"\]\.text$/)
    const meeting = trip.meetings.find((m) => m._id === MEETING)
    const host = meeting?.hosts?.[0]
    assert.ok(host?.name)
    assert.deepEqual(opens(host.name), { id: 'official-toshimitsu-motegi', path: 'name' })
    assert.deepEqual(opens(meeting?.title), { id: MEETING, path: 'title' })
  })

  it('leaves the values the page compares or parses as stored: ids, slugs, dates, time zones, kinds', () => {
    assert.equal(trip.slug, TRIP.slug)
    assert.equal(trip.startDate, raw.startDate)
    assert.equal(trip.destinations?.[0]?.timeZone, 'Asia/Tokyo')
    for (const meeting of trip.meetings) {
      assert.doesNotMatch(`${meeting._id}${meeting.kind ?? ''}${meeting.date ?? ''}${meeting.startsAt ?? ''}`, INVISIBLE, meeting._id)
    }
    assert.deepEqual(stegaClean(trip), raw, 'cleaning gives back exactly what the lake stored')
    assert.notDeepEqual(trip, raw)
  })

  it('JSON-LD built from the marked read carries no markers', () => {
    const ld = serializeJsonLd(
      tripEventLd('https://envoy.example', {
        slug: TRIP.slug,
        title: trip.title,
        startDate: trip.startDate,
        endDate: trip.endDate,
        description: null,
        withdrawn: false,
        destinations: trip.destinations ?? [],
        officials: trip.officials ?? [],
        meetings: trip.meetings,
      }),
    )
    assert.doesNotMatch(ld, INVISIBLE)
    assert.ok(ld.includes(raw.title ?? 'missing'), 'the title is in it, as stored')
  })
})
