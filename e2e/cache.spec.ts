/**
 * The shared cache in front of the portal (Varnish, cache/envoy.vcl), as `npm run start:cached`
 * runs it: the e2e harness starts it on CACHE_PORT in front of the same `next start`.
 *
 * - A publish shows through the cache at once (a purge by surrogate key, not the TTL), and pages
 *   that do not show the change stay cached.
 * - A reader in preview (draft-mode cookie) is never served a cached page, and what they see is
 *   never stored for anyone else.
 * - A junk address is kept only briefly: no cache object for it outlives its short TTL.
 */
import { randomBytes } from 'node:crypto'
import type { APIRequestContext } from '@playwright/test'
import type { SanityClient } from '@sanity/client'
import { E2E } from './support/env'
import { createLakeToken, lakeClient } from './support/lake'
import { expect, test } from './support/test'

const stamp = Date.now().toString(36)
const SEED_TRIP = 'trip-2021-03-tokyo-2plus2'
let editor: SanityClient
const created: string[] = []

/** Status, X-Cache and body of a request through the cache. */
async function throughCache(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  const response = await request.get(`${E2E.cache}${path}`, { headers, maxRedirects: 0 })
  return { status: response.status(), cache: response.headers()['x-cache'], body: await response.text(), headers: response.headers() }
}

/** Asks until the cache serves `path` from its store, so a test starts from a cached page. */
async function untilHit(request: APIRequestContext, path: string) {
  await expect.poll(async () => (await throughCache(request, path)).cache, { timeout: 30_000, message: `${path} is cached` }).toBe('HIT')
}

/** A published copy of the seed trip under its own id and slug. */
async function publishTrip(title: string, slug: string): Promise<string> {
  const seed = await editor.getDocument(SEED_TRIP)
  if (!seed) throw new Error('seed trip missing')
  const { _rev: _r, _createdAt: _c, _updatedAt: _u, changeNotes: _n, firstPublishedAt: _f, updatedAt: _up, ...rest } = seed
  const id = `trip-cache-${slug}`
  created.push(id)
  await editor.createOrReplace({ ...rest, _id: id, _type: 'trip', title, slug: { _type: 'slug', current: slug } })
  return id
}

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test.beforeAll(async () => {
  editor = lakeClient(createLakeToken('editor', `cache-e2e-${stamp}`))
  await expect.poll(async () => (await fetch(`${E2E.cache}/about`).catch(() => null))?.status, { timeout: 60_000, message: 'the cache answers' }).toBe(200)
})

test.afterAll(async () => {
  const tx = editor.transaction()
  for (const id of created) tx.delete(id).delete(`drafts.${id}`)
  await tx.commit()
})

