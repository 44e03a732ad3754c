import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { isPartialDate, textHoldsFigure, type FigureData } from '../../lib/figures'
import { buildSeedNdjson } from '../../sanity/seed/build'
import { isIanaTimeZone } from '../../sanity/lib/timeZone'
import { byId, loadSeed, publishedDocs, readSeedText, ROOT, walk, type Doc } from './helpers'
import { createSchemaChecker } from './schemaCheck'

const docs = loadSeed()
const index = byId(docs)
const ofType = (type: string) => docs.filter((doc) => doc._type === type)

describe('seed.ndjson', () => {
  it('is exactly what sanity/seed/build.ts produces (run `npx tsx sanity/seed/write.ts` after editing build.ts)', () => {
    assert.equal(readSeedText(), buildSeedNdjson())
  })

  it('has one JSON document per line, each with an _id and a _type', () => {
    const lines = readSeedText().split('\n')
    assert.equal(lines.at(-1), '', 'ends with a newline')
    for (const [number, line] of lines.slice(0, -1).entries()) {
      const doc = JSON.parse(line) as Partial<Doc>
      assert.equal(typeof doc._id, 'string', `line ${number + 1} has an _id`)
      assert.equal(typeof doc._type, 'string', `line ${number + 1} has a _type`)
      assert.match(doc._id ?? '', /^[a-z0-9][a-z0-9.-]*$/, `line ${number + 1}: readable, lower-case _id`)
    }
  })

  it('has unique _ids, all published (no drafts)', () => {
    assert.equal(index.size, docs.length)
    assert.equal(publishedDocs(docs).length, docs.length)
  })

  it('holds the expected documents', () => {
    const counts = Object.fromEntries(['trip', 'meeting', 'official', 'factBullet', 'quote', 'country', 'topic', 'settings'].map((t) => [t, ofType(t).length]))
    assert.deepEqual(counts, { trip: 1, meeting: 5, official: 5, factBullet: 21, quote: 1, country: 3, topic: 5, settings: 1 })
    assert.ok(index.get('settings'), 'the settings singleton has the fixed _id "settings"')
  })

  it('resolves every reference', () => {
    for (const doc of docs) {
      walk(doc, (value, path) => {
        if (value && typeof value === 'object' && '_ref' in value) {
          const ref = (value as { _ref: unknown })._ref
          assert.equal(typeof ref, 'string', `${doc._id}.${path}`)
          assert.ok(index.has(ref as string), `${doc._id}.${path} points to missing ${String(ref)}`)
          assert.equal((value as { _type?: string })._type, 'reference', `${doc._id}.${path} has _type "reference"`)
        }
      })
    }
  })

  it('gives every nested object a _type, and every array member object a unique _key', () => {
    for (const doc of docs) {
      walk(doc, (value, path) => {
        if (path && value && typeof value === 'object' && !Array.isArray(value)) {
          assert.equal(typeof (value as { _type?: unknown })._type, 'string', `${doc._id}.${path} has a _type`)
        }
        if (Array.isArray(value)) {
          const objects = value.filter((item) => item && typeof item === 'object')
          const keys = objects.map((item) => (item as { _key?: unknown })._key)
          for (const [i, key] of keys.entries()) assert.equal(typeof key, 'string', `${doc._id}.${path}[${i}] has a _key`)
          assert.equal(new Set(keys).size, keys.length, `${doc._id}.${path}: _keys are unique`)
        }
      })
    }
  })

  it('writes Portable Text as proper blocks', () => {
    for (const doc of docs) {
      walk(doc, (value, path) => {
        if (value && typeof value === 'object' && (value as { _type?: string })._type === 'block') {
          const block = value as { style?: string; markDefs?: unknown; children?: { _type: string; text?: unknown; marks?: unknown }[] }
          assert.equal(block.style, 'normal', `${doc._id}.${path}.style`)
          assert.deepEqual(block.markDefs, [], `${doc._id}.${path}.markDefs`)
          assert.ok(block.children && block.children.length > 0, `${doc._id}.${path} has children`)
          for (const span of block.children) {
            assert.equal(span._type, 'span')
            assert.equal(typeof span.text, 'string')
            assert.deepEqual(span.marks, [])
          }
        }
      })
    }
  })

  it('matches schema.json: required fields present, no unknown fields, allowed values, reference targets', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema.json'), 'utf8'))
    const checkDocument = createSchemaChecker(schema, index)
    const errors = docs.flatMap((doc) => checkDocument(doc))
    assert.deepEqual(errors, [])
  })

  it('obeys the custom validation rules', () => {
    for (const trip of ofType('trip')) {
      assert.ok((trip.endDate as string) >= (trip.startDate as string), `${trip._id}: last day not before first day`)
      for (const destination of trip.destinations as { timeZone: string }[]) assert.ok(isIanaTimeZone(destination.timeZone))
    }
    for (const meeting of ofType('meeting')) {
      if (meeting.startsAt) assert.ok(meeting.date, `${meeting._id}: a start time needs a date`)
      if (meeting.endsAt) assert.ok(meeting.startsAt && (meeting.endsAt as string) > (meeting.startsAt as string))
      if (meeting.timeZone) assert.ok(isIanaTimeZone(meeting.timeZone as string))
    }
    for (const fact of ofType('factBullet')) {
      const text = ((fact.text as { children: { text: string }[] }[]) ?? []).map((block) => block.children.map((span) => span.text).join('')).join('\n\n')
      for (const figure of (fact.figures as (FigureData & { value: unknown; period?: { start?: string; end?: string } })[] | undefined) ?? []) {
        assert.equal(typeof figure.value, 'number', `${fact._id}: a figure's value is a number`)
        assert.ok(textHoldsFigure(text, figure), `${fact._id}: the Studio's check that the figure reads as the text`)
        for (const bound of [figure.period?.start, figure.period?.end]) if (bound !== undefined) assert.ok(isPartialDate(bound), `${fact._id}: period ${bound}`)
      }
      assert.equal(fact.statedAt, undefined, `${fact._id}: the page dates no fact`)
    }
    for (const country of ofType('country')) assert.match(country.code as string, /^[A-Z]{2}$/)
    for (const quote of ofType('quote')) assert.ok(quote.speaker || quote.speakerName)
  })

  it('invents no dates, times, addresses or press arrangements the source does not give', () => {
    for (const meeting of ofType('meeting')) {
      for (const field of ['date', 'startsAt', 'endsAt', 'pressCoverage', 'readoutUrl', 'venue']) {
        assert.equal(meeting[field], undefined, `${meeting._id}.${field} is not stated on the page`)
      }
    }
    const trip = ofType('trip')[0]!
    assert.equal(trip.firstPublishedAt, undefined)
    assert.equal(trip.updatedAt, undefined)
    for (const doc of docs) {
      walk(doc, (value, path) => {
        if (typeof value === 'string') assert.doesNotMatch(value, /^https?:\/\//, `${doc._id}.${path}: no web address is given on the page`)
      })
    }
  })
})
