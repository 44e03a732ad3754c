/**
 * The trip page, phone first: the contents and the schedule at the top on every size, sources
 * said once where the facts share them, nothing said twice, and the whole page at most two thirds
 * of its height before on a phone, with every word of the source page still on it.
 *
 * Leaves screenshots of the page at both sizes in e2e/artifacts/ for review.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ARTIFACTS, SIZES, expectNoAxeViolations, screenshot } from './support/pages'
import { expect, test } from './support/test'
import { FIGURES, OFFICIALS, QUOTE, SECTION_HEADINGS, SEED_TRIP_SLUG, sourceBullets, sourceLedeSentences, sourceText } from './support/source-page'

const TRIP = `/trips/${SEED_TRIP_SLUG}`
const TRIP_ID = 'trip-2021-03-tokyo-2plus2'

/**
 * The seed trip's page height on a phone (390×844) before it was reshaped: 13,178 px of
 * `document.documentElement.scrollHeight`, measured on the production build of main at commit
 * 3ed83df (on that build the schedule began 2,772 px down and "On this page" was not shown; at
 * 1280×900 the page was 8,176 px, the schedule at 1,882 px and the contents at 541 px).
 */
const PHONE_HEIGHT_BEFORE = 13_178
/** The goal of the reshaping: shorter by at least a third. */
const PHONE_HEIGHT_MAX = Math.floor((PHONE_HEIGHT_BEFORE * 2) / 3)

