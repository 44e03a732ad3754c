/**
 * Content Releases in the Studio, on the e2e lake:
 * - an editor creates a release in the Releases tool, adds a published trip to it from the
 *   document's "Add to release" banner, changes its title in the release, and runs the release;
 *   the trip is then published with the new title, and the release shows as published;
 * - an editor adds two trips to a release and schedules it with the Releases tool's own date
 *   picker; nothing is published before its time, and both trips are at its time (read through
 *   the published perspective and on the portal's trip pages);
 * - an editor archives a release from its menu; its version leaves, the published trip stays;
 * - an editor schedules one trip's draft from its document pane (a Scheduled Draft: a release of
 *   that one document); it is published at its time.
 * The lake's side (actions, perspectives, scheduling, access) is tested in
 * test/lake/releases.test.ts.
 */
import type { Locator, Page } from '@playwright/test'
import type { SanityClient } from '@sanity/client'
import { E2E } from './support/env'
import { advanceLakeClock, createLakeToken, lakeClient, lakeNow } from './support/lake'
import { screenshot } from './support/pages'
import { addStudioUser, newStudioPage } from './support/studio'
import { expect, test } from './support/test'

const STUDIO = E2E.studio
const stamp = Date.now().toString(36)
const SEED_TRIP = 'trip-2021-03-tokyo-2plus2'
const TRIP_ID = `trip-release-${stamp}`
/** The two trips the scheduled release publishes, and the one the archived release holds. */
const SCHEDULED_TRIPS = [`trip-scheduled-a-${stamp}`, `trip-scheduled-b-${stamp}`]
const ARCHIVED_TRIP = `trip-archived-${stamp}`
// Scheduled Drafts are the Studio's for every type but trips (a trip is scheduled with its group by
// Envoy's own dialog, sanity/workflow/index.ts), so the Scheduled Draft is of an official.
const SEED_OFFICIAL = 'official-antony-blinken'
const DRAFT_OFFICIAL = `official-scheduled-draft-${stamp}`
const TRIP_IDS = [TRIP_ID, ...SCHEDULED_TRIPS, ARCHIVED_TRIP]
const DOC_IDS = [...TRIP_IDS, DRAFT_OFFICIAL]
const EDITOR = `release-editor-${stamp}@example.org`

let editor: SanityClient
let reader: SanityClient
let adminToken = ''
/** Every release a test made, removed after. */
const releaseIds: string[] = []

const tripTitle = (id: string) => `Release trip ${id.replace('trip-', '')}`
const tripSlug = (id: string) => id.replace('trip-', 'release-')
const officialName = `Release Official ${stamp}`
const officialSlug = `release-official-${stamp}`

test.describe.configure({ timeout: 180_000 })

test.beforeAll(async () => {
  // Four runs of the lake's CLI (tokens, the Studio user) take a while on a loaded machine.
  test.setTimeout(180_000)
  editor = lakeClient(createLakeToken('editor', `release-editor-${stamp}`))
  reader = lakeClient(createLakeToken('viewer', `release-viewer-${stamp}`))
  adminToken = createLakeToken('administrator', `release-admin-${stamp}`)
  addStudioUser(EDITOR, 'editor')
  // Published copies of a seed trip under their own ids and slugs (review is off on the e2e lake).
  const seed = await reader.getDocument(SEED_TRIP)
  if (!seed) throw new Error('seed trip missing')
  const { _rev: _r, _createdAt: _c, _updatedAt: _u, changeNotes: _n, firstPublishedAt: _f, updatedAt: _up, factSections: _s, leadQuote: _q, ...rest } = seed
  const tx = editor.transaction()
  tx.createOrReplace({ ...rest, _id: TRIP_ID, _type: 'trip', title: `Release trip ${stamp}`, slug: { _type: 'slug', current: `release-trip-${stamp}` } })
  for (const id of [...SCHEDULED_TRIPS, ARCHIVED_TRIP]) tx.createOrReplace({ ...rest, _id: id, _type: 'trip', title: tripTitle(id), slug: { _type: 'slug', current: tripSlug(id) } })
  const official = await reader.getDocument(SEED_OFFICIAL)
  if (!official) throw new Error('seed official missing')
  const { _rev: _or, _createdAt: _oc, _updatedAt: _ou, ...officialContent } = official
  tx.createOrReplace({ ...officialContent, _id: DRAFT_OFFICIAL, _type: 'official', name: officialName, slug: { _type: 'slug', current: officialSlug } })
  await tx.commit()
})

