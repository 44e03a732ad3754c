import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, describe, test } from 'node:test'
import { promisify } from 'node:util'
import { startTestLake, tempDir } from './helpers'

const run = promisify(execFile)
const ROOT = path.resolve(__dirname, '..', '..')

/** Runs the real CLI (`npm run lake -- ...` is `tsx lake/cli.ts ...`). */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'lake', 'cli.ts'), ...args], { cwd: ROOT })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

const readLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('persistence, import and export', () => {
  const dirs: string[] = []
  const fresh = () => {
    const dir = tempDir()
    dirs.push(dir)
    return dir
  }
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  const documents = [
    { _id: 'trip-1', _type: 'trip', title: 'Paris', _createdAt: '2025-01-01T10:00:00Z', _updatedAt: '2025-01-02T10:00:00Z', slug: { _type: 'slug', current: 'paris' } },
    { _id: 'drafts.trip-1', _type: 'trip', title: 'Paris (draft)', _createdAt: '2025-01-01T10:00:00Z', _updatedAt: '2025-01-03T10:00:00Z' },
    { _id: 'meeting-1', _type: 'meeting', trip: { _type: 'reference', _ref: 'trip-1' }, _createdAt: '2025-01-01T11:00:00Z', _updatedAt: '2025-01-01T11:00:00Z' },
  ]

  test('import → export round trip gives the same documents', async () => {
    const dir = fresh()
    const input = path.join(dir, 'in.ndjson')
    const output = path.join(dir, 'out.ndjson')
    writeFileSync(input, `${documents.map((doc) => JSON.stringify(doc)).join('\n')}\n`)
    const imported = await cli(['import', input, '--dir', dir])
    assert.equal(imported.code, 0, imported.stderr)
    assert.match(imported.stdout, /Imported 3 documents/)
    const exported = await cli(['export', output, '--dir', dir])
    assert.equal(exported.code, 0, exported.stderr)
    const lines = readLines(output)
    const revs = new Set(lines.map((line) => line._rev))
    assert.equal(revs.size, 1, 'one import transaction')
    const withoutRev = lines.map(({ _rev, ...rest }) => rest)
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a._id).localeCompare(String(b._id))
    assert.deepEqual([...withoutRev].sort(byId), [...documents].sort(byId))

    // Importing the export again into a second dataset reproduces it exactly (ids, fields, times).
    const again = await cli(['import', output, '--dir', dir, '--dataset', 'copy'])
    assert.equal(again.code, 0, again.stderr)
    const copy = path.join(dir, 'copy.ndjson')
    await cli(['export', copy, '--dir', dir, '--dataset', 'copy'])
    assert.deepEqual(
      readLines(copy).map(({ _rev, ...rest }) => rest),
      withoutRev,
    )

    // Without --replace, existing documents make the import fail as a whole.
    const clash = await cli(['import', input, '--dir', dir])
    assert.equal(clash.code, 1)
    assert.match(clash.stderr, /already exists/)
  })

  test('a bad line imports nothing and the error names the line', async () => {
    const dir = fresh()
    const input = path.join(dir, 'bad.ndjson')
    writeFileSync(input, [JSON.stringify(documents[0]), JSON.stringify(documents[2]), '{"_id": "broken", ', JSON.stringify(documents[1])].join('\n'))
    const result = await cli(['import', input, '--dir', dir])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /line 3/)
    const lake = await startTestLake({ dir })
    try {
      assert.equal(await lake.viewer.fetch('count(*)', {}, { perspective: 'raw' }), 0)
    } finally {
      await lake.stop({ keepDir: true })
    }
  })

  test('--seed imports into an empty dataset only', async () => {
    const dir = fresh()
    const seed = path.join(dir, 'seed.ndjson')
    writeFileSync(seed, documents.map((doc) => JSON.stringify(doc)).join('\n'))
    const first = await startTestLake({ dir, seedFile: seed })
    await first.editor.patch('trip-1').set({ title: 'Changed' }).commit()
    await first.stop({ keepDir: true })
    const second = await startTestLake({ dir, seedFile: seed })
    try {
      assert.equal(await second.viewer.fetch('*[_id == "trip-1"][0].title'), 'Changed')
    } finally {
      await second.stop({ keepDir: true })
    }
  })

  test('a restart keeps documents, history and tokens', async () => {
    const dir = fresh()
    const first = await startTestLake({ dir })
    const created = await first.editor.create({ _id: 'trip-1', _type: 'trip', title: 'One' })
    const patched = await first.editor.patch('trip-1').set({ title: 'Two' }).commit()
    await first.editor.create({ _id: 'drafts.trip-1', _type: 'trip', title: 'Draft' })
    await first.editor.withConfig({ dataset: 'other' }).create({ _id: 'x', _type: 'thing' })
    await first.stop({ keepDir: true })

    const second = await startTestLake({ dir })
    try {
      // The first run's tokens still work.
      const oldEditor = first.editor.withConfig({ apiHost: second.lake.httpUrl })
      assert.deepEqual(await oldEditor.getDocument('trip-1'), patched)
      assert.equal(await second.viewer.fetch('count(*)', {}, { perspective: 'raw' }), 2)
      assert.equal(await second.viewer.withConfig({ dataset: 'other' }).fetch('count(*)'), 1)
      const history = await second.viewer.request<{ documents: unknown[] }>({
        uri: `/data/history/production/documents/trip-1?revision=${created._rev}`,
      })
      assert.deepEqual(history.documents, [created])
      await oldEditor.patch('trip-1').set({ title: 'Three' }).commit()
      assert.equal(await second.viewer.fetch('*[_id == "trip-1"][0].title'), 'Three')
    } finally {
      await second.stop({ keepDir: true })
    }
  })
})
