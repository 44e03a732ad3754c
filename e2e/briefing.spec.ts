/**
 * Briefing sheets: the HTML sheet, its PDF (page count, text, metadata, per-revision cache), the
 * version stamp rising with a publish, the stale-figure flag staying out of public view, the
 * single-engagement sheet and the briefing book (without JavaScript).
 *
 * Leaves PNGs of the printed sheet in e2e/artifacts/ for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './support/test'
import type { APIRequestContext } from '@playwright/test'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { createLakeToken, lakeClient } from './support/lake'
import { FIGURES, SEED_TRIP_SLUG } from './support/source-page'

const SHEET = `/trips/${SEED_TRIP_SLUG}/briefing`
const PDF = `/trips/${SEED_TRIP_SLUG}/briefing.pdf`
const TRIP_ID = 'trip-2021-03-tokyo-2plus2'
const TRIP_TITLE = 'Secretary Blinken and Secretary Austin travel to Tokyo, Japan'
const ARTIFACTS = join(__dirname, 'artifacts')

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

async function readPdf(bytes: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise
  const pages: string[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  const { info } = await pdf.getMetadata()
  return { pages, text: squash(pages.join(' ')), info: info as { Title?: string }, markInfo: await pdf.getMarkInfo(), outline: await pdf.getOutline() }
}

async function fetchPdf(request: APIRequestContext, path = PDF) {
  const response = await request.get(path)
  expect(response.status(), path).toBe(200)
  expect(response.headers()['content-type']).toBe('application/pdf')
  return { bytes: await response.body(), headers: response.headers() }
}

/** Writes a PNG of every PDF page (when poppler is installed) so a person can check the print. */
function savePagePngs(bytes: Buffer, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true })
  for (const old of readdirSync(ARTIFACTS)) if (old.startsWith(`${name}-`) && old.endsWith('.png')) rmSync(join(ARTIFACTS, old))
  const pdfFile = join(ARTIFACTS, `${name}.pdf`)
  writeFileSync(pdfFile, bytes)
  try {
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, join(ARTIFACTS, name)])
  } catch {
    // No poppler here: the screenshot test below still leaves a PNG.
  }
}

const versionOf = (stamp: string) => Number(/version (\d+)/.exec(stamp)?.[1] ?? NaN)

test.describe.configure({ mode: 'serial' })

test('the sheet shows title, dates, places, stamp, QR code, both sides, figures and sources', async ({ page }) => {
  const response = await page.goto(SHEET)
  expect(response?.status()).toBe(200)
  const sheet = page.locator('article.briefing-sheet')
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(TRIP_TITLE)
  await expect(sheet).toContainText('March 15–17, 2021')
  await expect(sheet).toContainText('Tokyo, Japan')
  await expect(sheet.getByTestId('prepared-stamp')).toHaveText(/^Prepared [A-Z][a-z]+ \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M E[SD]T · version \d+$/)
  const qr = sheet.getByRole('img', { name: /QR code linking to .*\/trips\/2021-03-tokyo-2plus2$/ })
  await expect(qr.locator('svg')).toHaveCount(1)

  const participants = sheet.getByRole('region', { name: 'Participants' })
  await expect(participants.getByRole('heading', { name: 'U.S. side' })).toBeVisible()
  await expect(participants.getByRole('heading', { name: 'Host side: Japan' })).toBeVisible()
  await expect(participants).toContainText('Antony J. Blinken, Secretary of State')
  await expect(participants).toContainText('Toshimitsu Motegi')

  const figures = sheet.getByRole('region', { name: 'Key figures' })
  for (const figure of ['30,000', '948,100', '$644.7 billion', '55,000']) await expect(figures).toContainText(figure)
  // The source page dates none of its facts: the attribution names the source only.
  await expect(figures).toContainText('Figures: U.S. Department of State[1].')
  await expect(sheet.getByRole('region', { name: 'Sources' })).toContainText('U.S. Department of State')
  await expect(sheet.getByRole('heading', { name: 'Schedule' })).toBeVisible()

  // Print: no site chrome, headings kept with what follows them, page numbers in the margin.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('contentinfo').filter({ hasText: 'official website' })).toBeHidden()
  const breakAfter = await sheet.getByRole('heading', { name: 'Facts', exact: true }).evaluate((h) => getComputedStyle(h).breakAfter)
  expect(breakAfter).toBe('avoid')
})

