/**
 * The trip map, at phone and desk sizes: framed on the trip's destinations, drawn in the page
 * (no image to fetch), its numbered markers matching the ordered list that is its text
 * equivalent, the route from Washington traced in and shown whole on a small globe; destinations
 * without usable coordinates are listed but not drawn. The country page maps its places the same
 * way, without a route.
 *
 * Leaves screenshots of the map figure and of the page, at both sizes, in e2e/artifacts/.
 */
import type { Locator, Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ARTIFACTS, SIZES, expectNoAxeViolations, screenshot } from './support/pages'
import { expect, test } from './support/test'
import { createLakeToken, lakeClient } from './support/lake'
import { SEED_TRIP_SLUG } from './support/source-page'

const SEED_TRIP = 'trip-2021-03-tokyo-2plus2'
const stamp = Date.now().toString(36)
const tripId = `trip-map-${stamp}`
const tripSlug = `map-${stamp}`
/** The seed's Tokyo and a real Osaka; Kyoto with no location and Sapporo with an impossible one. */
const destinations = [
  { _type: 'destination', _key: 'tokyo', city: 'Tokyo', timeZone: 'Asia/Tokyo', location: { _type: 'geopoint', lat: 35.68501691, lng: 139.7514074 } },
  { _type: 'destination', _key: 'kyoto', city: 'Kyoto', timeZone: 'Asia/Tokyo' },
  { _type: 'destination', _key: 'osaka', city: 'Osaka', timeZone: 'Asia/Tokyo', location: { _type: 'geopoint', lat: 34.6937, lng: 135.5023 } },
  { _type: 'destination', _key: 'sapporo', city: 'Sapporo', timeZone: 'Asia/Tokyo', location: { _type: 'geopoint', lat: 123, lng: 400 } },
].map((d) => ({ ...d, country: { _type: 'reference', _ref: 'country-japan' } }))

let editor: ReturnType<typeof lakeClient>

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test.beforeAll(async () => {
  editor = lakeClient(createLakeToken('editor', `map-e2e-${stamp}`))
  const seed = await editor.getDocument(SEED_TRIP)
  if (!seed) throw new Error('seed trip missing')
  const { _rev: _r, _createdAt: _c, _updatedAt: _u, changeNotes: _n, firstPublishedAt: _f, updatedAt: _up, factSections: _s, leadQuote: _q, ...rest } = seed
  await editor.createOrReplace({ ...rest, _id: tripId, _type: 'trip', title: `Travel across Japan ${stamp}`, slug: { _type: 'slug', current: tripSlug }, destinations })
})

test.afterAll(async () => {
  await editor.transaction().delete(tripId).delete(`drafts.${tripId}`).commit()
})

function tripMap(page: Page): Locator {
  return page
    .getByRole('main')
    .getByRole('figure')
    .filter({ has: page.getByText('Destinations, in order of travel') })
}

/** The numbers on the map's markers, in drawing order, and their positions in the drawing's own units. */
async function markers(map: Locator) {
  return map.locator('[data-map="marker"]').evaluateAll((groups) =>
    groups.map((g) => {
      const circle = g.querySelector('circle')
      return { number: g.getAttribute('data-number'), text: g.textContent, x: Number(circle?.getAttribute('cx')), y: Number(circle?.getAttribute('cy')) }
    }),
  )
}

/** Bytes of the inline SVG (it is sent twice: in the HTML and in the page's RSC payload). */
async function svgBytes(map: Locator): Promise<number> {
  return map.locator('svg').evaluate((svg) => new TextEncoder().encode(svg.outerHTML).length)
}

async function figureShot(map: Locator, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true })
  await map.screenshot({ path: join(ARTIFACTS, `${name}.png`) })
}

