/**
 * Dates that fail closed: embargo and schedule times are read as RFC 3339 only. An unreadable
 * one is refused with a 400 when written, a stored one holds the trip as embargoed, and
 * `lake import` refuses published documents that would break an embargo, naming them.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { rejection, startTestLake, tempDir } from '../lake/helpers'
import type { TestLake } from '../lake/helpers'
import { parseRfc3339 } from '../../lake/dates'

const UNREADABLE = ['2030-01-01T00:00:00+01', '2030-01-01T00:00:00 Z', '2030-02-31T00:00:00Z', '2030-01-01 00:00:00Z', 'next tuesday', 1893456000000]

function runImport(dir: string, docs: object[]): { status: number | null; output: string } {
  const file = path.join(dir, 'import.ndjson')
  writeFileSync(file, `${docs.map((doc) => JSON.stringify(doc)).join('\n')}\n`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'lake/cli.ts', '--plugin', 'editorial/lake/plugin.ts', 'import', file, '--dir', dir], { encoding: 'utf8' })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe('dates that fail closed', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake({ reviewRequired: false })
  })
  after(() => t.stop())

  test('only RFC 3339 date-times are read', () => {
    assert.equal(parseRfc3339('2030-01-01T00:00:00+01:00'), Date.UTC(2029, 11, 31, 23))
    assert.equal(parseRfc3339('2030-01-01T00:00:00.5Z'), Date.UTC(2030, 0, 1, 0, 0, 0, 500))
    for (const value of UNREADABLE) assert.equal(parseRfc3339(value), undefined, String(value))
  })

  test('an unreadable embargo is a 400 when written, and nothing is stored', async () => {
    for (const value of UNREADABLE) {
      const error = await rejection(t.editor.create({ _id: 'drafts.trip-bad', _type: 'trip', title: 'Bad', embargoUntil: value }))
      assert.equal(error.statusCode, 400, String(value))
      assert.match(error.message, /RFC 3339/)
    }
    assert.equal(await t.editor.getDocument('drafts.trip-bad'), undefined)
  })

  test('a release schedule time that is not RFC 3339 is a 400, and the release stays active', async () => {
    await t.editor.releases.create({ releaseId: 'rdates01', metadata: { title: 'Dates', releaseType: 'scheduled' } })
    const error = await rejection(t.editor.releases.schedule({ releaseId: 'rdates01', publishAt: '2030-01-01T00:00:00+01' }))
    assert.equal(error.statusCode, 400)
    assert.match(error.message, /RFC 3339/)
    assert.equal((await t.editor.releases.get({ releaseId: 'rdates01' }))?.state, 'active')
  })

  test('lake import refuses published documents that would break an embargo, naming them', async () => {
    const dir = tempDir()
    const future = new Date(Date.now() + 86_400_000).toISOString()
    const refused = runImport(dir, [
      { _id: 'trip-embargoed', _type: 'trip', title: 'Embargoed', embargoUntil: future },
      { _id: 'trip-unreadable', _type: 'trip', title: 'Unreadable', embargoUntil: '2030-01-01T00:00:00+01' },
      { _id: 'meeting-1', _type: 'meeting', title: 'Meeting', trip: { _type: 'reference', _ref: 'trip-embargoed' } },
      { _id: 'trip-open', _type: 'trip', title: 'Open' },
    ])
    assert.notEqual(refused.status, 0, refused.output)
    for (const id of ['trip-embargoed', 'trip-unreadable', 'meeting-1']) assert.match(refused.output, new RegExp(`"${id}"`))
    assert.doesNotMatch(refused.output, /"trip-open"/)
    // Nothing was written: importing the open trip alone then works.
    const accepted = runImport(dir, [{ _id: 'trip-open', _type: 'trip', title: 'Open' }])
    assert.equal(accepted.status, 0, accepted.output)
  })
})
