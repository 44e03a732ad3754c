/**
 * Live content through next-sanity's `<SanityLive />` (lib/sanity/live.ts):
 * - a staff preview open in a tab (not in the Presentation tool, whose own refresh would hide a
 *   broken live connection) shows a published change without a reload, over the browser's own
 *   connection to the lake's Live Content API, which carries no token;
 * - the same publish reaches readers through the shared cache well inside the page's TTL (the
 *   portal's own live listener expires and purges it); how fast is measured by
 *   `npm run bench:freshness`.
 */
import type { SanityClient } from '@sanity/client'
import { E2E } from './support/env'
import { createLakeToken, lakeClient } from './support/lake'
import { expect, test } from './support/test'

const stamp = Date.now().toString(36)
const SEED_TRIP = 'trip-2021-03-tokyo-2plus2'
const slug = `live-${stamp}`
const tripId = `trip-live-${stamp}`
const secretId = `e2e-live-secret-${stamp}`
let editor: SanityClient

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test.beforeAll(async () => {
  editor = lakeClient(createLakeToken('editor', `live-e2e-${stamp}`))
  const seed = await editor.getDocument(SEED_TRIP)
  if (!seed) throw new Error('seed trip missing')
  const { _rev: _r, _createdAt: _c, _updatedAt: _u, changeNotes: _n, firstPublishedAt: _f, updatedAt: _up, ...rest } = seed
  await editor.createOrReplace({ ...rest, _id: tripId, _type: 'trip', title: `Live visit ${stamp}`, slug: { _type: 'slug', current: slug } })
})

test.afterAll(async () => {
  await editor.transaction().delete(tripId).delete(`drafts.${tripId}`).delete(`drafts.${secretId}`).commit()
})

test('a published change shows on an open staff preview without a reload, and through the cache for readers', async ({ browser, request }) => {
  const path = `/trips/${slug}`
  // A reader's copy in the shared cache, stored before the change.
  await expect.poll(async () => (await request.get(`${E2E.cache}${path}`)).headers()['x-cache'], { timeout: 30_000, message: 'the page is cached' }).toBe('HIT')

  const secret = `e2e-live-${stamp}`
  await editor.createOrReplace({ _id: `drafts.${secretId}`, _type: 'sanity.previewUrlSecret', secret, studioUrl: E2E.studio })
  const context = await browser.newContext()
  const staff = await context.newPage()
  const live = staff.waitForRequest((request) => request.url().includes('/data/live/events/'))
  await staff.goto(`${E2E.portal}/api/draft-mode/enable?sanity-preview-secret=${secret}&sanity-preview-pathname=${encodeURIComponent(path)}`)
  await expect(staff.getByTestId('preview-banner')).toBeVisible()
  await expect(staff.getByRole('heading', { level: 1 })).toContainText(`Live visit ${stamp}`)

  // The browser listens to the lake itself, as an anonymous reader: published changes only, and
  // the portal's token never reaches the page.
  const stream = await live
  expect(new URL(stream.url()).origin).toBe(`https://localhost:${E2E.lakeHttpsPort}`)
  expect(stream.url()).not.toContain('includeDrafts')
  expect(await stream.allHeaders()).not.toHaveProperty('authorization')

  // Mark the document: a reload would lose the mark.
  await staff.locator('body').evaluate((body) => body.setAttribute('data-e2e-no-reload', 'yes'))
  const corrected = `Live visit ${stamp}, corrected`
  await editor.patch(tripId).set({ title: corrected }).commit()
  await expect(staff.getByRole('heading', { level: 1 })).toContainText(corrected, { timeout: 10_000 })
  await expect(staff.locator('body')).toHaveAttribute('data-e2e-no-reload', 'yes')
  await context.close()

  // Readers: well inside the page's 60 s TTL, so only the publish's purge can have renewed it.
  await expect.poll(async () => (await request.get(`${E2E.cache}${path}`)).text(), { timeout: 10_000, intervals: [100] }).toContain(corrected)
})