for (const size of SIZES) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: { width: size.width, height: size.height } })

    test('the seed trip: Tokyo framed with its region, the route in from Washington and a globe', async ({ page }) => {
      expect((await page.goto(`/trips/${SEED_TRIP_SLUG}`))?.status()).toBe(200)
      const map = tripMap(page)
      const drawing = map.getByRole('img', { name: 'Map of the trip’s destinations, marking 1 place and the route from Washington, D.C. (listed below)' })
      await expect(drawing).toBeVisible()
      await expect(map.getByRole('listitem')).toHaveText(['Tokyo, Japan'])
      await expect(map.locator('figcaption')).toContainText('Destinations, in order of travel, from Washington, D.C.')
      // Drawn in the page: the land is inline, nothing to fetch.
      await expect(map.locator('svg image')).toHaveCount(0)
      await expect(map.locator('svg > path').first()).toHaveAttribute('d', /^M\d/)
      await expect(drawing).toHaveAttribute('data-land-scale', '10m')
      expect(await markers(map)).toEqual([expect.objectContaining({ number: '1', text: '1' })])
      await expect(map.locator('[data-map="route"]')).toHaveAttribute('d', /^M/)
      await expect(map.locator('[data-map="origin-entry"]')).toHaveText('from Washington, D.C.')
      await expect(map.locator('[data-map="globe"] path').first()).toHaveAttribute('d', /^M/)
      const bytes = await svgBytes(map)
      expect(bytes).toBeLessThan(30_000)
      test.info().annotations.push({ type: 'svg bytes', description: `${SEED_TRIP_SLUG}: ${bytes}` })
      // The drawing scales to the column: never wider than the screen.
      const box = await drawing.boundingBox()
      expect(box && box.width <= size.width).toBe(true)
      await figureShot(map, `map-seed-trip-${size.name}`)
      await expectNoAxeViolations(page)
    })

    test('a trip of four destinations: the markers carry the list’s numbers, places without usable coordinates are listed only', async ({ page }) => {
      await expect(async () => {
        expect((await page.goto(`/trips/${tripSlug}`))?.status()).toBe(200)
      }).toPass({ timeout: 30_000 })
      const map = tripMap(page)
      await expect(map.getByRole('img', { name: 'Map of the trip’s destinations, marking 2 places and the route from Washington, D.C. (listed below)' })).toBeVisible()
      await expect(map.getByRole('listitem')).toHaveText(['Tokyo, Japan', 'Kyoto, Japan (not on the map)', 'Osaka, Japan', 'Sapporo, Japan (not on the map)'])
      await expect(map.getByText('Places marked “not on the map” have no usable coordinates.')).toBeVisible()
      const drawn = await markers(map)
      expect(drawn.map((m) => m.number)).toEqual(['1', '3'])
      expect(drawn.map((m) => m.text)).toEqual(['1', '3'])
      // Where they are: Osaka lies west and a little south of Tokyo.
      const [tokyo, osaka] = drawn
      expect(tokyo && osaka && osaka.x < tokyo.x && osaka.y > tokyo.y).toBe(true)
      // Two legs: Washington to Tokyo, Tokyo to Osaka.
      expect(((await map.locator('[data-map="route"]').getAttribute('d')) ?? '').match(/M/g)).toHaveLength(2)
      test.info().annotations.push({ type: 'svg bytes', description: `${tripSlug}: ${await svgBytes(map)}` })
      await figureShot(map, `map-four-destinations-${size.name}`)
      await screenshot(page, `map-trip-page-${size.name}`)
      await expectNoAxeViolations(page)
    })

    test('the country page maps its places, numbered as its list is, without a route', async ({ page }) => {
      const map = page
        .getByRole('main')
        .getByRole('figure')
        .filter({ has: page.getByText('Places visited', { exact: true }) })
      await expect(async () => {
        expect((await page.goto('/countries/japan'))?.status()).toBe(200)
        await expect(map.getByRole('listitem').filter({ hasText: 'Osaka, Japan (1 trip)' })).toHaveCount(1, { timeout: 1_000 })
      }).toPass({ timeout: 30_000 })
      await expect(map.getByRole('listitem').filter({ hasText: /^Tokyo, Japan \(\d+ trips?\)$/ })).toHaveCount(1)
      await expect(map.getByRole('listitem').filter({ hasText: 'Kyoto, Japan (1 trip) (not on the map)' })).toHaveCount(1)
      await expect(map.getByRole('listitem').filter({ hasText: 'Sapporo, Japan (1 trip) (not on the map)' })).toHaveCount(1)
      // Every place the list does not call "not on the map" is marked, with its number in the list.
      const items = await map.getByRole('listitem').allTextContents()
      const onMap = items.flatMap((text, index) => (text.includes('(not on the map)') ? [] : [String(index + 1)]))
      const drawn = await markers(map)
      expect(drawn.map((m) => m.number)).toEqual(onMap)
      expect(drawn.map((m) => m.text)).toEqual(onMap)
      expect(drawn.length).toBeGreaterThanOrEqual(2)
      await expect(map.getByRole('img', { name: `Map of places visited in Japan, marking ${drawn.length} places (listed below)` })).toBeVisible()
      await expect(map.locator('[data-map="route"]')).toHaveCount(0)
      await expect(map.locator('[data-map="globe"]')).toHaveCount(0)
      await figureShot(map, `map-country-${size.name}`)
      await expectNoAxeViolations(page)
    })
  })
}