test.afterAll(async () => {
  test.setTimeout(180_000)
  // Releases first, so none left scheduled publishes a trip again later; also any release holding
  // a version of these trips that a failed test did not get to note.
  for (const versionId of await editor.fetch<string[]>('*[_id in path("versions.**")]._id', {}, { perspective: 'raw' })) {
    const [, release, ...rest] = versionId.split('.')
    if (release && DOC_IDS.includes(rest.join('.')) && !releaseIds.includes(release)) releaseIds.push(release)
  }
  for (const id of releaseIds) {
    const release = await editor.releases.get({ releaseId: id })
    if (release?.state === 'scheduled') await editor.releases.unschedule({ releaseId: id })
    if (release?.state === 'active' || release?.state === 'scheduled') await editor.releases.archive({ releaseId: id })
    if (release) await editor.releases.delete({ releaseId: id })
  }
  const tx = editor.transaction()
  for (const id of DOC_IDS) tx.delete(id).delete(`drafts.${id}`)
  await tx.commit()
  const versions = releaseIds.flatMap((id) => DOC_IDS.map((doc) => `versions.${id}.${doc}`))
  const ids = [...DOC_IDS.flatMap((id) => [id, `drafts.${id}`]), ...versions, ...releaseIds.map((id) => `_.releases.${id}`)]
  expect(await editor.fetch<number>('count(*[_id in $ids])', { ids }, { perspective: 'raw' })).toBe(0)
})

/**
 * Creates a release in the Releases tool and returns its id. The Studio then either opens the
 * release or selects it as the perspective (with Scheduled Drafts on), so the id is read from the
 * lake by the stamped title, and the release's page opened by address.
 */
async function createReleaseInStudio(page: Page, title: string): Promise<string> {
  await page.goto(`${STUDIO}/releases`)
  await page.getByRole('button', { name: 'New release' }).first().click()
  await page.getByPlaceholder(/title/i).first().fill(title)
  await page.getByRole('button', { name: 'Create release' }).click()
  const created = async () => await editor.fetch<string[]>('*[_type == "system.release" && metadata.title == $title]._id', { title }, { perspective: 'raw' })
  await expect.poll(async () => (await created()).length, { timeout: 30_000 }).toBe(1)
  const id = (await created())[0]!.replace('_.releases.', '')
  releaseIds.push(id)
  await expect(page.getByText(title).first()).toBeVisible()
  await page.goto(`${STUDIO}/releases/${id}`)
  await expect(page.getByText(title).first()).toBeVisible({ timeout: 30_000 })
  return id
}

/** Opens `tripId` seen through release `id`, adds it from the banner and retitles it there. */
async function addTripToRelease(page: Page, id: string, tripId: string, title: string): Promise<void> {
  await page.goto(`${STUDIO}/structure/trip;${tripId}?perspective=${id}`)
  await page.getByRole('button', { name: 'Add to release' }).click()
  const versionId = `versions.${id}.${tripId}`
  await expect.poll(async () => (await editor.getDocument(versionId))?._id, { timeout: 30_000 }).toBe(versionId)
  const input = page.locator('[data-testid="field-title"] input').first()
  await expect(input).toBeEditable({ timeout: 30_000 })
  await input.fill(title)
  await expect.poll(async () => (await editor.getDocument(versionId))?.title, { timeout: 30_000 }).toBe(title)
}

/** The published titles (or another text field) of `ids`, read over HTTP through the published perspective. */
async function publishedTitles(ids: string[], field: 'title' | 'name' = 'title'): Promise<(string | null)[]> {
  const docs = await reader.fetch<{ _id: string; text: string | null }[]>('*[_id in $ids]{_id, "text": select($field == "name" => name, title)}', { ids, field }, { perspective: 'published' })
  return ids.map((id) => docs.find((doc) => doc._id === id)?.text ?? null)
}

/**
 * A publish time both the browser's clock and the lake's see ahead, in whole minutes as the date
 * pickers count (the e2e lake's manual clock may run ahead of the wall clock).
 */
async function aheadOfBothClocks(): Promise<number> {
  return Math.ceil((Math.max(Date.now(), await lakeNow()) + 2 * 60_000) / 60_000) * 60_000
}

/** Types `ms` into a Studio date picker's text field, as an editor would, and confirms it. */
async function typeDate(page: Page, input: Locator, ms: number): Promise<void> {
  await input.fill(await studioDateText(page, ms))
  await input.press('Enter')
}

