/**
 * The lake's clock (lake/clock.ts): GROQ's now() and transaction times follow it; only a lake
 * started on a manual clock lets an administrator move it, forward only, within bounds.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { manualClock } from '../../lake/clock'
import { startTestLake, type TestLake } from './helpers'

const DAY = 24 * 3_600_000

async function move(t: TestLake, token: string | undefined, body: unknown) {
  const response = await fetch(`${t.lake.httpUrl}/v1/clock`, {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as { now?: string } }
}

describe('a manual clock', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake({ clock: manualClock() })
  })
  after(() => t.stop())

  test('moving it forward moves now() in queries and the time of new transactions', async () => {
    const before = Date.parse(await t.anonymous.fetch<string>('now()'))
    const moved = await move(t, t.tokens.admin, { advanceMs: DAY })
    assert.equal(moved.status, 200)
    const now = Date.parse(await t.anonymous.fetch<string>('now()'))
    assert.ok(now - before >= DAY, `now() moved by ${now - before} ms`)
    assert.ok(Math.abs(Date.parse(String(moved.body.now)) - now) < 5_000)
    const doc = await t.editor.create({ _type: 'topic', title: 'Written in lake time' })
    assert.ok(Date.parse(doc._createdAt) - Date.now() > DAY - 60_000, 'the transaction carries lake time')
  })

  test('only an administrator moves it, forward, by at most a day', async () => {
    const before = await t.anonymous.fetch<string>('now()')
    for (const [token, status] of [
      [undefined, 401],
      [t.tokens.viewer, 403],
      [t.tokens.editor, 403],
    ] as const) {
      assert.equal((await move(t, token, { advanceMs: 1000 })).status, status)
    }
    for (const advanceMs of [-1000, 0, 1.5, DAY + 1, '1000', null]) assert.equal((await move(t, t.tokens.admin, { advanceMs })).status, 400, String(advanceMs))
    assert.equal((await move(t, t.tokens.admin, [])).status, 400)
    // Nothing above moved it (a few seconds of wall time only).
    assert.ok(Date.parse(await t.anonymous.fetch<string>('now()')) - Date.parse(before) < 5_000)
  })
})

test('a lake on the system clock cannot be moved', async () => {
  const t = await startTestLake()
  try {
    assert.equal((await move(t, t.tokens.admin, { advanceMs: 1000 })).status, 404)
    const told = (await (await fetch(`${t.lake.httpUrl}/v1/clock`)).json()) as { now: string }
    assert.ok(Math.abs(Date.parse(told.now) - Date.now()) < 5_000)
  } finally {
    await t.stop()
  }
})
