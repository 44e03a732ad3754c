/**
 * The public readers' portal: every page template checked with axe, read with JavaScript off and
 * walked with the keyboard; feeds and calendars parsed back; discoverability files checked.
 */
import { expectNoAxeViolations } from './support/pages'
import { expect, test } from './support/test'
import type { Page } from '@playwright/test'
import { XMLParser } from 'fast-xml-parser'
import ICAL from 'ical.js'
import { advanceLakeClock, createLakeToken, lakeClient } from './support/lake'
import { SEED_TRIP_SLUG } from './support/source-page'

const TRIP = `/trips/${SEED_TRIP_SLUG}`
const OFFICIAL = '/officials/antony-j-blinken'

/** One address per page template (and the filtered/empty variants a reader reaches). */
const TEMPLATES = [
  { path: '/', h1: 'Official travel' },
  { path: '/trips', h1: 'All trips' },
  { path: '/trips?year=2021&country=japan&official=antony-j-blinken&topic=economy', h1: 'All trips' },
  { path: '/trips?year=1999', h1: 'All trips' },
  { path: '/search', h1: 'Search' },
  { path: '/search?q=japan+jobs', h1: 'Search results for “japan jobs”' },
  { path: '/search?q=zzzzqqq', h1: 'Search results for “zzzzqqq”' },
  { path: '/facts', h1: 'Fact library' },
  { path: '/facts?topic=economy&country=japan', h1: 'Fact library' },
  { path: '/facts/fact-economy-jobs', h1: 'Fact: Economic Ties that Benefit the American and Japanese People' },
  { path: '/countries', h1: 'Countries' },
  { path: '/countries/japan', h1: 'Japan' },
  { path: TRIP, h1: /Tokyo/ },
  { path: '/officials', h1: 'Officials' },
  { path: OFFICIAL, h1: 'Antony J. Blinken' },
  { path: '/about', h1: 'About Envoy' },
  { path: '/accessibility', h1: 'Accessibility statement' },
  { path: '/no-such-page', h1: 'Page not found', status: 404 },
] as const

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
  for (const template of TEMPLATES) {
    test(`no violations on ${template.path}`, async ({ page }) => {
      const response = await page.goto(template.path)
      expect(response?.status()).toBe('status' in template ? template.status : 200)
      await expectNoAxeViolations(page)
    })
  }
})

test.describe('with JavaScript turned off', () => {
  test('every template renders its content', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    for (const template of TEMPLATES) {
      await page.goto(template.path)
      await expect(page.getByRole('heading', { level: 1 }), template.path).toHaveText(template.h1)
      await expect(page.getByRole('search', { name: 'Site search' })).toBeVisible()
    }
    await context.close()
  })

  test('search, filters and paging are plain forms and links', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/facts')
    await page.getByRole('search', { name: 'Site search' }).getByRole('searchbox').fill('alliance')
    await page.getByRole('search', { name: 'Site search' }).getByRole('button', { name: 'Search' }).click()
    await expect(page).toHaveURL(/\/search\?q=alliance/)
    await expect(page.locator('main mark').first()).toHaveText(/^alliance/i)

    await page.goto('/trips')
    await page.getByLabel('Country').selectOption('japan')
    await page.getByLabel('Year').selectOption('2021')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page).toHaveURL(/country=japan/)
    await expect(page.getByRole('heading', { name: /Matching trips: 1–1 of 1/ })).toBeVisible()
    await page.getByLabel('Year').selectOption('')
    await expect(page.getByRole('link', { name: 'Clear filters' })).toBeVisible()

    await page.goto('/facts')
    await page.getByLabel('Topic').selectOption('economy')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page).toHaveURL(/topic=economy/)
    await expect(page.getByRole('heading', { name: /^\d+ facts?$/ })).toBeVisible()
    await context.close()
  })
})

/** Presses Tab until the focused element satisfies `matches`; fails after `limit` presses. */
async function tabTo(page: Page, matches: (el: { tag: string; text: string; href: string; label: string }) => boolean, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const el = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null
      return {
        tag: active?.tagName.toLowerCase() ?? '',
        text: (active?.textContent ?? '').trim(),
        href: active?.getAttribute('href') ?? '',
        label: active?.getAttribute('aria-label') ?? active?.id ?? '',
      }
    })
    if (matches(el)) return
  }
  throw new Error('Never reached the element with the keyboard')
}