test('the PDF has at most two pages, every figure and its source, a title and tags; it is cached', async ({ request }) => {
  const first = await fetchPdf(request)
  expect(first.headers['content-disposition']).toMatch(/filename="briefing-2021-03-tokyo-2plus2\.pdf"/)
  savePagePngs(first.bytes, 'briefing-letter')
  const pdf = await readPdf(first.bytes)
  expect(pdf.pages.length).toBeGreaterThanOrEqual(1)
  expect(pdf.pages.length).toBeLessThanOrEqual(2)
  for (const figure of FIGURES) expect(pdf.text).toContain(figure)
  expect(pdf.text).toContain('U.S. Department of State')
  expect(pdf.text).toMatch(/Page 1 of \d/)
  expect(pdf.text).not.toContain('An official website of the United States government')
  expect(pdf.info.Title).toContain(TRIP_TITLE)
  expect(pdf.markInfo?.Marked, 'a tagged PDF').toBe(true)
  expect(pdf.outline?.length ?? 0, 'an outline of the headings').toBeGreaterThan(0)

  // Unchanged content: served from the cache, byte for byte.
  const second = await fetchPdf(request)
  expect(second.headers['x-briefing-cache']).toBe('hit')
  expect(Buffer.compare(second.bytes, first.bytes)).toBe(0)

  const a4 = await fetchPdf(request, `${PDF}?paper=a4`)
  const a4Pdf = await getDocument({ data: new Uint8Array(a4.bytes) }).promise
  const viewport = (await a4Pdf.getPage(1)).getViewport({ scale: 1 })
  expect(Math.round(viewport.width)).toBe(595) // A4 is 595 × 842 points; Letter is 612 × 792.
  expect(a4Pdf.numPages).toBeLessThanOrEqual(2)
})

test('a PNG of the printed sheet is left for review', async ({ page }) => {
  await page.setViewportSize({ width: 816, height: 1056 })
  await page.goto(SHEET)
  await page.emulateMedia({ media: 'print' })
  mkdirSync(ARTIFACTS, { recursive: true })
  const file = join(ARTIFACTS, 'briefing-print.png')
  await page.screenshot({ path: file, fullPage: true })
  expect(existsSync(file)).toBe(true)
})

test('a publish raises the version on the sheet and renders a new PDF', async ({ page, request }) => {
  await page.goto(SHEET)
  const before = versionOf((await page.getByTestId('prepared-stamp').textContent()) ?? '')
  expect(before).toBeGreaterThanOrEqual(1)
  const cachedBefore = await fetchPdf(request)

  const editor = lakeClient(createLakeToken('editor', `e2e-briefing-${Date.now()}`))
  // Any published change will do; the date is taken out again afterwards, so the seed trip
  // keeps no publication dates (its source gives none: e2e/readers-truth.spec.ts).
  await editor.patch(TRIP_ID).set({ updatedAt: new Date().toISOString() }).commit()
  try {
    // No waiting for ISR: the publish's live event expires the cached sheet at once.
    await expect(async () => {
      await page.goto(SHEET)
      await expect(page.getByTestId('prepared-stamp')).toHaveText(new RegExp(`· version ${before + 1}$`), { timeout: 500 })
    }).toPass({ timeout: 10_000 })

    const after = await fetchPdf(request)
    expect(after.headers['x-briefing-cache']).toBe('miss')
    expect(Buffer.compare(after.bytes, cachedBefore.bytes)).not.toBe(0)
    expect((await readPdf(after.bytes)).text).toContain(`version ${before + 1}`)
  } finally {
    await editor.patch(TRIP_ID).unset(['updatedAt']).commit()
  }
})