/** `ms` as the Studio's date input reads it ("PP HH:mm", e.g. "Dec 2, 2026 09:05"), in the page's zone. */
async function studioDateText(page: Page, ms: number): Promise<string> {
  return page.evaluate((time) => {
    const date = new Date(time)
    const month = date.toLocaleString('en-US', { month: 'short' })
    const pad = (value: number) => String(value).padStart(2, '0')
    return `${month} ${date.getDate()}, ${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`
  }, ms)
}

test('an editor creates a release, adds a trip to it and runs it', async ({ browser }) => {
  const page = await newStudioPage(browser, EDITOR)
  const title = `Spring visit ${stamp}`
  const newTitle = `Release trip ${stamp} (in the release)`

  const releaseId = await createReleaseInStudio(page, title)
  // The trip, seen through the release: not in it yet, until it is added.
  await addTripToRelease(page, releaseId, TRIP_ID, newTitle)
  const versionId = `versions.${releaseId}.${TRIP_ID}`
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
  await screenshot(page, 'releases-published')
})

test("an editor schedules a release of two trips with the Studio's date picker; both publish at its time", async ({ browser }) => {
  const page = await newStudioPage(browser, EDITOR)
  const title = `Scheduled visit ${stamp}`
  const releaseId = await createReleaseInStudio(page, title)
  const newTitles = SCHEDULED_TRIPS.map((id) => `${tripTitle(id)} (scheduled)`)
  for (const [index, id] of SCHEDULED_TRIPS.entries()) await addTripToRelease(page, releaseId, id, newTitles[index]!)

  await page.goto(`${STUDIO}/releases/${releaseId}`)
  for (const newTitle of newTitles) await expect(page.getByText(newTitle).first()).toBeVisible({ timeout: 30_000 })
  const publishAt = await aheadOfBothClocks()
  await page.getByTestId('release-menu-button').click()
  await page.getByRole('menuitem', { name: 'Schedule release...' }).click()
  const dialog = page.getByTestId('confirm-schedule-dialog')
  await expect(dialog).toBeVisible()
  await typeDate(page, dialog.locator('input').first(), publishAt)
  await dialog.getByRole('button', { name: 'Yes, schedule' }).click()
  await expect(dialog).toBeHidden({ timeout: 30_000 })

  await expect.poll(async () => (await editor.releases.get({ releaseId }))?.state, { timeout: 30_000 }).toBe('scheduled')
  const scheduled = await editor.releases.get({ releaseId })
  expect(scheduled?.publishAt && Date.parse(scheduled.publishAt)).toBe(publishAt)
  expect(scheduled?.metadata.releaseType).toBe('scheduled')
  await expect(page.getByTestId('release-menu-button')).toBeVisible()
  await screenshot(page, 'releases-scheduled')
  expect(await publishedTitles(SCHEDULED_TRIPS), 'nothing is published before its time').toEqual(SCHEDULED_TRIPS.map(tripTitle))

  // Let the lake's clock reach the release's time; the lake publishes it by itself.
  await advanceLakeClock(adminToken, publishAt - (await lakeNow()) + 1_000)
  await expect.poll(() => publishedTitles(SCHEDULED_TRIPS), { timeout: 30_000 }).toEqual(newTitles)
  await expect.poll(async () => (await editor.releases.get({ releaseId }))?.state, { timeout: 30_000 }).toBe('published')
  await expect(page.getByText('This release is published successfully.')).toBeVisible({ timeout: 30_000 })
  await screenshot(page, 'releases-scheduled-published')

  // Readers see both on the portal (the publish expires the trips' cached pages).
  const portal = await (await browser.newContext()).newPage()
  for (const [index, id] of SCHEDULED_TRIPS.entries()) {
    await expect(async () => {
      const response = await portal.goto(`${E2E.portal}/trips/${tripSlug(id)}`)
      expect(response?.status()).toBe(200)
      await expect(portal.getByRole('heading', { level: 1 })).toHaveText(newTitles[index]!, { timeout: 2_000 })
    }).toPass({ timeout: 30_000 })
  }
})

