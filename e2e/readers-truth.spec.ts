/**
 * What readers are told is true, at phone and desk sizes: publication dates only where the
 * content holds them (none for the seed trip, whose source gives none), a previewed draft that was
 * never published saying so; facts with no invented date, their figures written from data in the
 * source's words, with the period the source gives; the on-screen briefing sheet in one column,
 * its sources marked in the text, engagement sheets titled by their engagement, and a running
 * title on every page of a PDF.
 *
 * Leaves a screenshot of every template it visits, at both sizes, in e2e/artifacts/ for review.
 */
import { pdfPageTexts } from './support/pdf'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ARTIFACTS, SIZES, expectNoAxeViolations, screenshot } from './support/pages'
import { expect, test } from './support/test'
import { createLakeToken, lakeClient, lakeNow } from './support/lake'
import { SEED_TRIP_SLUG } from './support/source-page'
import { SHARE_LINK_ID_PREFIX, SHARE_LINK_TYPE, hashShareToken, newShareToken } from '../editorial/share-rules'

const TRIP = `/trips/${SEED_TRIP_SLUG}`
const SHEET = `${TRIP}/briefing`
const TRIP_ID = 'trip-2021-03-tokyo-2plus2'
const TRIP_TITLE = 'Secretary Blinken and Secretary Austin travel to Tokyo, Japan'
const MEETING = { id: 'meeting-2021-03-tokyo-blinken-motegi', title: 'Meeting with Minister Motegi and other senior officials' }

/** The page's figures, as the source page words them (test/content/faithfulness.test.ts checks the data). */
const FIGURE_WORDINGS = [
  'more than 30,000 American alumni',
  'nearly 200 JET program alumni',
  'nearly 7,500 young Japanese',
  'more than 3,800 Japanese',
  '37 U.S.-based Japan-America Society chapters',
  'over $300 billion',
  'more than 948,100 jobs',
  '$644.7 billion',
  'approximately 55,000 U.S. service members',
]

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

test.describe.configure({ mode: 'serial' })

