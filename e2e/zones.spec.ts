/**
 * Times entered where they happen, from a browser in Washington: an editor picks Seoul from the
 * city list for a trip's destination (its zone and coordinates fill in), types 10:00 for a meeting
 * there, sees the time labelled with Seoul's zone and Washington's time beside it, publishes, and
 * the trip page shows the same. A time the clocks skip is refused and nothing is stored.
 */
import type { Browser, Page } from '@playwright/test'
import type { SanityClient } from '@sanity/client'
import { E2E } from './support/env'
import { createLakeToken, lakeClient } from './support/lake'
import { addStudioUser, signInToStudio } from './support/studio'
import { expect, test } from './support/test'

const STUDIO = E2E.studio
const stamp = Date.now().toString(36)
const editorEmail = `zones-${stamp}@e2e.test`
const SEED_TRIP = 'trip-2021-03-tokyo-2plus2'
const tripId = `trip-zones-${stamp}`
const tripSlug = `zones-seoul-${stamp}`
const meetingId = `meeting-zones-${stamp}`
const gapMeetingId = `meeting-zones-gap-${stamp}`
const meetingTitle = `Meeting in Seoul ${stamp}`

let reader: SanityClient
let writer: SanityClient

/** A Studio session in a browser whose clock is Washington's, as the press office's are. */
async function washingtonStudio(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: 'America/New_York' })
  const page = await context.newPage()
  await signInToStudio(page, editorEmail)
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York')
  return page
}

async function draftOf(id: string): Promise<Record<string, unknown> | null> {
  return reader.fetch<Record<string, unknown> | null>('*[_id == $id][0]', { id: `drafts.${id}` }, { perspective: 'raw' })
}

/**
 * Publishes from the document's footer. A published trip's changes first ask "major or minor?"
 * (sanity/workflow/ChangeNoteForm.tsx): the default, minor, is confirmed with the dialog's Publish.
 */
async function publish(page: Page, id: string) {
  const action = page.getByTestId('action-publish')
  const confirm = page.getByTestId('document-panel-portal').getByRole('button', { name: 'Publish', exact: true })
  await expect(async () => {
    if (await confirm.isVisible()) await confirm.click()
    else if (await action.isEnabled()) await action.click()
    expect(await reader.fetch<number>('count(*[_id == $id])', { id: `drafts.${id}` }, { perspective: 'raw' })).toBe(0)
  }).toPass({ timeout: 45_000, intervals: [2_000] })
}

test.describe.configure({ mode: 'serial', timeout: 240_000 })

test.beforeAll(async () => {
  addStudioUser(editorEmail, 'editor')
  reader = lakeClient(createLakeToken('viewer', `zones-e2e-${stamp}`))
  writer = lakeClient(createLakeToken('editor', `zones-e2e-write-${stamp}`))
  const seed = await reader.getDocument(SEED_TRIP)
  if (!seed) throw new Error('seed trip missing')
  // The seed trip's required fields, under a new id and slug, with no destination yet: the
  // editor adds Seoul in the Studio.
  const { _rev: _r, _createdAt: _c, _updatedAt: _u, changeNotes: _n, firstPublishedAt: _f, updatedAt: _up, factSections: _s, leadQuote: _q, destinations: _d, ...rest } = seed
  const meeting = { _type: 'meeting', trip: { _type: 'reference', _ref: tripId }, kind: 'bilateral', date: '2021-03-18' }
  await writer
    .transaction()
    .create({ ...rest, _id: tripId, _type: 'trip', title: `Travel to Seoul ${stamp}`, slug: { _type: 'slug', current: tripSlug }, startDate: '2021-03-17', endDate: '2021-03-18' })
    .create({ ...meeting, _id: meetingId, title: meetingTitle })
    // A meeting in Washington on the night the clocks go forward.
    .create({ ...meeting, _id: gapMeetingId, title: `Meeting on the night of the change ${stamp}`, date: '2021-03-14', timeZone: 'America/New_York' })
    .commit()
})

test.afterAll(async () => {
  const tx = writer.transaction()
  for (const id of [meetingId, gapMeetingId, tripId]) tx.delete(id).delete(`drafts.${id}`)
  await tx.commit()
})