test('a stale figure is never flagged on the public sheet', async ({ page }) => {
  const editor = lakeClient(createLakeToken('editor', `e2e-stale-${Date.now()}`))
  const fact = 'fact-economy-jobs'
  const figure = 'figures[_key=="jobs"].period'
  expect((await editor.getDocument<{ figures?: { _key: string; period?: unknown }[] }>(fact))?.figures?.find((f) => f._key === 'jobs')?.period).toBeUndefined()
  // A period that ended six years before the trip: stale by any setting.
  await editor
    .patch(fact)
    .set({ [figure]: { _type: 'figurePeriod', start: '2015', end: '2015' } })
    .commit()
  try {
    // The figure is there, with its (old) period, and no flag: the flag is for preview only.
    await expect(async () => {
      await page.goto(SHEET)
      await expect(page.getByRole('region', { name: 'Key figures' })).toContainText('Period: 2015', { timeout: 500 })
    }).toPass({ timeout: 10_000 })
    await expect(page.locator('[data-stale-figure]')).toHaveCount(0)
    await expect(page.getByText(/stale/i)).toHaveCount(0)
  } finally {
    await editor.patch(fact).unset([figure]).commit()
  }
})

test('one engagement has its own sheet and PDF; unknown ones are 404', async ({ page, request }) => {
  const meeting = 'meeting-2021-03-tokyo-blinken-motegi'
  const response = await page.goto(`${SHEET}/${meeting}`)
  expect(response?.status()).toBe(200)
  const sheet = page.locator('article.briefing-sheet')
  await expect(sheet.getByRole('heading', { level: 1 })).toContainText('Motegi')
  await expect(sheet).toContainText(`Part of: ${TRIP_TITLE}`)
  const participants = sheet.getByRole('region', { name: 'Participants' })
  await expect(participants).toContainText('Antony J. Blinken')
  await expect(participants).toContainText('Toshimitsu Motegi')
  await expect(participants).not.toContainText('Lloyd J. Austin III')

  const pdf = await fetchPdf(request, `${PDF}?meeting=${meeting}`)
  expect((await readPdf(pdf.bytes)).text).toContain('Motegi')
  expect((await page.goto(`${SHEET}/meeting-nope`))?.status()).toBe(404)
  expect((await request.get(`/trips/no-such-trip/briefing.pdf`)).status()).toBe(404)
})

test.describe('the briefing book', () => {
  test.use({ javaScriptEnabled: false })

  test('is chosen with a plain form and prints a contents page before the sheets', async ({ page, request }) => {
    await page.goto('/briefing-book')
    await page.getByRole('checkbox', { name: /Tokyo, Japan/ }).check()
    await page
      .getByRole('group', { name: 'Sheets to include' })
      .getByText(/single engagements/)
      .click()
    await page.getByRole('checkbox', { name: /business leaders/ }).check()
    await page.getByRole('button', { name: 'Make the book' }).click()
    await expect(page).toHaveURL(/trips=2021-03-tokyo-2plus2/)

    const contents = page.getByRole('region', { name: 'Contents' })
    await expect(contents.getByRole('listitem')).toHaveCount(1) // the engagement is already in its trip
    await expect(contents.getByRole('link', { name: TRIP_TITLE })).toHaveAttribute('href', '#trip-2021-03-tokyo-2plus2')
    await expect(page.locator('article.briefing-sheet')).toHaveCount(1)
    await expect(page.locator('#trip-2021-03-tokyo-2plus2').getByRole('heading', { level: 2, name: TRIP_TITLE })).toBeVisible()

    const book = await fetchPdf(request, `/briefing-book.pdf?trips=${SEED_TRIP_SLUG}&meetings=${SEED_TRIP_SLUG}~meeting-2021-03-tokyo-journalists-roundtable`)
    const text = (await readPdf(book.bytes)).text
    expect(text).toContain('Contents')
    expect(text).toContain(TRIP_TITLE)
    savePagePngs(book.bytes, 'briefing-book')
  })
})