test('an editor archives a release from its menu; its version leaves, the published trip stays', async ({ browser }) => {
  const page = await newStudioPage(browser, EDITOR)
  const releaseId = await createReleaseInStudio(page, `Archived visit ${stamp}`)
  const versionTitle = `${tripTitle(ARCHIVED_TRIP)} (never published)`
  await addTripToRelease(page, releaseId, ARCHIVED_TRIP, versionTitle)

  await page.goto(`${STUDIO}/releases/${releaseId}`)
  await expect(page.getByText(versionTitle).first()).toBeVisible({ timeout: 30_000 })
  await page.getByTestId('release-menu-button').click()
  await page.getByTestId('archive-release-menu-item').click()
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, archive release' }).click()
  await expect(page.getByText('This release is archived')).toBeVisible({ timeout: 30_000 })

  expect((await editor.releases.get({ releaseId }))?.state).toBe('archived')
  expect(await editor.getDocument(`versions.${releaseId}.${ARCHIVED_TRIP}`)).toBeUndefined()
  expect(await publishedTitles([ARCHIVED_TRIP])).toEqual([tripTitle(ARCHIVED_TRIP)])
  await screenshot(page, 'releases-archived')
})

test("an editor schedules one official's draft from its document pane (a Scheduled Draft); it is published at its time", async ({ browser }) => {
  const draftName = `${officialName} (scheduled draft)`
  const published = await editor.getDocument(DRAFT_OFFICIAL)
  if (!published) throw new Error('the official to schedule is missing')
  const { _rev: _ignored, ...content } = published
  await editor.createOrReplace({ ...content, _id: `drafts.${DRAFT_OFFICIAL}`, name: draftName })
  const page = await newStudioPage(browser, EDITOR)
  await page.goto(`${STUDIO}/structure/official;${DRAFT_OFFICIAL}`)
  // The form can take a while on a loaded machine (the Studio loads the document and its references).
  await expect(page.locator('[data-testid="field-name"] input').first()).toHaveValue(draftName, { timeout: 60_000 })

  // The Studio's own "Schedule publish" (Scheduled Drafts), in the document's action menu: the only
  // one there (Envoy's own dialog is offered for trips only).
  const dialog = page.getByRole('dialog').filter({ hasText: 'Schedule draft for publishing' })
  await expect(async () => {
    await page.getByTestId('pane-footer').getByTestId('action-menu-button').click()
    await page.getByRole('menuitem', { name: 'Schedule publish' }).click({ timeout: 2_000 })
    await expect(dialog).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  const publishAt = await aheadOfBothClocks()
  await typeDate(page, dialog.locator('input').first(), publishAt)
  await dialog.getByRole('button', { name: 'Schedule', exact: true }).click()
  await expect(dialog).toBeHidden({ timeout: 30_000 })
  await expect(page.getByText(/^Scheduled to be published on/)).toBeVisible({ timeout: 30_000 })

  // A release of this one document, scheduled, holding the draft; nothing published yet.
  const scheduledDraft = async () => {
    const releases = await editor.fetch<{ _id: string; state: string; publishAt: string | null }[]>(
      '*[_type == "system.release" && metadata.cardinality == "one"]{_id, state, publishAt}',
      {},
      { perspective: 'raw' },
    )
    const versionIds = releases.map((release) => `versions.${release._id.replace('_.releases.', '')}.${DRAFT_OFFICIAL}`)
    const held = await editor.fetch<string[]>('*[_id in $versionIds]._id', { versionIds }, { perspective: 'raw' })
    return releases.find((_release, index) => held.includes(versionIds[index] ?? ''))
  }
  await expect.poll(async () => (await scheduledDraft())?.state, { timeout: 30_000 }).toBe('scheduled')
  const release = await scheduledDraft()
  const releaseId = release!._id.replace('_.releases.', '')
  releaseIds.push(releaseId)
  expect(Date.parse(release!.publishAt ?? '')).toBe(publishAt)
  expect((await editor.getDocument(`versions.${releaseId}.${DRAFT_OFFICIAL}`))?.name).toBe(draftName)
  expect(await publishedTitles([DRAFT_OFFICIAL], 'name'), 'nothing is published before its time').toEqual([officialName])
  await screenshot(page, 'releases-scheduled-draft')

  await advanceLakeClock(adminToken, publishAt - (await lakeNow()) + 1_000)
  await expect.poll(() => publishedTitles([DRAFT_OFFICIAL], 'name'), { timeout: 30_000 }).toEqual([draftName])
  expect((await editor.releases.get({ releaseId }))?.state).toBe('published')
  const portal = await (await browser.newContext()).newPage()
  await expect(async () => {
    const response = await portal.goto(`${E2E.portal}/officials/${officialSlug}`)
    expect(response?.status()).toBe(200)
    await expect(portal.getByRole('heading', { level: 1 })).toHaveText(draftName, { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await screenshot(page, 'releases-scheduled-draft-published')
})