for (const size of SIZES) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: { width: size.width, height: size.height } })

    test('the seed trip shows no publication date, since its source gives none', async ({ page }) => {
      expect((await page.goto(TRIP))?.status()).toBe(200)
      const header = page.getByRole('main').locator('header').first()
      // Positive control: the header is the one with the trip's title and dates.
      await expect(header.getByRole('heading', { level: 1 })).toHaveText(TRIP_TITLE)
      await expect(header).toContainText('March 15–17, 2021')
      await expect(header.getByTestId('publication-line')).toHaveCount(0)
      await expect(header).not.toContainText(/Published|Updated/)
      await screenshot(page, `trip-${size.name}`)
      await expectNoAxeViolations(page)
    })

    test('facts carry no invented date; figures read as the source words them, with the period it gives', async ({ page }) => {
      expect((await page.goto(TRIP))?.status()).toBe(200)
      const factSheet = page.locator('section', { has: page.getByRole('heading', { name: 'Fact sheet', exact: true }) })
      await expect(factSheet).toContainText('Source of the facts below: U.S. Department of State')
      await expect(factSheet).not.toContainText(/As of|Stated /)
      // On the trip page a figure is read once, in its fact's words (e2e/trip-page.spec.ts); the
      // fact library sets the figures off from their data.
      const sheetText = squash(await factSheet.innerText()).toLowerCase()
      for (const wording of FIGURE_WORDINGS) expect(sheetText).toContain(wording.toLowerCase())

      expect((await page.goto('/facts'))?.status()).toBe(200)
      const library = page.getByRole('main')
      await expect(library).toContainText('Source: U.S. Department of State')
      await expect(library).not.toContainText(/As of/)
      const figures = library.locator('[data-figure]')
      await expect(figures).toHaveCount(FIGURE_WORDINGS.length)
      // The qualifier is set in small capitals on screen: compare the words, not their case.
      const shown = (await figures.allInnerTexts()).map((text) => squash(text).toLowerCase()).join(' | ')
      for (const wording of FIGURE_WORDINGS) expect(shown).toContain(wording.toLowerCase())
      await expect(figures.filter({ hasText: '$644.7 billion' })).toContainText('Period: 2019')
      await expect(figures.filter({ hasText: '7,500' })).toContainText('Period: since 1952')
      await expect(figures.filter({ hasText: '948,100' })).not.toContainText('Period')
      await screenshot(page, `facts-${size.name}`)
    })

    test('the on-screen briefing sheet is one column, its sources marked in the text', async ({ page }) => {
      expect((await page.goto(SHEET))?.status()).toBe(200)
      const sheet = page.locator('article.briefing-sheet')
      const blocks = ['Purpose', 'Schedule', 'Facts'].map((name) => sheet.getByRole('heading', { level: 2, name, exact: true }))
      const lefts = await Promise.all(blocks.map(async (heading) => (await heading.boundingBox())!.x))
      expect(new Set(lefts.map(Math.round)).size, 'the blocks stand one under another').toBe(1)
      const tops = await Promise.all(blocks.map(async (heading) => (await heading.boundingBox())!.y))
      expect([...tops].sort((a, b) => a - b)).toEqual(tops)

      // Every marker in the text names an entry of the numbered list, and links to it.
      const markers = sheet.locator('a.source-marker')
      expect(await markers.count()).toBeGreaterThanOrEqual(3)
      const sources = sheet.getByRole('region', { name: 'Sources' })
      for (const marker of await markers.all()) {
        const label = (await marker.textContent())!
        const target = (await marker.getAttribute('href'))!
        await expect(sources.locator(target)).toContainText(label)
      }
      await expect(sheet.getByRole('region', { name: 'Key figures' })).toContainText('Figures: U.S. Department of State[1].')
      await expect(sheet).toContainText('All facts: U.S. Department of State[1].')
      await expect(sheet).not.toContainText(/as of/i)

      // Print keeps two columns, which keeps the sheet to two pages.
      await page.emulateMedia({ media: 'print' })
      const columns = await sheet.getByRole('heading', { level: 2, name: 'Schedule', exact: true }).evaluate((h) => getComputedStyle(h.closest('section')!.parentElement!).columnCount)
      expect(columns).toBe('2')
      await page.emulateMedia({ media: 'screen' })
      await screenshot(page, `briefing-${size.name}`)
      await expectNoAxeViolations(page)
    })

    test('each engagement’s sheet is listed and titled by its engagement', async ({ page }) => {
      expect((await page.goto(SHEET))?.status()).toBe(200)
      const list = page.getByRole('navigation', { name: 'A sheet for each engagement' })
      await expect(list.getByRole('link')).toHaveCount(5)
      await list.getByRole('link', { name: `Briefing sheet: ${MEETING.title}` }).click()
      await expect(page).toHaveURL(new RegExp(`/briefing/${MEETING.id}$`))
      await expect(page).toHaveTitle(new RegExp(`^Briefing sheet: ${MEETING.title}`))
      const sheet = page.locator('article.briefing-sheet')
      await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(MEETING.title)
      await expect(sheet).toContainText(`Part of: ${TRIP_TITLE}`)
      await screenshot(page, `engagement-briefing-${size.name}`)
      await expectNoAxeViolations(page)
    })
  })
}

test('publication dates show as the content records them', async ({ page }) => {
  const editor = lakeClient(createLakeToken('editor', `e2e-truth-dates-${Date.now()}`))
  await editor.patch(TRIP_ID).set({ firstPublishedAt: '2021-03-12T15:00:00Z', updatedAt: '2021-03-16T02:00:00Z' }).commit()
  try {
    await expect(async () => {
      await page.goto(TRIP)
      await expect(page.getByTestId('publication-line')).toHaveText('Published March 12, 2021 · Updated March 15, 2021', { timeout: 500 })
    }).toPass({ timeout: 15_000 })
  } finally {
    await editor.patch(TRIP_ID).unset(['firstPublishedAt', 'updatedAt']).commit()
  }
  await expect(async () => {
    await page.goto(TRIP)
    await expect(page.getByTestId('publication-line')).toHaveCount(0, { timeout: 500 })
  }).toPass({ timeout: 15_000 })
})