test('keyboard only: search, open a trip, then an official', async ({ page }) => {
  await page.goto('/')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused()
  await tabTo(page, (el) => el.tag === 'input' && el.label === 'site-search')
  await page.keyboard.type('Tokyo')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=Tokyo/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results for “Tokyo”')

  await tabTo(page, (el) => el.tag === 'a' && el.href === TRIP)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`${TRIP}$`))

  await tabTo(page, (el) => el.tag === 'a' && el.href === OFFICIAL)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Antony J. Blinken')
  // Focus is visible: the USWDS focus ring is drawn on whatever has focus.
  await tabTo(page, (el) => el.tag === 'a' && el.href.endsWith('/calendar.ics'))
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)
  expect(outline).not.toBe('none')
})

test('search ranks results and marks the matching words', async ({ page }) => {
  await page.goto('/search?q=blinken')
  const results = page.getByRole('main').getByRole('listitem')
  await expect(results.first()).toContainText(/Trip|Official/)
  await expect(page.locator('main mark').first()).toHaveText(/^Blinken/i)
  await page.goto('/search?q=japan%20jobs')
  await expect(page.getByRole('heading', { name: '1 result' })).toBeVisible()
  // In the fact's words, below its title (the heading it sits under).
  await expect(page.locator('main li p mark')).toHaveText(['Japan', 'jobs'])
})

test('the header’s links navigate in the page to Trips and Facts, with no failed request or console error', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('requestfailed', (request) => {
    // A prefetch the router drops when the page moves on is aborted, not failed.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`${request.url()}: ${request.failure()?.errorText}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.url()}: ${response.status()}`)
  })
  await page.goto(TRIP)
  const primary = page.getByRole('navigation', { name: 'Primary' })
  await primary.getByRole('link', { name: 'Trips' }).click()
  await expect(page).toHaveURL(/\/trips$/)
  await expect(page.getByRole('heading', { level: 1, name: 'All trips' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Year' }).selectOption('2021')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL(/\/trips\?year=2021/)
  await expect(page.getByRole('heading', { name: 'Matching trips: 1–1 of 1' })).toBeVisible()
  await primary.getByRole('link', { name: 'Facts' }).click()
  await expect(page).toHaveURL(/\/facts$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Fact library' })).toBeVisible()
  expect(problems).toEqual([])
})

test('trips index shows totals, a map with its text equivalent, and pages', async ({ page }) => {
  await page.goto('/trips')
  const totals = page.getByRole('region', { name: 'Totals' })
  await expect(totals).toContainText('Trip1')
  await expect(totals).toContainText('Country1')
  await expect(totals).toContainText('Days travelling3')
  await expect(page.getByRole('img', { name: 'Map of trip destinations, marking 1 place (listed below)' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: /^Tokyo, Japan \(1 trip\)$/ })).toBeVisible()
  // Out-of-range pages fall back to the last page rather than an empty list.
  await page.goto('/trips?page=99')
  await expect(page.getByRole('heading', { name: 'Trips: 1–1 of 1' })).toBeVisible()
})

test('the trip page: map, times, timeliness, calendar and feed links, print', async ({ page }) => {
  await page.goto(TRIP)
  const main = page.getByRole('main')
  await expect(main.getByRole('img', { name: 'Map of the trip’s destinations, marking 1 place and the route from Washington, D.C. (listed below)' })).toBeVisible()
  await expect(main.getByRole('figure').getByRole('listitem')).toHaveText(['Tokyo, Japan'])
  // The map is framed on the trip and drawn in the page (e2e/map.spec.ts checks it in detail).
  await expect(main.getByRole('figure').locator('svg > path').first()).toHaveAttribute('d', /^M\d/)
  // The source page gives no publication date, so the page shows none (e2e/readers-truth.spec.ts).
  await expect(main.getByTestId('publication-line')).toHaveCount(0)
  await expect(main.getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveAttribute('href', `${TRIP}/calendar.ics`)
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/feed\.xml$/)
  // A past trip is not "subject to change".
  await expect(main).not.toContainText('Subject to change')

  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('contentinfo')).toBeHidden()
  await expect(main.getByRole('link', { name: 'Add to calendar (.ics)' })).toBeHidden()
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible()
})

test('the official page has feed and calendar links and a Person description', async ({ page }) => {
  await page.goto(OFFICIAL)
  await expect(page.getByRole('link', { name: /Calendar of trips and meetings/ })).toHaveAttribute('href', `${OFFICIAL}/calendar.ics`)
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]').first()).toHaveAttribute('href', /feed\.xml$/)
  const ld = await jsonLd(page)
  expect(ld.map((item) => item['@type'])).toEqual(expect.arrayContaining(['GovernmentOrganization', 'Person']))
})

async function jsonLd(page: Page): Promise<Array<Record<string, unknown>>> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>)
}