test('a publish shows through the cache at once, and pages it does not touch stay cached', async ({ request, page }) => {
  const slug = `cache-${stamp}`
  const id = await publishTrip(`Cached visit ${stamp}`, slug)
  await expect.poll(async () => (await throughCache(request, `/trips/${slug}`)).status, { timeout: 30_000 }).toBe(200)
  await untilHit(request, `/trips/${slug}`)
  await untilHit(request, '/about')
  // Compression happens once, in the cache: a reader asking for gzip gets it from the stored object.
  const gzipped = await request.get(`${E2E.cache}/trips/${slug}`, { headers: { 'accept-encoding': 'gzip' } })
  expect(gzipped.headers()['content-encoding']).toBe('gzip')
  // The cache's own bookkeeping is not for readers.
  expect(gzipped.headers()['surrogate-key']).toBeUndefined()
  expect(gzipped.headers()['xkey']).toBeUndefined()

  const corrected = `Cached visit ${stamp}, corrected`
  await editor.patch(id).set({ title: corrected }).commit()
  // Well inside the page's TTL: only a purge can have made the cache fetch it again.
  await expect.poll(async () => (await throughCache(request, `/trips/${slug}`)).body, { timeout: 10_000, intervals: [100] }).toContain(corrected)
  await expect.poll(async () => (await throughCache(request, `/trips/${slug}`)).cache, { timeout: 10_000 }).toBe('HIT')
  expect((await throughCache(request, '/about')).cache, 'a page that does not show the trip was not purged').toBe('HIT')

  // What a reader sees through the cache.
  await page.goto(`${E2E.cache}/trips/${slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(corrected)
})

test('preview is never served from the cache, and what it shows is never stored for anyone else', async ({ browser, request }) => {
  const slug = `cache-preview-${stamp}`
  const id = await publishTrip(`Preview visit ${stamp}`, slug)
  const marker = `Draft only ${stamp}`
  created.push(`e2e-cache-secret-${stamp}`)
  await editor.createOrReplace({ ...(await editor.getDocument(id))!, _id: `drafts.${id}`, title: marker })
  await untilHit(request, `/trips/${slug}`)

  // Staff enter preview through the cache, as they would on the public address.
  const secret = `e2e-cache-${stamp}-${randomBytes(6).toString('hex')}`
  await editor.createOrReplace({ _id: `drafts.e2e-cache-secret-${stamp}`, _type: 'sanity.previewUrlSecret', secret, studioUrl: E2E.studio })
  const context = await browser.newContext()
  const staff = await context.newPage()
  const seen: string[] = []
  staff.on('response', (response) => {
    if (response.url().startsWith(E2E.cache) && response.request().isNavigationRequest()) seen.push(`${response.url()} ${response.headers()['x-cache']}`)
  })
  await staff.goto(`${E2E.cache}/api/draft-mode/enable?sanity-preview-secret=${secret}&sanity-preview-pathname=${encodeURIComponent(`/trips/${slug}`)}`)
  await expect(staff).toHaveURL(new RegExp(`/trips/${slug}$`))
  await expect(staff.getByTestId('preview-banner')).toBeVisible()
  // Staff preview carries stega's invisible edit markers after the text (click-to-edit), so the
  // heading contains the draft title rather than equalling it.
  await expect(staff.getByRole('heading', { level: 1 })).toContainText(marker)
  await staff.reload()
  await expect(staff.getByRole('heading', { level: 1 })).toContainText(marker)
  expect(seen.length).toBeGreaterThan(0)
  for (const line of seen) expect(line, 'every preview page passed the cache').toMatch(/ PASS$/)
  await context.close()

  // A reader without cookies, straight after, and once the page is stored again (the publish's
  // second purge, 3 s after it, may have made it stale meanwhile): the published page, never the draft.
  const reader = await throughCache(request, `/trips/${slug}`)
  expect(reader.status).toBe(200)
  expect(['HIT', 'MISS', 'STALE']).toContain(reader.cache)
  expect(reader.body).toContain(`Preview visit ${stamp}`)
  expect(reader.body).not.toContain(marker)
  await untilHit(request, `/trips/${slug}`)
  const stored = await throughCache(request, `/trips/${slug}`)
  expect(stored.body).toContain(`Preview visit ${stamp}`)
  expect(stored.body).not.toContain(marker)
  // The cookie alone is enough to pass, whatever its value.
  expect((await throughCache(request, `/trips/${slug}`, { cookie: '__prerender_bypass=x' })).cache).toBe('PASS')
})

test('a junk address is kept only briefly: no object for it outlives its short TTL', async ({ request }) => {
  const junk = `/trips/junk-${stamp}-${randomBytes(4).toString('hex')}`
  const first = await throughCache(request, junk)
  expect(first.status).toBe(404)
  expect(first.cache).toBe('MISS')
  // A burst of the same junk is answered from the cache rather than by rendering each time...
  expect((await throughCache(request, junk)).cache).toBe('HIT')
  // ...and then forgotten: after the short TTL the cache asks the portal again.
  await expect.poll(async () => (await throughCache(request, junk)).cache, { timeout: 30_000, intervals: [1_000] }).toBe('MISS')
  // A positive control: a real page is still cached meanwhile.
  await untilHit(request, '/about')
})

test('only the portal’s own live listener can expire pages: a forged or oversized invalidation gets 401 and purges nothing', async ({ request }) => {
  await untilHit(request, '/about')
  const forged: { headers: Record<string, string>; data: unknown }[] = [
    { headers: {}, data: { all: true } },
    { headers: { 'x-envoy-live-secret': 'guess' }, data: { all: true } },
    { headers: { 'x-envoy-live-secret': 'x'.repeat(43) }, data: { tags: Array.from({ length: 100_000 }, (_, index) => `s1:${index}`) } },
  ]
  for (const { headers, data } of forged) {
    // Straight to the portal, and through the cache (which passes POSTs on).
    for (const base of [E2E.portal, E2E.cache]) {
      const response = await request.post(`${base}/api/revalidate/live`, { headers, data })
      expect(response.status(), `${base} with ${JSON.stringify(headers)}`).toBe(401)
    }
  }
  expect((await throughCache(request, '/about')).cache, 'nothing was purged').toBe('HIT')
})
