import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { applyPatch } from 'mendoza'
import { startTestLake } from './helpers'
import type { TestLake } from './helpers'

type Line = {
  id: string
  timestamp: string
  author: string
  documentIDs: string[]
  mutations?: unknown[]
  effects?: Record<string, { apply: unknown[]; revert: unknown[] }>
}

describe('history', () => {
  let t: TestLake
  const revs: string[] = []

  before(async () => {
    t = await startTestLake()
    revs.push((await t.editor.create({ _id: 'trip-1', _type: 'trip', title: 'One' }))._rev)
    revs.push((await t.editor.patch('trip-1').set({ title: 'Two' }).commit())._rev)
    await t.editor.create({ _id: 'other', _type: 'trip' })
    revs.push((await t.editor.delete('trip-1')).transactionId)
  })
  after(() => t.stop())

  const transactions = async (query: string): Promise<Line[]> => {
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/history/production/transactions/trip-1?${query}`, {
      headers: { authorization: `Bearer ${t.tokens.viewer}` },
    })
    assert.equal(response.status, 200)
    assert.match(String(response.headers.get('content-type')), /ndjson/)
    return (await response.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line)
  }

  test('transactions of a document, with mutations and mendoza effects', async () => {
    const lines = await transactions('effectFormat=mendoza')
    assert.deepEqual(
      lines.map((line) => line.id),
      revs,
    )
    assert.deepEqual(lines[0]?.documentIDs, ['trip-1'])
    assert.ok(Array.isArray(lines[1]?.mutations))
    let state: unknown = null
    for (const line of lines) {
      const effects = line.effects?.['trip-1']
      assert.ok(effects)
      const next = applyPatch(state, effects.apply)
      assert.deepEqual(applyPatch(next, effects.revert), state)
      state = next
    }
    assert.equal(state, null, 'ends deleted')
  })

  test('excludeContent, reverse, limit and ranges', async () => {
    const lines = await transactions('excludeContent=true&reverse=true&limit=2')
    assert.deepEqual(
      lines.map((line) => line.id),
      [revs[2], revs[1]],
    )
    assert.equal(lines[0]?.mutations, undefined)
    const ranged = await transactions(`fromTransaction=${revs[1]}&toTransaction=${revs[1]}`)
    assert.deepEqual(
      ranged.map((line) => line.id),
      [revs[1]],
    )
  })

  test('a document as of a revision, a time, and its last revision', async () => {
    const at = async (query: string) => (await t.viewer.request<{ documents: Record<string, unknown>[] }>({ uri: `/data/history/production/documents/trip-1?${query}` })).documents
    assert.equal((await at(`revision=${revs[0]}`))[0]?.title, 'One')
    assert.equal((await at(`revision=${revs[1]}`))[0]?.title, 'Two')
    assert.deepEqual(await at(`revision=${revs[2]}`), [], 'deleted at that revision')
    assert.equal((await at(`time=${new Date().toISOString()}`)).length, 0)
    assert.equal((await at('time=2000-01-01T00:00:00Z')).length, 0)
    assert.equal((await at('lastRevision=true'))[0]?.title, 'Two')
    const missing = await fetch(`${t.lake.httpUrl}/v1/data/history/production/documents/trip-1?revision=nope`, {
      headers: { authorization: `Bearer ${t.tokens.viewer}` },
    })
    assert.equal(missing.status, 404)
  })
})
