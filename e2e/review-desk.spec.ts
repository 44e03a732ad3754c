/**
 * The review desk (sanity/workflow/ReviewDesk.tsx) in the real Studio: an author submits two
 * documents for review; a reviewer finds both on the desk with their author and what changed,
 * approves and publishes one in one step, and it is published and leaves the list while the other
 * stays. The author cannot approve their own change from the desk, and is shown the reason when a
 * reviewer sends it back.
 *
 * Review is switched on for the dataset through the lake's settings endpoint for this spec, and
 * off again afterwards (the e2e lake runs with review off; specs run one at a time).
 */
import type { Browser, Page } from '@playwright/test'
import type { SanityClient } from '@sanity/client'
import { E2E } from './support/env'
import { createLakeToken, lakeClient } from './support/lake'
import { addStudioUser, newStudioPage } from './support/studio'
import { expect, test } from './support/test'

const STUDIO = E2E.studio
const stamp = Date.now().toString(36)
const users = { author: `desk-author-${stamp}@e2e.test`, reviewer: `desk-reviewer-${stamp}@e2e.test` }
const topics = { publish: `topic-desk-publish-${stamp}`, stay: `topic-desk-stay-${stamp}` }
const titles = { publish: `Desk topic ${stamp} to publish`, stay: `Desk topic ${stamp} to keep` }
const original = (id: string) => `Desk original ${id}`

let editor: SanityClient
let reader: SanityClient
let adminToken = ''

async function setReviewRequired(reviewRequired: boolean) {
  const response = await fetch(`${E2E.lakeHttp}/v2025-02-19/data/workflow/production/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ reviewRequired }),
  })
  expect(response.status).toBe(200)
}

/** Signs in, opens the document, changes its title and submits it, as an author does. */
async function submitInStudio(browser: Browser, id: string, title: string): Promise<Page> {
  const page = await newStudioPage(browser, users.author)
  await page.goto(`${STUDIO}/intent/edit/id=${id};type=topic`)
  const input = page.locator('[data-testid="field-title"] input').first()
  await expect(input).toBeVisible({ timeout: 30_000 })
  await input.fill(title)
  await expect(input).toHaveValue(title)
  const submit = page.getByRole('button', { name: 'Submit for review' })
  await expect(submit).toBeEnabled({ timeout: 30_000 })
  await submit.click()
  await expect(page.getByText('In review', { exact: true }).first()).toBeVisible({ timeout: 30_000 })
  return page
}

async function openDesk(page: Page) {
  // Through the Studio's own navigation, as staff do.
  await page.getByRole('link', { name: 'Review desk' }).first().click()
  await expect(page.getByRole('heading', { name: 'Review desk' })).toBeVisible({ timeout: 30_000 })
}

const rowOf = (page: Page, id: string) => page.locator(`[data-testid="review-desk-row"][data-document-id="${id}"]`)

test.describe.configure({ mode: 'serial', timeout: 180_000 })

test.beforeAll(async () => {
  adminToken = createLakeToken('administrator', `desk-admin-${stamp}`)
  editor = lakeClient(createLakeToken('editor', `desk-editor-${stamp}`))
  reader = lakeClient(createLakeToken('viewer', `desk-viewer-${stamp}`))
  addStudioUser(users.author, 'editor')
  addStudioUser(users.reviewer, 'editor')
  // Published before review is switched on, so the desk shows a change to a published document.
  for (const id of Object.values(topics)) await editor.createOrReplace({ _id: id, _type: 'topic', title: original(id), slug: { _type: 'slug', current: id } })
  await setReviewRequired(true)
})

test.afterAll(async () => {
  await setReviewRequired(false)
  const ids = Object.values(topics)
  const tx = editor.transaction()
  for (const id of ids) tx.delete(id).delete(`drafts.${id}`)
  await tx.commit()
  expect(await reader.fetch<number>('count(*[_id in $ids || _id in $drafts])', { ids, drafts: ids.map((id) => `drafts.${id}`) }, { perspective: 'raw' })).toBe(0)
})

test('a reviewer approves and publishes from the desk; the author cannot, and sees a rejection with its reason', async ({ browser }) => {
  const author = await submitInStudio(browser, topics.publish, titles.publish)
  await submitInStudio(browser, topics.stay, titles.stay).then((page) => page.context().close())

  // The author's own desk: both submissions listed, and no approving their own change.
  await openDesk(author)
  const ownRow = rowOf(author, topics.publish)
  await expect(ownRow).toBeVisible({ timeout: 30_000 })
  await expect(ownRow.getByRole('button', { name: 'Approve and publish' })).toBeDisabled({ timeout: 30_000 })
  await expect(ownRow.getByTestId('review-desk-refusal')).toHaveText('You made the last change to this document, so someone else must approve it.')

  const reviewer = await newStudioPage(browser, users.reviewer)
  await openDesk(reviewer)
  const inReview = reviewer.getByTestId('review-desk-in-review')
  for (const [key, id] of Object.entries(topics) as [keyof typeof topics, string][]) {
    const row = rowOf(reviewer, id)
    await expect(inReview.locator(`[data-document-id="${id}"]`)).toBeVisible({ timeout: 30_000 })
    await expect(row.getByRole('link', { name: titles[key] })).toBeVisible()
    await expect(row).toContainText(`Submitted by desk-author-${stamp}`)
    await expect(row.getByTestId('review-desk-changes')).toHaveText('Changed: Title')
  }
  await reviewer.screenshot({ path: 'test-results/review-desk.png' })

  const approve = rowOf(reviewer, topics.publish).getByRole('button', { name: 'Approve and publish' })
  await expect(approve).toBeEnabled({ timeout: 30_000 })
  await approve.click()
  const dialog = reviewer.getByRole('dialog')
  await expect(dialog).toContainText(titles.publish)
  await dialog.getByRole('button', { name: 'Approve and publish now' }).click()

  await expect.poll(async () => (await reader.getDocument(topics.publish))?.title, { timeout: 30_000 }).toBe(titles.publish)
  expect(await reader.getDocument(`drafts.${topics.publish}`), 'the draft was consumed by the publish').toBeFalsy()
  await expect(rowOf(reviewer, topics.publish), 'it leaves the list').toHaveCount(0, { timeout: 30_000 })
  await expect(rowOf(reviewer, topics.stay), 'the other stays').toBeVisible()
  expect((await reader.getDocument(topics.stay))?.title, 'the other is not published').toBe(original(topics.stay))
  // The author's open desk follows without a reload.
  await expect(rowOf(author, topics.publish)).toHaveCount(0, { timeout: 30_000 })

  // A reviewer sends the other back (set up through the workflow endpoint); the author's desk
  // moves it to Changes requested and says why.
  const reason = `Cite the source (${stamp}).`
  const rejected = await fetch(`${E2E.lakeHttp}/v2025-02-19/data/workflow/production`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ documentId: topics.stay, action: 'reject', reason }),
  })
  expect(rejected.status).toBe(200)
  const sentBack = author.getByTestId('review-desk-changes-requested').locator(`[data-document-id="${topics.stay}"]`)
  await expect(sentBack).toContainText(`requested changes: ${reason}`, { timeout: 30_000 })
  await expect(author.getByTestId('review-desk-in-review').locator(`[data-document-id="${topics.stay}"]`)).toHaveCount(0)
  await author.screenshot({ path: 'test-results/review-desk-changes-requested.png' })
})
