/**
 * The agency's identity and the pages for people, places and facts, at phone and desk sizes: the
 * header and identifier name the agency from Settings (and show a press contact only once Settings
 * holds one); official pages list each trip once with its meetings; country pages map their places;
 * every fact has a page to link to and cite; search titles facts by where they sit; the home page
 * has no empty sections; the briefing book is in the navigation and says when nothing was chosen.
 *
 * Leaves a screenshot of every template it visits, at both sizes, in e2e/artifacts/ for review.
 */
import type { Page } from '@playwright/test'
import { SIZES, expectNoAxeViolations, screenshot as screenshotAs } from './support/pages'
import { expect, test } from './support/test'
import { createLakeToken, lakeClient } from './support/lake'
import { SEED_TRIP_SLUG } from './support/source-page'

const screenshot = (page: Page, name: string) => screenshotAs(page, `identity-${name}`)

const TRIP = `/trips/${SEED_TRIP_SLUG}`
const TRIP_TITLE = 'Secretary Blinken and Secretary Austin travel to Tokyo, Japan'
const AGENCY = 'U.S. Department of State'
const JOBS_FACT = { id: 'fact-economy-jobs', heading: 'Economic Ties that Benefit the American and Japanese People' }

/** Opens the primary navigation's links whatever the width (the header wraps, it does not hide them). */
function primaryNav(page: Page) {
  return page.getByRole('navigation', { name: 'Primary' })
}

test.describe.configure({ mode: 'serial' })

for (const size of SIZES) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: { width: size.width, height: size.height } })

    test('the header and identifier name the agency; no press contact is shown, since the source gives none', async ({ page }) => {
      expect((await page.goto('/'))?.status()).toBe(200)
      await expect(page.getByRole('banner').getByTestId('header-agency')).toHaveText(AGENCY)
      const identifier = page.getByRole('region', { name: 'Agency identifier' })
      await expect(identifier).toContainText(`An official website of ${AGENCY}`)
      await expect(identifier).not.toContainText('Published by Envoy')
      await expect(identifier.getByTestId('press-contact')).toHaveCount(0)
      const links = page.getByRole('navigation', { name: 'Important links' })
      await expect(links.getByRole('link', { name: 'About Envoy' })).toHaveAttribute('href', '/about')
      await expect(links.getByRole('link', { name: 'Accessibility statement' })).toHaveAttribute('href', '/accessibility')
      await expect(links.getByRole('link')).toHaveCount(2)
    })

    test('the home page has no empty section; the briefing book is in the navigation', async ({ page }) => {
      expect((await page.goto('/'))?.status()).toBe(200)
      const main = page.getByRole('main')
      await expect(main.getByRole('heading', { level: 2, name: /^Past \(1\)$/ })).toBeVisible()
      await expect(main.getByRole('link', { name: TRIP_TITLE })).toBeVisible()
      await expect(main.getByRole('heading', { level: 2, name: /Under way|Upcoming/ })).toHaveCount(0)
      await expect(main).not.toContainText(/No trip is under way|No upcoming trips/)
      await screenshot(page, `home-${size.name}`)
      await expectNoAxeViolations(page)

      await primaryNav(page).getByRole('link', { name: 'Briefing book' }).click()
      await expect(page).toHaveURL(/\/briefing-book$/)
      await expect(page.getByRole('heading', { level: 1, name: 'Briefing book' })).toBeVisible()
    })

    test('an empty briefing book request says what to do', async ({ page }) => {
      expect((await page.goto('/briefing-book'))?.status()).toBe(200)
      // Positive control: the choices are there, and no message before the reader asks.
      await expect(page.getByRole('checkbox').first()).toBeVisible()
      // Scoped to the main region: Next's route announcer is an alert of its own, outside it.
      const alert = page.getByRole('main').getByRole('alert')
      await expect(alert).toHaveCount(0)
      await page.getByRole('button', { name: 'Make the book' }).click()
      await expect(alert).toHaveText('Nothing was chosen. Tick at least one trip or engagement, then make the book.')
      await expect(page.getByRole('heading', { name: 'Contents' })).toHaveCount(0)
      await screenshot(page, `briefing-book-empty-${size.name}`)
      await expectNoAxeViolations(page)
    })

    test('an official’s page lists each trip once, with the official’s meetings under it', async ({ page }) => {
      expect((await page.goto('/officials/antony-j-blinken'))?.status()).toBe(200)
      const trips = page.getByRole('region', { name: 'Trips and meetings' })
      await expect(trips.getByRole('link', { name: TRIP_TITLE })).toHaveCount(1)
      const meetings = trips.getByRole('list', { name: `Meetings on ${TRIP_TITLE}` }).getByRole('listitem')
      await expect(meetings).toHaveCount(5)
      await expect(meetings.first()).toContainText('U.S.-Japan Security Consultative Committee')
      await expect(page.getByRole('main')).not.toContainText('Part of')
      // The seed has no portrait or biography (the source has none), so neither is shown.
      await expect(page.getByRole('heading', { name: 'Biography' })).toHaveCount(0)
      await expect(page.getByRole('main').locator('header img')).toHaveCount(0)
      await screenshot(page, `official-${size.name}`)
      await expectNoAxeViolations(page)
    })

    test('a country’s page maps the places visited and lists its trips', async ({ page }) => {
      expect((await page.goto('/countries/japan'))?.status()).toBe(200)
      await expect(page.getByRole('img', { name: 'Map of places visited in Japan, marking 1 place (listed below)' })).toBeVisible()
      await expect(page.getByRole('listitem').filter({ hasText: /^Tokyo, Japan \(1 trip\)$/ })).toBeVisible()
      await expect(page.getByRole('heading', { name: /^Trips to Japan/ })).toBeVisible()
      await expect(page.getByRole('main').getByRole('link', { name: TRIP_TITLE })).toBeVisible()
      await screenshot(page, `country-${size.name}`)
      await expectNoAxeViolations(page)
    })

    test('a fact has its own page with a permanent link and a citation', async ({ page, baseURL }) => {
      expect((await page.goto('/facts'))?.status()).toBe(200)
      const item = page.locator(`li[id="${JOBS_FACT.id}"]`)
      await expect(item).toContainText('948,100')
      await item.getByRole('link', { name: 'Link to or cite this fact' }).click()
      await expect(page).toHaveURL(new RegExp(`/facts/${JOBS_FACT.id}$`))
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Fact: ${JOBS_FACT.heading}`)
      const main = page.getByRole('main')
      await expect(main).toContainText('more than 948,100 jobs')
      await expect(main.getByRole('link', { name: TRIP_TITLE })).toHaveAttribute('href', `${TRIP}#fact-sheet`)
      const permanent = `${baseURL}/facts/${JOBS_FACT.id}`
      const cite = page.getByRole('region', { name: 'Cite this' })
      await expect(cite.getByRole('link', { name: permanent })).toHaveAttribute('href', permanent)
      const citation = cite.getByTestId('citation')
      // Agency, the fact's words, the address, and the reader's own date; no stated date (the source gives none).
      const today = await page.evaluate(() => new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' }))
      await expect(citation).toContainText(new RegExp(`^${AGENCY.replace(/\./g, '\\.')}\\. “.*948,100.*\\.” ${permanent.replace(/[.]/g, '\\.')}\\. Accessed ${today}\\.$`))
      await expect(citation).not.toContainText('Stated')
      await screenshot(page, `fact-${size.name}`)
      await expectNoAxeViolations(page)
    })

    test('the trip’s fact sheet links each fact to its page; it carries no related link', async ({ page }) => {
      expect((await page.goto(TRIP))?.status()).toBe(200)
      const factSheet = page.locator('section', { has: page.getByRole('heading', { name: 'Fact sheet', exact: true }) })
      await expect(factSheet.getByRole('link', { name: 'Cite this fact' })).toHaveCount(21)
      await expect(factSheet.locator(`a[href="/facts/${JOBS_FACT.id}"]`)).toHaveCount(1)
      await expect(page.getByRole('heading', { name: 'Related links' })).toHaveCount(0)
      await expect(page.getByRole('main')).not.toContainText('The Lessons of 1989')
    })

    test('search titles a fact by the heading it sits under and links to its page', async ({ page }) => {
      expect((await page.goto('/search?q=japan%20jobs'))?.status()).toBe(200)
      const result = page.getByRole('main').getByRole('listitem').filter({ hasText: '948,100' })
      await expect(result.getByRole('heading', { level: 3 })).toHaveText(`Fact: ${JOBS_FACT.heading}`)
      await expect(result.getByRole('link', { name: `Fact: ${JOBS_FACT.heading}` })).toHaveAttribute('href', `/facts/${JOBS_FACT.id}`)
      await screenshot(page, `search-${size.name}`)
      await expectNoAxeViolations(page)
    })

    test('an unknown or draft fact id is a plain 404', async ({ page }) => {
      for (const path of ['/facts/no-such-fact', '/facts/drafts.fact-economy-jobs', `/facts/${'a'.repeat(300)}`]) {
        const response = await page.goto(path)
        expect(response?.status(), path).toBe(404)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
      }
    })
  })
}

