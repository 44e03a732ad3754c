/**
 * Editorial workflow end to end, against `npm start` on the e2e lake: review (an author cannot
 * approve their own change, in the API and in the Studio), schedules and embargo lifts as Content
 * Releases made in Envoy's dialog (seen in the Studio's Releases tool, cancelled), an embargoed
 * trip that leaks onto no public surface before its lift and appears everywhere at it, change
 * notes on the page and in the feed, and history mode.
 *
 * The e2e harness runs the lake with review off (LAKE_REVIEW_REQUIRED=false: the other specs
 * publish directly). Approval is needed for scheduled publishing whatever that setting, and the
 * Studio test switches review on for the dataset through the lake's settings endpoint, and off
 * again afterwards (specs run one at a time).
 */
import { E2E } from './support/env'
import { expect, test } from './support/test'
import type { Browser, Page } from '@playwright/test'
import type { SanityClient } from '@sanity/client'
import { advanceLakeClock, createLakeToken, lakeClient, lakeNow } from './support/lake'
import { addStudioUser, documentAction, newStudioPage } from './support/studio'

const STUDIO = E2E.studio
const LAKE = E2E.lakeHttp
const stamp = Date.now().toString(36)
const SEED_TRIP = 'trip-2021-03-tokyo-2plus2'
const HOUR = 3_600_000

let editor: SanityClient
let reader: SanityClient
const tokens = { editor: '', reviewer: '', admin: '' }

async function workflow(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${LAKE}/v2025-02-19${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { description: string } } }
}

const block = (key: string, text: string) => [{ _type: 'block', _key: key, style: 'normal', markDefs: [], children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }] }]

/** Every document the spec makes, removed (published and draft) when it ends. */
const created = new Set<string>()

async function createDraft(doc: Record<string, unknown> & { _id: string; _type: string }) {
  created.add(doc._id)
  await editor.action({ actionType: 'sanity.action.document.create', publishedId: doc._id, attributes: { ...doc, _id: `drafts.${doc._id}` }, ifExists: 'fail' })
}

async function submitAndApprove(id: string) {
  expect((await workflow(tokens.editor, 'POST', '/data/workflow/production', { documentId: id, action: 'submit' })).status).toBe(200)
  const approved = await workflow(tokens.reviewer, 'POST', '/data/workflow/production', { documentId: id, action: 'approve' })
  expect(approved.status, approved.body.error?.description).toBe(200)
}

/** A copy of the seed trip under a new id and slug, with the given changes. */
async function tripLike(id: string, slug: string, title: string, extra: Record<string, unknown> = {}) {
  const seed = await reader.getDocument(SEED_TRIP)
  if (!seed) throw new Error('seed trip missing')
  const { _rev: _r, _createdAt: _c, _updatedAt: _u, changeNotes: _n, firstPublishedAt: _f, updatedAt: _up, factSections: _s, leadQuote: _q, ...rest } = seed
  return { ...rest, _id: id, _type: 'trip', title, slug: { _type: 'slug', current: slug }, ...extra }
}

test.describe.configure({ mode: 'serial', timeout: 180_000 })

test.beforeAll(() => {
  tokens.editor = createLakeToken('editor', `wf-editor-${stamp}`)
  tokens.reviewer = createLakeToken('editor', `wf-reviewer-${stamp}`)
  tokens.admin = createLakeToken('administrator', `wf-admin-${stamp}`)
  editor = lakeClient(tokens.editor)
  reader = lakeClient(createLakeToken('viewer', `wf-viewer-${stamp}`))
})

test.afterAll(async () => {
  // The spec's releases (their titles carry the stamp): archived or published, then deleted.
  const releases = await editor.fetch<{ name: string; state: string }[]>('*[_type == "system.release" && metadata.title match $stamp]{name, state}', { stamp: `*${stamp}*` }, { perspective: 'raw' })
  for (const { name, state } of releases) {
    if (state === 'scheduled') await editor.releases.unschedule({ releaseId: name })
    if (state === 'scheduled' || state === 'active') await editor.releases.archive({ releaseId: name })
    await editor.releases.delete({ releaseId: name })
  }
  // Meetings first: they reference their trip. Published and draft, whichever exists.
  const ids = [...created].sort((a, b) => Number(b.startsWith('meeting-')) - Number(a.startsWith('meeting-')))
  const tx = editor.transaction()
  for (const id of ids) tx.delete(id).delete(`drafts.${id}`)
  await tx.commit()
  expect(await reader.fetch<number>('count(*[_id in $ids || _id in $drafts])', { ids, drafts: ids.map((id) => `drafts.${id}`) }, { perspective: 'raw' })).toBe(0)
})

