import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createBatcher } from '../../lib/revalidation/batches'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('createBatcher', () => {
  it('works on items that arrive together once, and tells the first caller it opened the batch', async () => {
    const calls: number[][] = []
    const add = createBatcher(async (items: number[]) => {
      calls.push([...items])
      return items.reduce((sum, n) => sum + n, 0)
    })
    const answers = await Promise.all([add(1), add(2), add(3)])
    assert.deepEqual(calls, [[1, 2, 3]])
    assert.deepEqual(answers, [
      { result: 6, first: true },
      { result: 6, first: false },
      { result: 6, first: false },
    ])
  })

  it('runs one batch at a time; what arrives meanwhile waits and goes together', async () => {
    const calls: string[][] = []
    let release: () => void = () => {}
    const add = createBatcher(async (items: string[]) => {
      calls.push([...items])
      if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve))
      return items.length
    })
    const first = add('a')
    await tick()
    const waiting = [add('b'), add('c'), add('d')]
    await tick()
    assert.deepEqual(calls, [['a']], 'the second batch waits for the first')
    release()
    assert.deepEqual(await first, { result: 1, first: true })
    assert.deepEqual(
      (await Promise.all(waiting)).map((answer) => answer.result),
      [3, 3, 3],
    )
    assert.deepEqual(calls, [['a'], ['b', 'c', 'd']])
  })

  it('a failed batch rejects its callers and the next batch still runs', async () => {
    let fail = true
    const add = createBatcher(async (items: number[]) => {
      if (fail) throw new Error('lake unreachable')
      return items.length
    })
    await assert.rejects(add(1), /lake unreachable/)
    fail = false
    assert.deepEqual(await add(2), { result: 1, first: true })
  })
})