test('Seoul is picked from the city list: zone, coordinates and country fill in, and the trip publishes', async ({ browser }) => {
  const page = await washingtonStudio(browser)
  await page.goto(`${STUDIO}/intent/edit/id=${tripId};type=trip`)
  const destinations = page.getByTestId('field-destinations')
  await expect(destinations).toBeVisible({ timeout: 60_000 })
  await destinations.getByRole('button', { name: 'Add item' }).click()
  const search = page.getByLabel('Find the city')
  await search.fill('Seoul')
  const option = page.getByTestId('gazetteer-option').filter({ hasText: 'South Korea' })
  await expect(option).toHaveCount(1, { timeout: 30_000 })
  await expect(option).toContainText('Asia/Seoul')
  await option.click()
  await expect(page.getByTestId('gazetteer-picked')).toContainText('Seoul, Republic of Korea: time zone Asia/Seoul')

  // What is stored is the city list's, and the fields stay editable.
  await expect
    .poll(async () => ((await draftOf(tripId))?.destinations as unknown[] | undefined)?.[0], { timeout: 30_000 })
    .toMatchObject({
      _type: 'destination',
      city: 'Seoul',
      timeZone: 'Asia/Seoul',
      country: { _type: 'reference', _ref: 'country-republic-of-korea' },
      location: { _type: 'geopoint', lat: 37.5663491, lng: 126.999731 },
    })
  await page.screenshot({ path: 'test-results/zones-destination.png' })
  // Close the destination's dialog as a person would (the first Escape may only close the list).
  await expect(async () => {
    await page.keyboard.press('Escape')
    await expect(page.getByLabel('Find the city')).toHaveCount(0, { timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await expect(destinations).toContainText('Seoul')
  await publish(page, tripId)
})

test('10:00 typed for a Seoul meeting from Washington is stored as 01:00 UTC, labelled KST and shown as 9:00 PM EDT the day before', async ({ browser }) => {
  const page = await washingtonStudio(browser)
  await page.goto(`${STUDIO}/intent/edit/id=${meetingId};type=meeting`)
  await page.getByRole('tab', { name: 'When and where' }).click()
  const starts = page.getByTestId('meeting-time-startsAt')
  await expect(starts).toBeVisible({ timeout: 60_000 })
  // The zone is the trip's destination's, read from the trip: the meeting has none of its own.
  await expect(starts.getByTestId('meeting-time-zone')).toContainText('Local time in Asia/Seoul (KST, UTC+09:00), the trip destination’s time zone')
  // The date box starts from the meeting's date.
  await expect(starts.getByLabel('Date in Asia/Seoul')).toHaveValue('2021-03-18')
  await starts.getByLabel('Time in Asia/Seoul').pressSequentially('10:00')
  await expect(starts.getByTestId('meeting-time-readers')).toHaveText('Readers see 10:00 AM KST · in Washington 9:00 PM EDT, March 17')
  await expect.poll(async () => (await draftOf(meetingId))?.startsAt, { timeout: 30_000 }).toBe('2021-03-18T01:00:00.000Z')

  // The end defaults to the start's day; 11:30 in Seoul.
  const ends = page.getByTestId('meeting-time-endsAt')
  await expect(ends.getByLabel('Date in Asia/Seoul')).toHaveValue('2021-03-18')
  await ends.getByLabel('Time in Asia/Seoul').pressSequentially('11:30')
  await expect.poll(async () => (await draftOf(meetingId))?.endsAt, { timeout: 30_000 }).toBe('2021-03-18T02:30:00.000Z')
  await page.screenshot({ path: 'test-results/zones-meeting-time.png' })

  // Reopened from Washington, the form still shows Seoul's clock, not the browser's.
  await page.reload()
  await page.getByRole('tab', { name: 'When and where' }).click()
  await expect(page.getByTestId('meeting-time-startsAt').getByLabel('Time in Asia/Seoul')).toHaveValue('10:00', { timeout: 60_000 })
  await publish(page, meetingId)

  const portal = await browser.newPage()
  await expect(async () => {
    const response = await portal.goto(`/trips/${tripSlug}`)
    expect(response?.status()).toBe(200)
    const meeting = portal.getByRole('main').locator('li, article').filter({ hasText: meetingTitle }).first()
    await expect(meeting).toContainText('10:00 AM – 11:30 AM KST (9:00 PM – 10:30 PM EDT, March 17 in Washington)', { timeout: 1_000 })
  }).toPass({ timeout: 60_000, intervals: [2_000] })
})

test('a time the clocks skip is refused with the reason, and nothing is stored', async ({ browser }) => {
  const page = await washingtonStudio(browser)
  await page.goto(`${STUDIO}/intent/edit/id=${gapMeetingId};type=meeting`)
  await page.getByRole('tab', { name: 'When and where' }).click()
  const starts = page.getByTestId('meeting-time-startsAt')
  await expect(starts.getByTestId('meeting-time-zone')).toContainText('America/New_York', { timeout: 60_000 })
  await expect(starts.getByTestId('meeting-time-zone')).toContainText('the meeting’s own time zone')
  await starts.getByLabel('Time in America/New_York').pressSequentially('2:30')
  await expect(starts.getByTestId('meeting-time-error')).toHaveText(
    '2:30 AM does not exist on 14 March 2021 in America/New_York: the clocks go forward that night. Check the time with the organisers. Nothing was saved.',
  )
  await expect(starts.getByTestId('meeting-time-readers')).toHaveCount(0)
  // Positive control: an hour later is a real time, and is stored.
  await starts.getByLabel('Time in America/New_York').fill('3:30')
  await expect(starts.getByTestId('meeting-time-readers')).toHaveText('Readers see 3:30 AM EDT')
  await expect.poll(async () => (await draftOf(gapMeetingId))?.startsAt, { timeout: 30_000 }).toBe('2021-03-14T07:30:00.000Z')
})