test('structured data, Open Graph image, sitemap and robots', async ({ page, request, baseURL }) => {
  await page.goto(TRIP)
  const ld = await jsonLd(page)
  const event = ld.find((item) => item['@type'] === 'Event')
  expect(event?.startDate).toBe('2021-03-15')
  expect(event?.endDate).toBe('2021-03-17')
  expect(ld.some((item) => item['@type'] === 'GovernmentOrganization')).toBe(true)

  const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content')
  expect(ogImage).toMatch(/^http/)
  const image = await request.get(ogImage!)
  expect(image.status()).toBe(200)
  expect(image.headers()['content-type']).toBe('image/png')

  // Each page has its own title and description.
  const seen = new Map<string, string>()
  for (const path of ['/', '/trips', '/facts', '/countries', '/countries/japan', TRIP, '/officials', OFFICIAL, '/about', '/accessibility']) {
    await page.goto(path)
    const title = await page.title()
    const description = await page.locator('meta[name="description"]').getAttribute('content')
    expect(description, path).toBeTruthy()
    expect(seen.has(title), `${path} repeats the title of ${seen.get(title)}`).toBe(false)
    seen.set(title, path)
  }

  const sitemap = new XMLParser().parse(await (await request.get('/sitemap.xml')).text())
  const urls: string[] = sitemap.urlset.url.map((u: { loc: string }) => u.loc)
  for (const url of urls) expect(url.startsWith(`${baseURL}/`)).toBe(true)
  expect(urls).toEqual(expect.arrayContaining([`${baseURL}${TRIP}`, `${baseURL}/countries/japan`, `${baseURL}/facts`]))
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`)
})

test('the footer identifier shows only the required links that are filled in', async ({ page }) => {
  await page.goto('/')
  const links = page.getByRole('navigation', { name: 'Important links' })
  await expect(links.getByRole('link', { name: 'About Envoy' })).toHaveAttribute('href', '/about')
  await expect(links.getByRole('link', { name: 'Accessibility statement' })).toHaveAttribute('href', '/accessibility')
  await expect(links.getByRole('link')).toHaveCount(2)
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Visit USA.gov' })).toBeVisible()
})

test('Atom feeds parse, site-wide and per official', async ({ request, baseURL }) => {
  const parser = new XMLParser({ ignoreAttributes: false })
  for (const path of ['/feed.xml', `${OFFICIAL}/feed.xml`]) {
    const response = await request.get(path)
    expect(response.headers()['content-type']).toContain('application/atom+xml')
    const feed = parser.parse(await response.text()).feed
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.title).toBeTruthy()
    const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry]
    expect(entries.length).toBeGreaterThanOrEqual(1)
    expect(entries[0].id).toBe('urn:envoy:trip-2021-03-tokyo-2plus2')
    expect(entries[0].link['@_href']).toBe(`${baseURL}${TRIP}`)
    expect(Date.parse(entries[0].updated)).not.toBeNaN()
  }
})

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return { calendar, events: calendar.getAllSubcomponents('vevent') }
}

test('calendars: a timed meeting keeps its UID and raises SEQUENCE when it changes', async ({ request }) => {
  const editor = lakeClient(createLakeToken('editor', `e2e-readers-${Date.now()}`))
  const id = `meeting-e2e-calendar-${Date.now()}`
  try {
    // Seed meetings have no announced times, so they are left out: only the all-day trip is there.
    const empty = parseIcs(await (await request.get(`${TRIP}/calendar.ics`)).text())
    expect(empty.events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(['trip-2021-03-tokyo-2plus2@envoy'])

    await editor.create({
      _id: id,
      _type: 'meeting',
      trip: { _type: 'reference', _ref: 'trip-2021-03-tokyo-2plus2' },
      title: 'Calendar test meeting',
      kind: 'bilateral',
      date: '2021-03-16',
      startsAt: '2021-03-16T01:00:00Z',
      endsAt: '2021-03-16T02:00:00Z',
      hosts: [{ _type: 'reference', _ref: 'official-antony-blinken', _key: 'h1' }],
    })
    // The publish's live event expires the cached calendar; it shows the meeting straight after.
    const calendarWith = async (count: number) => {
      let calendar: ReturnType<typeof parseIcs> | undefined
      await expect(async () => {
        const response = await request.get(`${TRIP}/calendar.ics`)
        expect(response.headers()['content-type']).toContain('text/calendar')
        calendar = parseIcs(await response.text())
        expect(calendar.events).toHaveLength(count)
      }).toPass({ timeout: 10_000 })
      return calendar!
    }
    const first = await calendarWith(2)
    const meeting = first.events.find((e) => e.getFirstPropertyValue('uid') === `${id}@envoy`)!
    expect(meeting).toBeTruthy()
    expect(meeting.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Tokyo')
    expect(String(meeting.getFirstPropertyValue('dtstart'))).toBe('2021-03-16T10:00:00')
    expect(first.calendar.getAllSubcomponents('vtimezone').map((tz) => tz.getFirstPropertyValue('tzid'))).toEqual(['Asia/Tokyo'])
    const sequenceBefore = Number(meeting.getFirstPropertyValue('sequence'))

    // SEQUENCE counts whole seconds since creation: change the meeting two seconds of lake time later.
    await advanceLakeClock(createLakeToken('administrator', `e2e-readers-clock-${Date.now()}`), 2_000)
    await editor.patch(id).set({ startsAt: '2021-03-16T02:00:00Z', endsAt: '2021-03-16T03:00:00Z' }).commit()
    let moved = meeting
    await expect(async () => {
      const second = parseIcs(await (await request.get(`${TRIP}/calendar.ics`)).text())
      moved = second.events.find((e) => e.getFirstPropertyValue('uid') === `${id}@envoy`)!
      expect(String(moved.getFirstPropertyValue('dtstart'))).toBe('2021-03-16T11:00:00')
    }).toPass({ timeout: 10_000 })
    expect(Number(moved.getFirstPropertyValue('sequence'))).toBeGreaterThan(sequenceBefore)

    // The host's own calendar carries the same event under the same UID.
    const official = parseIcs(await (await request.get(`${OFFICIAL}/calendar.ics`)).text())
    const uids = official.events.map((e) => e.getFirstPropertyValue('uid'))
    expect(uids).toEqual(expect.arrayContaining([`${id}@envoy`, 'trip-2021-03-tokyo-2plus2@envoy']))
  } finally {
    await editor.delete(id)
  }
})

test.describe('every link and form on every template', () => {
  // Each same-origin link is followed once and must lead to a page (or file) that answers; each
  // form is submitted as it stands in the browser and must land on a page with a heading. Links to
  // other sites are not fetched (no traffic leaves this machine), only checked to be absolute.
  test('links answer, forms submit', async ({ page, request, baseURL }) => {
    test.setTimeout(240_000)
    const followed = new Map<string, number>()
    const external = new Set<string>()
    let forms = 0
    for (const template of TEMPLATES) {
      await page.goto(template.path)
      const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))
      for (const href of hrefs) {
        const url = new URL(href)
        if (url.origin !== baseURL) {
          expect(url.protocol, href).toMatch(/^(https?|mailto|tel):$/)
          external.add(href)
          continue
        }
        const target = `${url.pathname}${url.search}`
        // A link within the page ("Skip to main content") is followed by the keyboard test.
        if (url.hash && target === new URL(page.url()).pathname + new URL(page.url()).search) continue
        if (followed.has(target)) continue
        const response = await request.get(target)
        followed.set(target, response.status())
        expect(response.status(), `${target} (linked from ${template.path})`).toBe(200)
      }
      const count = await page.locator('main form, header form').count()
      for (let index = 0; index < count; index++) {
        await page.goto(template.path)
        const form = page.locator('main form, header form').nth(index)
        const submit = form.locator('button[type="submit"], button:not([type]), input[type="submit"]').first()
        await expect(submit, `form ${index} on ${template.path} has a submit button`).toBeVisible()
        // An empty search box is a required field: the browser keeps the reader on the page.
        const search = form.getByRole('searchbox')
        if ((await search.count()) > 0) await search.fill('Tokyo')
        await submit.click()
        await page.waitForLoadState('load')
        await expect(page.getByRole('heading', { level: 1 }), `after submitting form ${index} on ${template.path}`).toBeVisible()
        forms++
      }
    }
    console.log(`# followed ${followed.size} links, saw ${external.size} external links, submitted ${forms} forms`)
    expect(followed.size).toBeGreaterThan(20)
    expect(forms).toBeGreaterThanOrEqual(TEMPLATES.length)
  })
})