test.describe('a press contact and parent agency set in Settings', () => {
  const editor = () => lakeClient(createLakeToken('editor', `identity-${Date.now().toString(36)}`))
  let original: { parentAgency?: string; pressContact?: unknown } | null = null

  test.afterAll(async () => {
    const client = editor()
    const patch = client.patch('settings')
    if (original?.parentAgency) patch.set({ parentAgency: original.parentAgency })
    else patch.unset(['parentAgency'])
    if (original?.pressContact) patch.set({ pressContact: original.pressContact })
    else patch.unset(['pressContact'])
    await patch.commit()
  })

  test('show in the identifier once published, and go when removed', async ({ page }) => {
    const client = editor()
    original = await client.fetch<{ parentAgency?: string; pressContact?: unknown } | null>(`*[_id == "settings"][0]{ parentAgency, pressContact }`)
    await client
      .patch('settings')
      .set({ parentAgency: 'Example Parent Agency', pressContact: { _type: 'pressContact', name: 'Office of Press Relations', email: 'press@example.gov' } })
      .commit()
    const identifier = page.getByRole('region', { name: 'Agency identifier' })
    await expect(async () => {
      await page.goto('/')
      await expect(identifier).toContainText('An official website of Example Parent Agency')
      await expect(identifier).toContainText(`Published by ${AGENCY}`)
      await expect(identifier.getByTestId('press-contact')).toContainText('Office of Press Relations')
      await expect(identifier.getByRole('link', { name: 'press@example.gov' })).toHaveAttribute('href', 'mailto:press@example.gov')
    }).toPass({ timeout: 15_000 })
    await expectNoAxeViolations(page)

    await client.patch('settings').unset(['parentAgency', 'pressContact']).commit()
    await expect(async () => {
      await page.goto('/')
      await expect(identifier).toContainText(`An official website of ${AGENCY}`)
      await expect(identifier.getByTestId('press-contact')).toHaveCount(0)
    }).toPass({ timeout: 15_000 })
  })
})