/** The seed's documents, as imported into the lake. */
const seed = readFileSync(join(__dirname, '..', 'sanity', 'seed', 'seed.ndjson'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { _id: string; _type: string; title?: string; trip?: { _ref: string }; source?: { title?: string } })
const MEETING_TITLES = seed.filter((doc) => doc._type === 'meeting' && doc.trip?._ref === TRIP_ID).map((doc) => doc.title!)
/** Every source the seed names: each is a name the source page gives (checked below), and each must be on the trip page. */
const SOURCE_NAMES = [...new Set(seed.map((doc) => doc.source?.title).filter((title): title is string => Boolean(title)))]

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
const occurrences = (text: string, part: string) => text.split(part).length - 1

for (const size of SIZES) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: { width: size.width, height: size.height } })

    test('the contents and the schedule come first, and the page is short', async ({ page }) => {
      expect((await page.goto(TRIP))?.status()).toBe(200)
      const main = page.getByRole('main')
      const contents = main.getByRole('navigation', { name: 'On this page' })
      await expect(contents).toBeVisible()
      await expect(contents.getByRole('link')).toHaveText(['Schedule', 'Where', 'Fact sheet', 'About this page'])
      const schedule = main.getByRole('heading', { level: 2, name: 'Schedule', exact: true })
      await expect(schedule).toBeVisible()
      const top = async (locator: typeof schedule) => (await locator.evaluate((el) => el.getBoundingClientRect().top + window.scrollY)) as number
      const height = await page.evaluate(() => document.documentElement.scrollHeight)
      const figures = { height, schedule: Math.round(await top(schedule)), contents: Math.round(await top(contents)) }
      // For the reader of the log: where each part of the page starts.
      const parts = await main.locator('h2').evaluateAll((headings) => headings.map((h) => `${h.textContent} ${Math.round(h.getBoundingClientRect().top + window.scrollY)}`))
      console.log(`trip page at ${size.width}×${size.height}: ${JSON.stringify(figures)}; ${parts.join(', ')}`)
      // The contents within the first screen, the schedule's heading within the first screen and a
      // half: on a phone the title, dates, who travels and the one-paragraph purpose (with the lead
      // quote) stand above it, and those are what a reader needs before the programme.
      expect(figures.contents, 'the contents start on the first screen').toBeLessThan(size.height)
      expect(figures.schedule, 'the schedule starts within a screen and a half').toBeLessThan(size.height * 1.5)
      if (size.name === 'phone') expect(height, `at most two thirds of ${PHONE_HEIGHT_BEFORE} px`).toBeLessThanOrEqual(PHONE_HEIGHT_MAX)

      // The contents take the reader there.
      await contents.getByRole('link', { name: 'Fact sheet' }).click()
      await expect(page).toHaveURL(/#fact-sheet$/)
      await expect(main.getByRole('heading', { level: 2, name: 'Fact sheet' })).toBeInViewport()
      await page.evaluate(() => window.scrollTo(0, 0))
      await screenshot(page, `trip-page-${size.name}`)
      // What a reader sees first, at full size.
      await page.screenshot({ path: join(ARTIFACTS, `trip-page-${size.name}-first-screen.png`) })
      await expectNoAxeViolations(page)
    })

    test('nothing of the source page is lost', async ({ page }) => {
      expect((await page.goto(TRIP))?.status()).toBe(200)
      const main = page.getByRole('main')
      const text = squash(await main.innerText())
      for (const bullet of sourceBullets()) expect(text, 'a fact bullet, word for word').toContain(squash(bullet))
      for (const sentence of sourceLedeSentences()) expect(text, 'the purpose and what the trip holds').toContain(squash(sentence))
      expect(MEETING_TITLES).toHaveLength(5)
      for (const title of MEETING_TITLES) await expect(main.getByRole('heading', { level: 4, name: title, exact: true })).toBeVisible()
      expect(text).toContain(QUOTE.text)
      await expect(main.getByRole('figure').filter({ hasText: QUOTE.text })).toContainText(`${QUOTE.speaker}, ${QUOTE.date}`)
      expect(SOURCE_NAMES.length).toBeGreaterThan(0)
      for (const name of SOURCE_NAMES) {
        expect(sourceText(), 'a source the source page names').toContain(name)
        expect(text).toContain(name)
      }
      for (const heading of SECTION_HEADINGS) await expect(main.getByRole('heading', { level: 3, name: heading })).toBeVisible()
      for (const figure of FIGURES) expect(text).toContain(figure)
      for (const official of OFFICIALS) expect(text).toContain(official)
    })

    test('nothing is said twice', async ({ page }) => {
      expect((await page.goto(TRIP))?.status()).toBe(200)
      const main = page.getByRole('main')
      const text = squash(await main.innerText())
      // Every sentence of the source page's trip paragraphs and every fact, exactly once: the
      // summary is the meetings' descriptions run together, and the schedule says them.
      for (const sentence of [...sourceLedeSentences(), ...sourceBullets()]) expect(occurrences(text, squash(sentence)), sentence).toBe(1)

      // The 21 facts share one source: said once, for the whole fact sheet.
      const factSheet = main.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Fact sheet', exact: true }) })
      await expect(factSheet.getByRole('listitem')).toHaveCount(sourceBullets().length)
      expect(occurrences(squash(await factSheet.innerText()), 'U.S. Department of State')).toBe(1)
      await expect(factSheet.locator('p.source-line').first()).toHaveText('Source of the facts below: U.S. Department of State')
      // No figure tiles repeating the bullets: each figure is read once, in its fact's words.
      await expect(factSheet.locator('[data-figure]')).toHaveCount(0)
      for (const figure of FIGURES) expect(occurrences(squash(await factSheet.innerText()), figure), figure).toBeGreaterThanOrEqual(1)

      // Agendas lifted word for word from the description are not listed again.
      const schedule = main.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Schedule', exact: true }) })
      await expect(schedule.getByRole('heading', { level: 4 })).toHaveCount(MEETING_TITLES.length)
      await expect(schedule.getByText(/^(Also on the )?Agenda$/)).toHaveCount(0)
      // A meeting's kind that says it is virtual is not followed by "Virtual" again.
      await expect(schedule).toContainText('Virtual meeting')
      await expect(schedule).toContainText('Roundtable · Virtual')
      await expect(schedule).not.toContainText(/Virtual (meeting|discussion) · Virtual/)
      // An official is named with their title once; by name alone after that.
      expect(occurrences(text, 'Toshimitsu Motegi, Minister for Foreign Affairs')).toBe(1)
      expect(occurrences(text, 'Antony J. Blinken, Secretary of State')).toBe(1)
    })
  })
}
