/**
 * Content Releases in the Studio, on the e2e lake: an editor creates a release in the Releases
 * tool, adds a published trip to it from the document's "Add to release" banner, changes its title
 * in the release, and runs the release; the trip is then published with the new title, and the
 * release shows as published. The lake's side (actions, perspectives, scheduling, access) is
 * tested in test/lake/releases.test.ts.
 */
import type { SanityClient } from '@sanity/client'
import { E2E } from './support/env'
import { createLakeToken, lakeClient } from './support/lake'
import { addStudioUser, newStudioPage } from './support/studio'
import { expect, test } from './support/test'

const STUDIO = E2E.studio
const stamp = Date.now().toString(36)
const SEED_TRIP = 'trip-2021-03-tokyo-2plus2'
const TRIP_ID = `trip-release-${stamp}`
const EDITOR = `release-editor-${stamp}@example.org`

let editor: SanityClient
let reader: SanityClient
let releaseId = ''

test.describe.configure({ timeout: 180_000 })

test.beforeAll(async () => {
  editor = lakeClient(createLakeToken('editor', `release-editor-${stamp}`))
  reader = lakeClient(createLakeToken('viewer', `release-viewer-${stamp}`))
  addStudioUser(EDITOR, 'editor')
  // A published copy of a seed trip under its own id and slug (review is off on the e2e lake).
  const seed = await reader.getDocument(SEED_TRIP)
  if (!seed) throw new Error('seed trip missing')
  const { _rev: _r, _createdAt: _c, _updatedAt: _u, changeNotes: _n, firstPublishedAt: _f, updatedAt: _up, factSections: _s, leadQuote: _q, ...rest } = seed
  await editor.createOrReplace({ ...rest, _id: TRIP_ID, _type: 'trip', title: `Release trip ${stamp}`, slug: { _type: 'slug', current: `release-trip-${stamp}` } })
})

test.afterAll(async () => {
  await editor.transaction().delete(TRIP_ID).delete(`drafts.${TRIP_ID}`).commit()
  if (releaseId) {
    const release = await editor.releases.get({ releaseId })
    if (release?.state === 'active') await editor.releases.archive({ releaseId })
    if (release) await editor.releases.delete({ releaseId })
  }
  expect(await reader.fetch<number>('count(*[_id in $ids])', { ids: [TRIP_ID, `drafts.${TRIP_ID}`, `_.releases.${releaseId}`] }, { perspective: 'raw' })).toBe(0)
})

test('an editor creates a release, adds a trip to it and runs it', async ({ browser }) => {
  const page = await newStudioPage(browser, EDITOR)
  const title = `Spring visit ${stamp}`
  const newTitle = `Release trip ${stamp} (in the release)`

  await page.goto(`${STUDIO}/releases`)
  await page.getByRole('button', { name: 'New release' }).first().click()
  await page.getByPlaceholder(/title/i).first().fill(title)
  await page.getByRole('button', { name: 'Create release' }).click()
  // The Studio opens the new release; its id is the last segment of the address.
  await expect(page).toHaveURL(/\/releases\/[A-Za-z0-9_-]+/, { timeout: 30_000 })
  releaseId = new URL(page.url()).pathname.split('/').pop() ?? ''
  await expect(page.getByText(title).first()).toBeVisible()
  expect((await editor.releases.get({ releaseId }))?.metadata.title).toBe(title)

  // The trip, seen through the release: not in it yet, until it is added.
  await page.goto(`${STUDIO}/structure/trip;${TRIP_ID}?perspective=${releaseId}`)
  await page.getByRole('button', { name: 'Add to release' }).click()
  const versionId = `versions.${releaseId}.${TRIP_ID}`
  await expect.poll(async () => (await editor.getDocument(versionId))?._id, { timeout: 30_000 }).toBe(versionId)
  const input = page.locator('[data-testid="field-title"] input').first()
  await expect(input).toBeEditable({ timeout: 30_000 })
  await input.fill(newTitle)
  await expect.poll(async () => (await editor.getDocument(versionId))?.title, { timeout: 30_000 }).toBe(newTitle)
  expect((await reader.getDocument(TRIP_ID))?.title, 'nothing is published before the release runs').toBe(`Release trip ${stamp}`)

  await page.goto(`${STUDIO}/releases/${releaseId}`)
  await expect(page.getByText(newTitle).first()).toBeVisible({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Run release' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Run release' }).click()
  await expect(page.getByText('This release is published successfully.')).toBeVisible({ timeout: 30_000 })

  expect((await reader.getDocument(TRIP_ID))?.title).toBe(newTitle)
  expect(await reader.getDocument(versionId)).toBeUndefined()
  const release = await editor.releases.get({ releaseId })
  expect(release?.state).toBe('published')
  expect(release?.finalDocumentStates).toEqual([{ id: versionId }])
  await page.screenshot({ path: 'test-results/releases-published.png' })
})