test('review: the author of a change cannot approve it; another editor can', async () => {
  const id = `topic-wf-${stamp}`
  await createDraft({ _id: id, _type: 'topic', title: 'Review me', slug: { _type: 'slug', current: id } })
  await workflow(tokens.editor, 'POST', '/data/workflow/production', { documentId: id, action: 'submit' })
  const own = await workflow(tokens.editor, 'POST', '/data/workflow/production', { documentId: id, action: 'approve' })
  expect(own.status).toBe(403)
  expect(own.body.error?.description).toContain('You made the last change to this document, so someone else must approve it')
  const other = await workflow(tokens.reviewer, 'POST', '/data/workflow/production', { documentId: id, action: 'approve' })
  expect(other.body.status).toBe('approved')
})

test('embargo in the Studio: the trip, its meeting and its fact go into one release at the lift; nothing is public before it, everything at it', async ({ browser, page, request }) => {
  const tripId = `trip-wf-embargo-${stamp}`
  const slug = `wf-embargo-${stamp}`
  const title = `Embargoed visit ${stamp}`
  const meetingTitle = `Embargoed talks ${stamp}`
  const factText = `Embargoed fact ${stamp}: exports rose 12 percent.`
  // Lake time: the lift falls due when the test moves the lake's clock past it.
  const lift = new Date((await lakeNow()) + HOUR).toISOString()
  await createDraft({ _id: `fact-wf-${stamp}`, _type: 'factBullet', text: block('t', factText), statedAt: '2026-01-01' })
  await createDraft(
    await tripLike(tripId, slug, title, {
      embargoUntil: lift,
      factSections: [{ _key: 'sec', _type: 'factSection', heading: 'Trade', bullets: [{ _key: 'b', _type: 'reference', _ref: `fact-wf-${stamp}`, _weak: true }] }],
    }),
  )
  await createDraft({ _id: `meeting-wf-${stamp}`, _type: 'meeting', title: meetingTitle, kind: 'bilateral', order: 1, trip: { _type: 'reference', _ref: tripId, _weak: true } })
  for (const id of [tripId, `meeting-wf-${stamp}`, `fact-wf-${stamp}`]) await submitAndApprove(id)

  // Publishing early is refused, even to an administrator's force-publish.
  const early = await workflow(tokens.admin, 'POST', '/data/workflow/production', { documentId: tripId, action: 'forcePublish', reason: 'try' })
  expect(early.status).toBe(409)
  expect(early.body.error?.description).toContain('embargoed until')

  // Scheduled from Envoy's dialog, as staff do: one release of the trip, its meeting and its fact.
  const email = `wf-embargo-${stamp}@e2e.test`
  addStudioUser(email, 'editor')
  const studio = await openInStudio(browser, email, tripId, 'trip')
  await documentAction(studio, 'Schedule embargo lift')
  const dialog = studio.getByRole('dialog')
  await expect(dialog).toContainText('Publishes together: the trip and 2 other documents', { timeout: 30_000 })
  await expect(dialog.getByTestId('zoned-times').first()).toContainText(/Washington .* · Tokyo .* · Your time /)
  await dialog.getByRole('button', { name: 'Schedule the lift' }).click()
  const row = dialog.getByTestId('release-row').first()
  await expect(row).toContainText('scheduled', { timeout: 30_000 })
  await expect(row).toContainText(`Embargo lift: ${title}`)
  await studio.screenshot({ path: 'test-results/workflow-embargo-release.png' })
  const releases = await editor.fetch<{ name: string; publishAt: string }[]>(
    '*[_type == "system.release" && metadata.title == $title]{name, publishAt}',
    { title: `Embargo lift: ${title}` },
    { perspective: 'raw' },
  )
  expect(releases).toHaveLength(1)
  expect(releases[0]?.publishAt).toBe(lift)
  const releaseId = releases[0]?.name ?? ''
  expect((await editor.fetch<string[]>('*[sanity::partOfRelease($releaseId)]._id', { releaseId }, { perspective: 'raw' })).sort()).toEqual(
    [tripId, `meeting-wf-${stamp}`, `fact-wf-${stamp}`].map((id) => `versions.${releaseId}.${id}`).sort(),
  )
  // Locked: running the release early is refused by the embargo rule.
  const runEarly = await editor.releases.publish({ releaseId }).then(
    () => 'published',
    (error: unknown) => String(error),
  )
  expect(runEarly).toContain('embargoed until')
  await studio.context().close()

  const surfaces = [`/trips/${slug}`, `/trips/${slug}/calendar.ics`, `/trips/${slug}/briefing`]
  for (const path of surfaces) expect((await request.get(path)).status(), path).toBe(404)
  // The Open Graph route draws a generic card for a trip it cannot find: the embargoed trip's card
  // must be exactly that generic one.
  const ogImage = async (s: string) => Buffer.from(await (await request.get(`/trips/${s}/opengraph-image`)).body())
  const generic = await ogImage(`no-such-trip-${stamp}`)
  expect((await ogImage(slug)).equals(generic), 'Open Graph image shows nothing of the embargoed trip').toBe(true)
  const listings = ['/feed.xml', '/trips', '/sitemap.xml', `/search?q=${encodeURIComponent(`Embargoed ${stamp}`)}`, '/facts', '/']
  for (const path of listings) {
    const response = await request.get(path)
    // A 500 page would "leak" nothing too: the scan only counts on a page that rendered.
    expect(response.status(), path).toBe(200)
    const body = await response.text()
    for (const secret of [title, meetingTitle, factText, slug]) expect(body, `${path} leaks "${secret}"`).not.toContain(secret)
  }

  // At the lift: the trip, its meeting and its fact, together.
  await advanceLakeClock(tokens.admin, HOUR + 1_000)
  await expect.poll(async () => (await request.get(`/trips/${slug}`)).status(), { timeout: 60_000, intervals: [1000] }).toBe(200)
  const published = await reader.fetch<{ _rev: string }[]>('*[_id in $ids]{_rev}', { ids: [tripId, `meeting-wf-${stamp}`, `fact-wf-${stamp}`] })
  expect(published).toHaveLength(3)
  expect(new Set(published.map((doc) => doc._rev)).size).toBe(1)
  expect(await lakeNow()).toBeGreaterThanOrEqual(Date.parse(lift))
  await page.goto(`/trips/${slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByText(meetingTitle).first()).toBeVisible()
  await expect(page.getByText(factText).first()).toBeVisible()
  await page.screenshot({ path: 'test-results/workflow-embargo-lifted.png', fullPage: false })
  await expect.poll(async () => (await request.get('/feed.xml')).text(), { timeout: 30_000 }).toContain(title)
  expect(await (await request.get('/sitemap.xml')).text()).toContain(slug)
  expect((await request.get(`/trips/${slug}/calendar.ics`)).status()).toBe(200)
  expect((await ogImage(slug)).equals(generic), 'Open Graph image now shows the trip').toBe(false)
})

test('change notes: a major note shows in the trip’s change history and its feed entry; a minor one does not', async ({ page, request }) => {
  const tripId = `trip-wf-notes-${stamp}`
  const slug = `wf-notes-${stamp}`
  const title = `Noted visit ${stamp}`
  created.add(tripId)
  await editor.createOrReplace(await tripLike(tripId, slug, title))
  const major = `The Osaka leg was added (${stamp}).`
  const minor = `Typo fixed (${stamp}).`
  await editor.createOrReplace({
    ...(await reader.getDocument(tripId))!,
    _id: `drafts.${tripId}`,
    changeNotes: [
      { _key: 'n1', _type: 'changeNote', date: new Date(Date.now() - 60_000).toISOString(), note: minor, major: false },
      { _key: 'n2', _type: 'changeNote', date: new Date().toISOString(), note: major, major: true },
    ],
  })
  await editor.action({ actionType: 'sanity.action.document.publish', draftId: `drafts.${tripId}`, publishedId: tripId })
  await expect.poll(async () => (await request.get(`/trips/${slug}`)).text(), { timeout: 30_000 }).toContain(major)
  await page.goto(`/trips/${slug}#changes`)
  const history = page.locator('#changes').locator('xpath=..')
  await expect(history).toContainText(major)
  await expect(page.locator('body')).not.toContainText(minor)
  await expect.poll(async () => (await request.get('/feed.xml')).text(), { timeout: 30_000 }).toContain(major)
  const feed = await (await request.get('/feed.xml')).text()
  const entry = feed.split('<entry>').find((item) => item.includes(title)) ?? ''
  expect(entry).toContain(major)
  expect(entry).not.toContain(minor)
})

test('history mode: an official who left office is marked on their page and their trips', async ({ page, request }) => {
  const seed = await reader.getDocument(SEED_TRIP)
  const officialRef = (seed?.officials as { _ref: string }[])[0]!._ref
  const official = await reader.getDocument(officialRef)
  const slug = (official?.slug as { current: string }).current
  await editor.patch(officialRef).set({ leftOffice: '2025-01-20' }).commit()
  try {
    await expect.poll(async () => (await request.get(`/officials/${slug}`)).text(), { timeout: 30_000 }).toContain('this page is kept as a historical record')
    await page.goto(`/officials/${slug}`)
    const banner = page.getByTestId('history-banner')
    await expect(banner).toContainText(`${String(official?.name)} left office on January 20, 2025; this page is kept as a historical record.`)
    await page.screenshot({ path: 'test-results/workflow-history-official.png' })
    await page.goto(`/trips/${(seed?.slug as { current: string }).current}`)
    await expect(page.getByTestId('history-banner')).toContainText(`${String(official?.name)} left office on January 20, 2025`)
  } finally {
    await editor.patch(officialRef).unset(['leftOffice']).commit()
  }
})

/** Signs in through the Studio's login screen, then opens the document. */
async function openInStudio(browser: Browser, email: string, id: string, type: string): Promise<Page> {
  const page = await newStudioPage(browser, email)
  await page.goto(`${STUDIO}/intent/edit/id=${id};type=${type}`)
  await expect(page.locator('[data-testid="field-title"] input').first()).toBeVisible({ timeout: 30_000 })
  return page
}

/**
 * Runs a document action by its label, as staff do: the footer shows the first action as a
 * button and the rest in its "…" menu. Which is which settles once the document's workflow state
 * has loaded, so look again until the action is there and enabled.
 */
/** Edits the title through the form, which makes a draft. */
async function editTitle(page: Page, title: string) {
  const input = page.locator('[data-testid="field-title"] input').first()
  await input.fill(title)
  await expect(input).toHaveValue(title)
}

test.describe('in the Studio, with review required', () => {
  const users = { author: `wf-author-${stamp}@e2e.test`, reviewer: `wf-reviewer-${stamp}@e2e.test`, admin: `wf-admin-${stamp}@e2e.test` }
  const topics = { approve: `topic-wf-studio-${stamp}`, reject: `topic-wf-reject-${stamp}`, force: `topic-wf-force-${stamp}` }
  const embargoTripId = `trip-wf-studio-embargo-${stamp}`
  // A trip is scheduled with Envoy's dialog (with its group); other types use the Studio's own
  // Scheduled Drafts (e2e/releases.spec.ts).
  const scheduleTripId = `trip-wf-schedule-${stamp}`
  const scheduleTripTitle = `Studio schedule ${stamp}`

  test.beforeAll(async () => {
    addStudioUser(users.author, 'editor')
    addStudioUser(users.reviewer, 'editor')
    addStudioUser(users.admin, 'administrator')
    // Published before review is switched on, so each test starts from a published document.
    for (const id of Object.values(topics)) {
      created.add(id)
      await editor.createOrReplace({ _id: id, _type: 'topic', title: `Studio topic ${id}`, slug: { _type: 'slug', current: id } })
    }
    created.add(embargoTripId)
    await createDraft(await tripLike(embargoTripId, `wf-studio-embargo-${stamp}`, `Studio embargo ${stamp}`))
    created.add(scheduleTripId)
    await editor.createOrReplace(await tripLike(scheduleTripId, `wf-studio-schedule-${stamp}`, scheduleTripTitle))
    expect((await workflow(tokens.admin, 'PUT', '/data/workflow/production/settings', { reviewRequired: true })).body.reviewRequired).toBe(true)
  })
  test.afterAll(async () => {
    await workflow(tokens.admin, 'PUT', '/data/workflow/production/settings', { reviewRequired: false })
  })

  test('publish waits for approval, and the author cannot approve their own edit', async ({ browser }) => {
    const author = await openInStudio(browser, users.author, topics.approve, 'topic')
    await editTitle(author, `Studio topic ${stamp} (edited)`)
    const submit = author.getByRole('button', { name: 'Submit for review' })
    await expect(submit).toBeEnabled({ timeout: 30_000 })
    await expect(author.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0)
    await submit.click()
    await expect(author.getByText('In review', { exact: true }).first()).toBeVisible({ timeout: 30_000 })
    await expect(author.getByRole('button', { name: 'Approve' })).toBeDisabled()
    await author.screenshot({ path: 'test-results/workflow-studio-in-review.png' })

    const reviewer = await openInStudio(browser, users.reviewer, topics.approve, 'topic')
    await expect(reviewer.getByText('In review', { exact: true }).first()).toBeVisible({ timeout: 30_000 })
    await reviewer.getByRole('button', { name: 'Approve' }).click()
    await expect(reviewer.getByText('Approved', { exact: true }).first()).toBeVisible({ timeout: 30_000 })
    await reviewer.screenshot({ path: 'test-results/workflow-studio-approved.png' })
    const publish = reviewer.getByRole('button', { name: 'Publish', exact: true })
    await expect(publish).toBeEnabled({ timeout: 30_000 })
    await publish.click()
    await expect.poll(async () => (await reader.getDocument(topics.approve))?.title, { timeout: 30_000 }).toBe(`Studio topic ${stamp} (edited)`)
  })

  test('a reviewer requests changes with a reason, and the author sees it', async ({ browser }) => {
    const author = await openInStudio(browser, users.author, topics.reject, 'topic')
    await editTitle(author, `Needs work ${stamp}`)
    await documentAction(author, 'Submit for review')
    await expect(author.getByText('In review', { exact: true }).first()).toBeVisible({ timeout: 30_000 })

    const reviewer = await openInStudio(browser, users.reviewer, topics.reject, 'topic')
    await documentAction(reviewer, 'Request changes')
    const dialog = reviewer.getByRole('dialog')
    await dialog.getByLabel('What should change?').fill(`Cite the source (${stamp}).`)
    await dialog.getByRole('button', { name: 'Send back to the author' }).click()
    await expect(dialog).toBeHidden({ timeout: 30_000 })
    await expect(reviewer.getByText('Changes requested', { exact: true }).first()).toBeVisible({ timeout: 30_000 })

    // The author's open document follows: the badge says changes were requested, and why.
    await author.reload()
    const badge = author.getByText('Changes requested', { exact: true }).first()
    await expect(badge).toBeVisible({ timeout: 30_000 })
    await badge.hover()
    await expect(author.getByText(`Cite the source (${stamp}).`).first()).toBeVisible({ timeout: 10_000 })
    expect((await reader.getDocument(topics.reject))?.title, 'nothing was published').toBe(`Studio topic ${topics.reject}`)
  })

  test('an administrator force-publishes with a recorded reason', async ({ browser }) => {
    const admin = await openInStudio(browser, users.admin, topics.force, 'topic')
    await editTitle(admin, `Urgent correction ${stamp}`)
    await documentAction(admin, 'Force publish')
    const dialog = admin.getByRole('dialog')
    const confirm = dialog.getByRole('button', { name: 'Force publish' })
    await expect(confirm, 'a reason is required').toBeDisabled()
    await dialog.getByLabel('Reason (required, recorded with the document)').fill(`Wrong date in the title (${stamp})`)
    await confirm.click()
    await expect.poll(async () => (await reader.getDocument(topics.force))?.title, { timeout: 30_000 }).toBe(`Urgent correction ${stamp}`)
    const state = await workflow(tokens.admin, 'GET', `/data/workflow/production/documents/${topics.force}`)
    expect(JSON.stringify(state.body)).toContain(`Wrong date in the title (${stamp})`)
  })

  test('schedule a publish in the dialog: a scheduled release, shown in the Releases tool, cancelled', async ({ browser }) => {
    const author = await openInStudio(browser, users.author, scheduleTripId, 'trip')
    await editTitle(author, `Scheduled ${stamp}`)
    await documentAction(author, 'Schedule publish')
    const dialog = author.getByRole('dialog')
    // A time far ahead: the e2e lake's clock may have been moved on by other tests.
    await dialog.getByLabel('Publish at (your local time)').fill('2030-01-01T09:00')
    await expect(dialog.getByTestId('zoned-times').first()).toContainText(/Washington .* · Your time /)
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click()
    const row = dialog.getByTestId('release-row').first()
    await expect(row).toContainText('scheduled', { timeout: 30_000 })
    await expect(row).toContainText(`Publish: Scheduled ${stamp}`)
    await expect(dialog.getByRole('button', { name: 'Schedule', exact: true }), 'one scheduled release at a time').toBeDisabled()
    await author.screenshot({ path: 'test-results/workflow-studio-schedule.png' })

    // The same release in the Studio's own Releases tool.
    await row.getByRole('link', { name: 'Open in Releases' }).click()
    await expect(author).toHaveURL(/\/releases\/r[A-Za-z0-9]+/, { timeout: 30_000 })
    await expect(author.getByText(`Publish: Scheduled ${stamp}`).first()).toBeVisible({ timeout: 30_000 })
    await expect(author.getByText(`Scheduled ${stamp}`, { exact: true }).first()).toBeVisible({ timeout: 30_000 })
    await author.screenshot({ path: 'test-results/workflow-studio-schedule-releases-tool.png' })
    const releaseId = new URL(author.url()).pathname.split('/').pop() ?? ''
    expect((await editor.releases.get({ releaseId }))?.state).toBe('scheduled')

    await author.goBack()
    await documentAction(author, 'Schedule publish')
    const again = author.getByRole('dialog').getByTestId('release-row').first()
    await expect(again).toContainText('scheduled', { timeout: 30_000 })
    await again.getByRole('button', { name: 'Cancel' }).click()
    await expect(again).toContainText('archived', { timeout: 30_000 })
    expect((await editor.releases.get({ releaseId }))?.state).toBe('archived')
    expect((await reader.getDocument(scheduleTripId))?.title, 'nothing was published').toBe(scheduleTripTitle)
  })

  test('embargo a trip in its field: the countdown and three times show, and the lift is scheduled from the dialog', async ({ browser }) => {
    const author = await openInStudio(browser, users.author, embargoTripId, 'trip')
    await author.getByRole('tab', { name: 'Publishing' }).click()
    const field = author.getByTestId('field-embargoUntil')
    await expect(field).toBeVisible()
    // Typed as staff do; the Studio's date-time box commits on Enter.
    const box = field.getByRole('textbox', { name: 'Embargoed until' })
    await box.click()
    await box.pressSequentially('2030-01-01 14:00')
    await box.press('Enter')
    await expect.poll(async () => (await reader.getDocument(`drafts.${embargoTripId}`))?.embargoUntil, { timeout: 30_000 }).toMatch(/^2030-01-01T/)
    // The countdown card is rendered by the field's input, below Sanity's field wrapper (which
    // holds only its own input), so it is looked up in the page; there is one embargo field.
    const countdown = author.getByTestId('embargo-countdown')
    await expect(countdown).toContainText('Embargoed: lifts in', { timeout: 30_000 })
    await expect(countdown).toContainText(/Washington .* · Tokyo .* · Your time /)
    await author.screenshot({ path: 'test-results/workflow-studio-embargo-field.png' })

    await documentAction(author, 'Schedule embargo lift')
    const dialog = author.getByRole('dialog')
    await expect(dialog).toContainText('publish together at the embargo lift')
    await dialog.getByRole('button', { name: 'Schedule the lift' }).click()
    const row = dialog.getByTestId('release-row').first()
    await expect(row).toContainText(`Embargo lift: Studio embargo ${stamp}`, { timeout: 30_000 })
    await expect(row).toContainText('scheduled')
    await row.getByRole('button', { name: 'Cancel' }).click()
    await expect(row).toContainText('archived', { timeout: 30_000 })
  })
})

test('in the Studio: publishing a change to a published trip asks major or minor, and a major note shows on the page', async ({ browser, page }) => {
  const tripId = `trip-wf-note-studio-${stamp}`
  const slug = `wf-note-studio-${stamp}`
  const email = `wf-noter-${stamp}@e2e.test`
  addStudioUser(email, 'editor')
  created.add(tripId)
  await editor.createOrReplace(await tripLike(tripId, slug, `Note visit ${stamp}`))
  const studio = await openInStudio(browser, email, tripId, 'trip')
  await editTitle(studio, `Note visit ${stamp} (updated)`)
  await documentAction(studio, 'Publish')
  const dialog = studio.getByRole('dialog')
  await expect(dialog).toContainText('what kind of change is this?')
  await dialog.getByText('Major', { exact: false }).first().click()
  const note = `The title now says it was updated (${stamp}).`
  await dialog.locator('#change-note').fill(note)
  await dialog.getByRole('button', { name: 'Publish' }).click()
  await expect.poll(async () => (await reader.getDocument(tripId))?.title, { timeout: 30_000 }).toBe(`Note visit ${stamp} (updated)`)
  await expect(async () => {
    await page.goto(`/trips/${slug}`)
    await expect(page.locator('#changes').locator('xpath=..')).toContainText(note, { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
})
