/**
 * Which cached pages a published change expires: the lake's signed publish webhook (with the
 * document's references before and after) is received over HTTP, and its body is turned into
 * cache tags by the portal's own rules (lib/revalidation/pageTags.ts), which query the real lake
 * through the real client, on the seed content.
 */
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { tagsForChanges, type PublishedChange } from '../../lib/revalidation/pageTags'
import { SEED_PATH } from '../content/helpers'
import { startTestLake, type TestLake } from '../lake/helpers'

const SECRET = 'test-secret-for-revalidation-webhooks'
const TRIP = 'trip:2021-03-tokyo-2plus2'

describe('publish webhooks and the pages they expire', () => {
  let lake: TestLake
  let receiver: Server
  const received: PublishedChange[] = []
  const waiters: Array<() => void> = []

  before(async () => {
    receiver = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      request.on('end', async () => {
        const signature = request.headers[SIGNATURE_HEADER_NAME]
        const valid = typeof signature === 'string' && (await isValidSignature(body, signature, SECRET))
        response.writeHead(valid ? 200 : 401).end()
        if (!valid) return
        received.push(JSON.parse(body) as PublishedChange)
        for (const wake of waiters.splice(0)) wake()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/revalidate`
    lake = await startTestLake({ seedFile: SEED_PATH, webhook: { url, secret: SECRET, dataset: 'production' } })
  })

  after(async () => {
    await lake.stop()
    receiver.close()
  })

  /** Commits a change, then waits for its webhook and returns the tags it expires. */
  async function tagsAfter(id: string, write: () => Promise<unknown>): Promise<{ change: PublishedChange; tags: string[] }> {
    received.length = 0
    await write()
    const deadline = Date.now() + 5_000
    let change = received.find((item) => item._id === id)
    while (!change && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        waiters.push(resolve)
        setTimeout(resolve, 200)
      })
      change = received.find((item) => item._id === id)
    }
    assert.ok(change, `no webhook for ${id}`)
    return { change, tags: await tagsForChanges(lake.viewer, [change]) }
  }

  it('a fact expires its trip and its countries, not the officials', async () => {
    const { change, tags } = await tagsAfter('fact-security-advanced-assets', () => lake.editor.patch('fact-security-advanced-assets').set({ statedAt: '2021-03-16' }).commit())
    assert.deepEqual(change.refs, ['country-japan', 'country-united-states', 'topic-security'])
    assert.deepEqual(tags, ['country:japan', 'country:united-states', 'list:factBullet', TRIP])
  })

  it('an official expires their page, the trip they met on, their country; not another official', async () => {
    const { tags } = await tagsAfter('official-toshimitsu-motegi', () => lake.editor.patch('official-toshimitsu-motegi').set({ title: 'Minister for Foreign Affairs of Japan' }).commit())
    for (const tag of ['official:toshimitsu-motegi', TRIP, 'country:japan', 'list:official']) assert.ok(tags.includes(tag), `${tag} in ${tags.join(', ')}`)
    assert.ok(!tags.includes('official:antony-j-blinken'), tags.join(', '))
  })

  it('a meeting moved to another trip expires both trips and the officials it names', async () => {
    await lake.editor.createOrReplace({ _id: 'trip-revalidation-test', _type: 'trip', title: 'Another trip', slug: { _type: 'slug', current: 'another-trip' } })
    const { change, tags } = await tagsAfter('meeting-2021-03-tokyo-blinken-motegi', () =>
      lake.editor
        .patch('meeting-2021-03-tokyo-blinken-motegi')
        .set({ trip: { _type: 'reference', _ref: 'trip-revalidation-test' } })
        .commit(),
    )
    assert.ok(change.refs?.includes('trip-2021-03-tokyo-2plus2') && change.refs.includes('trip-revalidation-test'))
    for (const tag of [TRIP, 'trip:another-trip', 'official:antony-j-blinken', 'official:toshimitsu-motegi', 'list:meeting']) assert.ok(tags.includes(tag), `${tag} in ${tags.join(', ')}`)
    await lake.editor
      .patch('meeting-2021-03-tokyo-blinken-motegi')
      .set({ trip: { _type: 'reference', _ref: 'trip-2021-03-tokyo-2plus2' } })
      .commit()
  })

  it('a trip whose slug changes expires its old and new address', async () => {
    const { change, tags } = await tagsAfter('trip-revalidation-test', () =>
      lake.editor
        .patch('trip-revalidation-test')
        .set({ slug: { _type: 'slug', current: 'another-trip-renamed' } })
        .commit(),
    )
    assert.equal(change.previousSlug, 'another-trip')
    assert.ok(tags.includes('trip:another-trip') && tags.includes('trip:another-trip-renamed') && tags.includes('list:trip'), tags.join(', '))
    assert.ok(!tags.includes(TRIP), 'an unrelated trip stays cached')
  })

  it('a document of a type outside the site’s schema expires only its own list', async () => {
    const { tags } = await tagsAfter('import-log-1', () => lake.editor.createOrReplace({ _id: 'import-log-1', _type: 'importLog', note: 'not shown anywhere' }))
    assert.deepEqual(tags, ['list:importLog'])
  })

  it('site settings expire everything', async () => {
    const { tags } = await tagsAfter('settings', () => lake.editor.patch('settings').set({ title: 'Envoy (test)' }).commit())
    assert.deepEqual(tags, ['sanity'])
  })
})
