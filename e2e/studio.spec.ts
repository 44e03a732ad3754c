/**
 * The real Sanity Studio (built by `npm run build`, served by `npm start` on STUDIO_PORT) against
 * the local lake: sign-in through the login screen, editing and publishing, a viewer who cannot
 * publish, History, and a second editor who sees changes live. Users are created with the lake's
 * CLI (`user add … --password-stdin`), as an administrator would.
 */
import { E2E } from './support/env'
import { expect, test } from './support/test'
import sharp from 'sharp'
import type { Page } from '@playwright/test'
import type { SanityClient, SanityDocument } from '@sanity/client'
import { createLakeToken, lakeClient, lakeNow } from './support/lake'
import { addStudioUser, newStudioPage, STUDIO_PASSWORD } from './support/studio'

const STUDIO = E2E.studio
const TRIP = '/trips/2021-03-tokyo-2plus2'
const FACT_ID = 'fact-alliance-cornerstone'
const FACT_URL = `${STUDIO}/intent/edit/id=${FACT_ID};type=factBullet`
const stamp = Date.now().toString(36)
const users = { editor: `editor-${stamp}@e2e.test`, second: `second-${stamp}@e2e.test`, viewer: `viewer-${stamp}@e2e.test` }

async function waitForStudio() {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(STUDIO)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`The Studio did not answer at ${STUDIO}`)
}

const factEditor = (page: Page) => page.locator('[data-testid="pt-editor"] [contenteditable="true"]').first()
const publishButton = (page: Page) => page.getByRole('button', { name: 'Publish', exact: true })

async function publishedFactText(): Promise<string> {
  return (await lakeClient().fetch<string>(`*[_id == $id][0].text[0].children[0].text`, { id: FACT_ID })) ?? ''
}

let reader: SanityClient
/** Writes that put back what the spec changed, through an editor token of its own. */
let restorer: SanityClient
/** The seed documents this spec edits, as they were before it ran. */
const originals: SanityDocument[] = []
const KISHI = 'official-nobuo-kishi'

test.describe.configure({ mode: 'serial', timeout: 180_000 })

test.beforeAll(async () => {
  addStudioUser(users.editor, 'editor')
  addStudioUser(users.second, 'editor')
  addStudioUser(users.viewer, 'viewer')
  reader = lakeClient(createLakeToken('viewer', `studio-e2e-${stamp}`))
  restorer = lakeClient(createLakeToken('editor', `studio-e2e-restore-${stamp}`))
  for (const id of [FACT_ID, KISHI]) {
    const doc = await reader.getDocument(id)
    if (!doc) throw new Error(`seed document ${id} is missing`)
    originals.push(doc)
  }
  await waitForStudio()
})

// The spec leaves the dataset as it found it: the seed fact and official restored, its meeting
// and the uploaded portrait removed, so no other spec meets them.
test.afterAll(async () => {
  const meetings = await reader.fetch<string[]>('*[_type == "meeting" && title match $stamp]._id', { stamp: `*${stamp}*` }, { perspective: 'raw' })
  const portrait = await reader.fetch<string | null>('*[_id == $id][0].portrait.asset._ref', { id: KISHI })
  const tx = restorer.transaction()
  for (const original of originals) tx.createOrReplace(original).delete(`drafts.${original._id}`)
  for (const id of meetings) tx.delete(id)
  await tx.commit()
  if (portrait) await restorer.delete(portrait)
})

test('sign in through the login screen and see the desk', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto(STUDIO)
  await page.getByText('Envoy account').click()
  await page.screenshot({ path: 'test-results/studio-login.png' })
  await page.getByLabel('Email').fill(users.editor)
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('not right')
  await page.getByLabel('Password').fill(STUDIO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  for (const item of ['Trips', 'Officials', 'Fact library', 'Settings']) await expect(page.getByText(item, { exact: true }).first()).toBeVisible({ timeout: 30_000 })
  await page.screenshot({ path: 'test-results/studio-desk.png' })
  await page.getByText('Trips', { exact: true }).first().click()
  // Open the seed trip by its id: the list shows a draft's title when one exists.
  await page.locator('a[href*="trip-2021-03-tokyo-2plus2"]').first().click()
  await expect(page.getByText('Meetings').first()).toBeVisible()
  await page.screenshot({ path: 'test-results/studio-trip.png' })
})

