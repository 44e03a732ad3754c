/**
 * The Studio as it behaves on hosted Sanity, where Envoy's editorial lake plugin is absent and a
 * plan may have no Content Releases. The real Studio runs on the e2e lake; only the answers that
 * differ on hosted Sanity are given to the browser as hosted Sanity gives them (Playwright
 * `context.route`): the plugin's review endpoints are 404 (there is no such route there), and a
 * plan without releases lists no `contentReleases` in `/features`. Everything else is the lake.
 *
 * - Share preview: Envoy's per-document links need the plugin, so the action offers
 *   Presentation's own sharing instead, says so, and opens Presentation, whose Share button is there.
 * - Schedule: without Content Releases the dialog says plainly that scheduling is not available,
 *   and that the portal still holds embargoed trips back on its own.
 */
import type { BrowserContext, Page } from '@playwright/test'
import { E2E } from './support/env'
import { createLakeToken, lakeClient } from './support/lake'
import { addStudioUser, documentAction, newStudioPage } from './support/studio'
import { expect, test, type BrowserProblems } from './support/test'

const stamp = Date.now().toString(36)
const TOPIC = `topic-hosted-${stamp}`
// Envoy's Schedule dialog is a trip's (sanity/workflow/index.ts): a draft copy of the seed trip.
const SEED_TRIP = 'trip-2021-03-tokyo-2plus2'
const TRIP = `trip-hosted-${stamp}`
const EMAIL = `hosted-${stamp}@e2e.test`
const editor = lakeClient(createLakeToken('editor', `hosted-editor-${stamp}`))

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test.beforeAll(async () => {
  addStudioUser(EMAIL, 'editor')
  await editor.action({
    actionType: 'sanity.action.document.create',
    publishedId: TOPIC,
    attributes: { _id: `drafts.${TOPIC}`, _type: 'topic', title: `Hosted topic ${stamp}`, slug: { _type: 'slug', current: TOPIC } },
    ifExists: 'fail',
  })
  const seed = await editor.getDocument(SEED_TRIP)
  if (!seed) throw new Error('seed trip missing')
  const { _rev: _r, _createdAt: _c, _updatedAt: _u, _id: _i, changeNotes: _n, firstPublishedAt: _f, updatedAt: _up, ...trip } = seed
  await editor.create({ ...trip, _id: `drafts.${TRIP}`, title: `Hosted trip ${stamp}`, slug: { _type: 'slug', current: `hosted-${stamp}` } })
})

test.afterAll(async () => {
  await editor.transaction().delete(TOPIC).delete(`drafts.${TOPIC}`).delete(`drafts.${TRIP}`).commit()
  expect(await editor.fetch<number>('count(*[_id in $ids])', { ids: [TOPIC, `drafts.${TOPIC}`, `drafts.${TRIP}`] }, { perspective: 'raw' })).toBe(0)
})

/** Hosted Sanity has no `/data/workflow` routes: the plugin's endpoints answer 404 there. */
async function withoutEditorialPlugin(context: BrowserContext, browserProblems: BrowserProblems) {
  await context.route(/\/data\/workflow\//, (route) =>
    route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: 'Not Found', message: 'Not Found', statusCode: 404 }) }),
  )
  browserProblems.allow(/404 for GET .*\/data\/workflow\//, 'hosted Sanity has no editorial plugin: its 404 is the answer under test')
  browserProblems.allow(/Failed to load resource: the server responded with a status of 404.*\/data\/workflow\//, 'the browser logs that same 404')
}

async function openTopic(page: Page) {
  await page.goto(`${E2E.studio}/intent/edit/id=${TOPIC};type=topic`)
  await expect(page.locator('[data-testid="field-title"] input').first()).toHaveValue(`Hosted topic ${stamp}`, { timeout: 30_000 })
}

test('without the editorial plugin, Share preview offers Presentation’s own sharing and says why', async ({ browser, browserProblems }) => {
  const page = await newStudioPage(browser, EMAIL)
  await withoutEditorialPlugin(page.context(), browserProblems)
  await openTopic(page)
  await documentAction(page, 'Share preview link')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByTestId('presentation-sharing')).toContainText('Use Presentation’s own sharing instead', { timeout: 30_000 })
  await expect(dialog).toContainText('one secret for the whole dataset')
  // Envoy's own link form is not offered: no link made here would open.
  await expect(dialog.getByRole('button', { name: 'Create preview link' })).toHaveCount(0)
  await page.screenshot({ path: 'test-results/hosted-share-presentation.png' })
  await dialog.getByRole('link', { name: 'Open in Presentation' }).click()
  await expect(page).toHaveURL(/\/presentation/, { timeout: 30_000 })
  await expect(page.getByRole('button', { name: 'Share this preview' })).toBeVisible({ timeout: 60_000 })
  await page.context().close()
})

test('with the editorial plugin, Share preview is Envoy’s own per-document link (control)', async ({ browser }) => {
  const page = await newStudioPage(browser, EMAIL)
  await openTopic(page)
  await documentAction(page, 'Share preview link')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('button', { name: 'Create preview link' })).toBeVisible({ timeout: 30_000 })
  await expect(dialog.getByTestId('presentation-sharing')).toHaveCount(0)
  await page.context().close()
})

test('on a plan without Content Releases, the Schedule dialog says plainly that scheduling is not available', async ({ browser }) => {
  const page = await newStudioPage(browser, EMAIL)
  // Hosted Sanity lists a project's features; a plan without releases lists no contentReleases.
  await page.context().route(/\/features(\?|$)/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '[]' }))
  await page.goto(`${E2E.studio}/intent/edit/id=${TRIP};type=trip`)
  await expect(page.locator('[data-testid="field-title"] input').first()).toHaveValue(`Hosted trip ${stamp}`, { timeout: 30_000 })
  await documentAction(page, 'Schedule publish')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByTestId('no-releases')).toContainText('this project’s plan has no Content Releases', { timeout: 30_000 })
  await expect(dialog).toContainText('the portal checks the embargo itself')
  await expect(dialog.getByRole('button', { name: 'Schedule', exact: true })).toHaveCount(0)
  await page.screenshot({ path: 'test-results/hosted-no-releases.png' })
  expect(await editor.fetch<number>('count(*[_type == "system.release" && metadata.title match $stamp])', { stamp: `*${stamp}*` }, { perspective: 'raw' })).toBe(0)
  await page.context().close()
})