test('a preview of a draft that was never published says so, and shows no dates', async ({ browser, page }) => {
  const stamp = Date.now().toString(36)
  const id = `trip-truth-${stamp}`
  const slug = `truth-${stamp}`
  const editor = lakeClient(createLakeToken('editor', `e2e-truth-preview-${stamp}`))
  const block = (text: string) => [{ _type: 'block', _key: 'b1', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's1', text, marks: [] }] }]
  // Dates in its fields, as a copied trip might carry: an unpublished draft still shows none.
  await editor.create({
    _id: `drafts.${id}`,
    _type: 'trip',
    title: `Unpublished visit ${stamp}`,
    slug: { _type: 'slug', current: slug },
    startDate: '2030-06-10',
    endDate: '2030-06-11',
    destinations: [{ _type: 'destination', _key: 'd1', city: 'Oslo', timeZone: 'Europe/Oslo', country: { _type: 'reference', _ref: 'country-japan' } }],
    officials: [{ _type: 'reference', _ref: 'official-antony-blinken', _key: 'blinken' }],
    purpose: block(`Talks in Oslo (${stamp}).`),
    firstPublishedAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-02T00:00:00Z',
  })
  const token = newShareToken()
  const linkId = `${SHARE_LINK_ID_PREFIX}${crypto.randomUUID()}`
  await editor.create({
    _id: linkId,
    _type: SHARE_LINK_TYPE,
    documentId: id,
    documentType: 'trip',
    tokenHash: await hashShareToken(token),
    expiresAt: new Date((await lakeNow()) + 3600_000).toISOString(),
    createdBy: 'e2e',
    publishedRev: null,
    revokedAt: null,
    openings: [],
  })
  try {
    // The public has no such page.
    expect((await page.goto(`/trips/${slug}`))?.status()).toBe(404)
    for (const size of SIZES) {
      const reviewer = await browser.newPage({ viewport: { width: size.width, height: size.height } })
      await reviewer.goto(`/share/${token}`)
      await expect(reviewer).toHaveURL(new RegExp(`/trips/${slug}$`))
      const header = reviewer.getByRole('main').locator('header').first()
      await expect(header.getByRole('heading', { level: 1 })).toHaveText(`Unpublished visit ${stamp}`)
      await expect(header.getByTestId('publication-line')).toHaveText('Not published yet: this is a preview of a draft.')
      await expect(header).not.toContainText(/Published (January|March)|Updated/)
      await screenshot(reviewer, `trip-unpublished-preview-${size.name}`)
      await reviewer.close()
    }
  } finally {
    await editor.transaction().delete(linkId).delete(`drafts.${id}`).commit()
  }
})

test('every page of a PDF carries its running title', async ({ request }) => {
  mkdirSync(ARTIFACTS, { recursive: true })
  const cases = [
    { path: `${SHEET}.pdf`, file: 'truth-sheet.pdf', title: `Briefing sheet: ${TRIP_TITLE}`, minPages: 1 },
    { path: `${SHEET}.pdf?meeting=${MEETING.id}`, file: 'truth-engagement.pdf', title: `Briefing sheet: ${MEETING.title}`, minPages: 1 },
    // A contents page and two sheets, each on pages of its own: page 2 and on are tested too.
    {
      path: `/briefing-book.pdf?meetings=${SEED_TRIP_SLUG}~${MEETING.id}&meetings=${SEED_TRIP_SLUG}~meeting-2021-03-tokyo-business-leaders`,
      file: 'truth-book.pdf',
      title: `Briefing book: ${MEETING.title}`,
      minPages: 3,
    },
  ]
  for (const { path, file, title, minPages } of cases) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    const pdfFile = join(ARTIFACTS, file)
    writeFileSync(pdfFile, await response.body())
    const pages = (await pdfPageTexts(await response.body())).filter((text) => text.trim() !== '')
    expect(pages.length, path).toBeGreaterThanOrEqual(minPages)
    // pdfjs gives ligatures ("fi", "ff") as text items of their own, so spaces are compared out.
    const unspaced = (text: string) => text.replace(/\s+/g, '')
    for (const [index, text] of pages.entries()) expect(unspaced(text), `${path}, page ${index + 1} of ${pages.length}`).toContain(unspaced(title))
  }
})