test('an editor edits a fact, publishes, a second editor sees it live, History lists it, the trip page shows it', async ({ browser }) => {
  const editor = await newStudioPage(browser, users.editor)
  const second = await newStudioPage(browser, users.second)
  await second.goto(FACT_URL)
  await expect(factEditor(second)).toBeVisible({ timeout: 30_000 })

  await editor.goto(FACT_URL)
  const field = factEditor(editor)
  // The form appears once the document's listener and history have answered; on a busy machine that can take a while.
  await expect(field).toBeVisible({ timeout: 60_000 })
  const addition = ` Checked ${stamp}.`
  await field.click()
  await editor.keyboard.press('Control+End')
  await editor.keyboard.type(addition)

  // The second editor's open form follows without a reload.
  await expect(factEditor(second)).toContainText(addition.trim(), { timeout: 30_000 })

  await expect(publishButton(editor)).toBeEnabled({ timeout: 30_000 })
  await publishButton(editor).click()
  await expect.poll(publishedFactText, { timeout: 30_000 }).toContain(addition.trim())

  // History: the edit and the publish are listed.
  await editor.getByTestId('pane-context-menu-button').last().click()
  await editor.getByRole('menuitem', { name: 'History' }).click()
  // Scoped to the History pane's entries: the document header also says "just now".
  const timeline = editor.locator('[data-testid="timeline-item-button"]')
  const publishedEntry = timeline.filter({ hasText: 'Published' }).first()
  await expect(publishedEntry).toBeVisible({ timeout: 30_000 })
  // The entry is this publish: stamped by the lake's clock (which other specs may have moved on,
  // so the Studio's relative wording against the browser's clock is not compared).
  const stampedAt = Date.parse((await publishedEntry.getAttribute('data-chunk-timestamp')) ?? '')
  expect(Math.abs((await lakeNow()) - stampedAt), 'the Published entry is the publish just made').toBeLessThan(120_000)
  await editor.screenshot({ path: 'test-results/studio-history.png' })

  // The public trip page carries the new text (ISR: reload until it does, up to a minute).
  const portal = await browser.newPage()
  await expect
    .poll(
      async () => {
        await portal.goto(TRIP)
        return (await portal.getByRole('main').textContent()) ?? ''
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toContain(addition.trim())
})

test('a viewer can read but not edit or publish', async ({ browser }) => {
  const viewer = await newStudioPage(browser, users.viewer)
  await viewer.goto(FACT_URL)
  await expect(factEditor(viewer).or(viewer.locator('[data-testid="pt-editor"]')).first()).toBeVisible({ timeout: 30_000 })
  const before = await publishedFactText()
  // The Studio shows a viewer the Publish action, disabled (the lake's grants give no update right).
  await expect(publishButton(viewer)).toBeDisabled({ timeout: 30_000 })
  // The form is read-only: typing changes nothing (the lake would refuse the write too, see
  // test/lake/studio.test.ts).
  await viewer.locator('[data-testid="pt-editor"]').first().click()
  await viewer.keyboard.type(' viewer was here')
  // The Studio marks a form it will not let you edit; the typed text never reaches it.
  await expect(factEditor(viewer)).toHaveCount(0)
  await expect(viewer.locator('[data-testid="pt-editor"]').first()).not.toContainText('viewer was here')
  expect(await reader.fetch('count(*[_id == $id])', { id: `drafts.${FACT_ID}` }, { perspective: 'raw' })).toBe(0)
  expect(await publishedFactText()).toBe(before)
})

test('an editor creates a meeting on the seed trip with an official, publishes, and the schedule shows it', async ({ browser }) => {
  const editor = await newStudioPage(browser, users.editor)
  const title = `Press availability ${stamp}`
  await editor.goto(`${STUDIO}/intent/create/template=meeting;type=meeting/`)
  // Reference fields search as you type; the choice appears in the field's popover.
  await editor.locator('#trip').fill('Tokyo')
  await editor.getByTestId('autocomplete-popover').getByText('travel to Tokyo').first().click()
  await editor.locator('#title').fill(title)
  await editor.getByTestId('field-kind').locator('select').selectOption({ label: 'Press availability' })
  await editor.getByRole('tab', { name: 'Who' }).click()
  await editor.getByTestId('field-participants').getByRole('button', { name: 'Add item' }).click()
  await editor.getByTestId('field-participants').getByPlaceholder('Type to search').fill('Kishi')
  await editor.getByTestId('autocomplete-popover').getByText('Nobuo Kishi').first().click()
  await expect(editor.getByTestId('field-participants')).toContainText('Nobuo Kishi')
  // A click while a reference's search popover is still open only closes the popover, as it
  // would for a person, who then clicks again: so click until the meeting is published.
  await expect(async () => {
    if (await publishButton(editor).isEnabled()) await publishButton(editor).click()
    expect(await reader.fetch<number>('count(*[_type == "meeting" && title == $title])', { title })).toBe(1)
  }).toPass({ timeout: 45_000, intervals: [2_000] })

  const portal = await browser.newPage()
  await expect(async () => {
    await portal.goto(TRIP)
    const meeting = portal.getByRole('main').locator('li, article').filter({ hasText: title }).first()
    await expect(meeting).toBeVisible({ timeout: 1_000 })
    await expect(meeting).toContainText('Nobuo Kishi')
  }).toPass({ timeout: 15_000 })
})

test("an editor uploads an official's portrait and the official's page shows it resized", async ({ browser }) => {
  // A real photograph-sized image (1200×1500), made here so the test needs no binary fixture.
  const original = await sharp({ create: { width: 1200, height: 1500, channels: 3, background: { r: 40, g: 80, b: 140 } } })
    .png()
    .toBuffer()
  const editor = await newStudioPage(browser, users.editor)
  await editor.goto(`${STUDIO}/intent/edit/id=${KISHI};type=official`)
  await editor.getByTestId('image-input').locator('input[type="file"]').setInputFiles({ name: 'kishi.png', mimeType: 'image/png', buffer: original })
  // The schema asks for a text alternative before an image can be published.
  await editor.getByTestId('field-portrait.alt').getByRole('textbox').fill('Test portrait: a plain blue rectangle')
  await expect(publishButton(editor)).toBeEnabled({ timeout: 30_000 })
  await publishButton(editor).click()
  await expect.poll(() => reader.fetch<string | null>('*[_id == $id][0].portrait.asset._ref', { id: KISHI }), { timeout: 30_000 }).toMatch(/^image-/)

  const portal = await browser.newPage()
  let src = ''
  await expect(async () => {
    await portal.goto('/officials/nobuo-kishi')
    src = (await portal.getByRole('main').getByRole('img', { name: 'Test portrait: a plain blue rectangle' }).getAttribute('src', { timeout: 1_000 })) ?? ''
    expect(src).toContain('/images/')
  }).toPass({ timeout: 15_000 })
  const image = await portal.request.get(src, { ignoreHTTPSErrors: true })
  expect(image.ok()).toBe(true)
  const served = await image.body()
  const { width, height } = await sharp(served).metadata()
  expect(served.length).toBeLessThan(original.length)
  expect(width).toBeLessThan(1200)
  expect(height).toBeLessThan(1500)
})
