import { expect, test } from './support/test'
import type { APIRequestContext } from '@playwright/test'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { createLakeToken, lakeClient } from './support/lake'
import { FIGURES, OFFICIALS, SECTION_HEADINGS, SEED_TRIP_SLUG, sourceBullets } from './support/source-page'

const TRIP = `/trips/${SEED_TRIP_SLUG}`

/** Text of every page of a PDF, extracted with pdf.js. */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise
  const pages: string[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  return pages
}

/** Folds whitespace so text split across lines or PDF runs still compares. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

test('the home page lists the seed trip among past trips', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByText('An official website of the United States government')).toBeVisible()
  const past = page.getByRole('region', { name: /past/i })
  await expect(past.getByRole('link', { name: /Tokyo/ })).toBeVisible()
})

test('the trip page carries every engagement, official, the quote, each section and figure', async ({ page }) => {
  const response = await page.goto(TRIP)
  expect(response?.status()).toBe(200)
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1 })).toContainText('Tokyo')
  await expect(main).toContainText('March 15–17, 2021')

  for (const name of OFFICIALS) await expect(main).toContainText(name)
  await expect(main).toContainText('America’s alliances are our greatest asset')
  await expect(main).toContainText('Joseph R. Biden, Jr.')

  for (const engagement of ['Security Consultative Committee', 'meet separately with Minister Motegi', 'business leaders', 'women entrepreneurs', 'emerging Japanese journalists']) {
    await expect(main.getByText(engagement, { exact: false }).first()).toBeVisible()
  }

  for (const heading of SECTION_HEADINGS) await expect(main.getByRole('heading', { name: heading })).toBeVisible()

  const text = squash(await main.innerText())
  for (const bullet of sourceBullets()) expect(text, 'a fact sheet bullet, word for word').toContain(squash(bullet))
  for (const figure of FIGURES) expect(text).toContain(figure)
  // The page's one link is a promotion state.gov shows on every page, not part of the trip.
  expect(text).not.toContain('The Lessons of 1989')
  // The source page gives no time of day for any engagement, so the schedule may show none.
  const schedule = main.locator('section', { has: page.getByRole('heading', { name: 'Schedule', exact: true }) })
  await expect(schedule).toContainText('Security Consultative Committee')
  expect(squash(await schedule.innerText())).not.toMatch(/\b\d{1,2}:\d{2}\b/)
})

test('the briefing sheet prints on at most two Letter pages with every figure', async ({ page }) => {
  await page.goto(`${TRIP}/briefing`)
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  const pdf = await page.pdf({ format: 'Letter', printBackground: true })
  const pages = await pdfPages(pdf)
  expect(pages.length).toBeGreaterThanOrEqual(1)
  expect(pages.length).toBeLessThanOrEqual(2)
  const text = squash(pages.join(' '))
  for (const figure of FIGURES) expect(text).toContain(figure)
  expect(text).not.toContain('An official website of the United States government')
})

test('an official has a page listing the trip', async ({ page }) => {
  await page.goto(TRIP)
  await page.getByRole('link', { name: 'Antony J. Blinken' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Antony J. Blinken')
  await expect(page.getByRole('main')).toContainText('Secretary of State')
  await expect(page.getByRole('main').getByRole('link', { name: /Tokyo/ }).first()).toBeVisible()
})

test('unknown slugs answer with a real 404', async ({ page }) => {
  for (const path of ['/trips/no-such-trip', '/trips/no-such-trip/briefing', '/officials/no-such-person']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i)
  }
})

test('a draft created through the lake never appears on a public page', async ({ page }) => {
  const marker = `DRAFTMARKER${Date.now()}`
  const editor = lakeClient(createLakeToken('editor', `e2e-drafts-${Date.now()}`))
  const draftIds = [`drafts.trip-${marker}`, `drafts.official-${marker}`, 'drafts.trip-2021-03-tokyo-2plus2']
  await editor
    .transaction()
    .create({ _id: `drafts.trip-${marker}`, _type: 'trip', title: `Trip ${marker}`, slug: { _type: 'slug', current: marker.toLowerCase() }, startDate: '2030-01-01', endDate: '2030-01-02' })
    .create({ _id: `drafts.official-${marker}`, _type: 'official', name: `Official ${marker}`, slug: { _type: 'slug', current: `official-${marker.toLowerCase()}` } })
    .createOrReplace({ ...(await editor.getDocument('trip-2021-03-tokyo-2plus2'))!, _id: 'drafts.trip-2021-03-tokyo-2plus2', title: `Edited ${marker}` })
    .commit()

  try {
    // Draft-only slugs are rendered on demand: a leak would show here.
    for (const path of [`/trips/${marker.toLowerCase()}`, `/officials/official-${marker.toLowerCase()}`]) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(404)
    }
    for (const path of ['/', TRIP, `${TRIP}/briefing`, '/officials/antony-j-blinken', '/sitemap.xml']) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(200)
      expect(await page.content(), path).not.toContain(marker)
    }
  } finally {
    // Leave no drafts behind for the tests that follow (the Studio lists drafts first).
    const cleanup = editor.transaction()
    for (const id of draftIds) cleanup.delete(id)
    await cleanup.commit()
  }
})

/**
 * Next's full-route cache answer for a page: MISS when it had to be rendered before answering
 * (its cache entry was expired), HIT or STALE when served from the cache (STALE also starts the
 * 60-second background refresh of ISR, which has nothing to do with a publish).
 */
async function cacheState(request: APIRequestContext, path: string): Promise<string | undefined> {
  const response = await request.get(path)
  expect(response.status(), path).toBe(200)
  return response.headers()['x-nextjs-cache']
}

test('a published correction reaches the pages that show it at once, and only those', async ({ page, request }) => {
  const editor = lakeClient(createLakeToken('editor', `e2e-correction-${Date.now()}`))
  const id = 'fact-security-advanced-assets'
  const original = await editor.getDocument(id)
  if (!original) throw new Error(`${id} is missing from the seed`)
  const marker = `Corrected ${Date.now()}`
  // The fact is shown on the trip page and on the pages of its countries, not on an official's.
  const unrelated = '/officials/toshimitsu-motegi'
  const country = '/countries/japan'
  await page.goto(TRIP)
  await expect(page.getByRole('main')).not.toContainText(marker)
  await expect.poll(() => cacheState(request, unrelated)).toMatch(/^(HIT|STALE)$/)
  try {
    await editor.patch(id).set({ 'text[0].children[0].text': marker }).commit()
    // The lake's live event, heard by the portal, expires the page; no ISR wait is involved.
    await expect(async () => {
      await page.goto(TRIP)
      await expect(page.getByRole('main')).toContainText(marker, { timeout: 500 })
    }).toPass({ timeout: 10_000 })
    // The country's page was expired by the same event: rendered again, with the correction.
    // (Polled: a background refresh that read the fact just before the publish may be stored
    // just after it; the route's second expiry replaces it within seconds.)
    await expect(async () => {
      await page.goto(country)
      await expect(page.getByRole('main')).toContainText(marker, { timeout: 500 })
    }).toPass({ timeout: 10_000 })
    // The official's page was not expired: still served from the cache, not rendered again.
    expect(await cacheState(request, unrelated)).toMatch(/^(HIT|STALE)$/)
  } finally {
    await editor.createOrReplace(original)
  }
  await expect(async () => {
    await page.goto(TRIP)
    await expect(page.getByRole('main')).not.toContainText(marker, { timeout: 500 })
  }).toPass({ timeout: 10_000 })
})
