/**
 * The Department's daily public schedule, as a journalist reads it: a day's engagements by
 * official in order of precedence, local and Washington times, press-coverage and travel lines,
 * the subject-to-change heading; days without engagements are a 404; the calendar and feed parse.
 *
 * The seed dates none of its engagements, so the spec writes the generated, marked-synthetic
 * content of scripts/lib/synthetic-schedule.ts (`npm run seed:synthetic`) and removes it after.
 */
import AxeBuilder from '@axe-core/playwright'
import ICAL from 'ical.js'
import { XMLParser } from 'fast-xml-parser'
import type { SanityClient } from '@sanity/client'
import { SYNTHETIC_DATES, SYNTHETIC_TRIP_SLUG, syntheticScheduleDocuments } from '../scripts/lib/synthetic-schedule'
import { createLakeToken, lakeClient } from './support/lake'
import { expect, test } from './support/test'

const BUSY = `/schedule/${SYNTHETIC_DATES.busyDay}`
let editor: SanityClient
const documents = syntheticScheduleDocuments()

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  editor = lakeClient(createLakeToken('editor', `schedule-e2e-${Date.now().toString(36)}`))
  // The trip first: its meetings reference it.
  const tx = editor.transaction()
  for (const doc of documents) tx.createOrReplace(doc)
  await tx.commit()
})

test.afterAll(async () => {
  const tx = editor.transaction()
  for (const doc of [...documents].reverse()) tx.delete(doc._id)
  await tx.commit()
})

test('a day of the schedule: officials by precedence, both times, coverage and travel lines', async ({ page }) => {
  // The publish's live event expires the list of dates; poll until the day is there.
  await expect.poll(async () => (await page.goto(BUSY))?.status(), { timeout: 30_000, intervals: [1_000] }).toBe(200)
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Monday, June 10, 2030')
  await expect(main.getByRole('heading', { level: 2 }).first()).toHaveText(/the daily public schedule is subject to change/i)
  const officials = await main.getByRole('heading', { level: 3 }).allInnerTexts()
  expect(officials.map((text) => text.toLowerCase())).toEqual([
    'secretary of state antony j. blinken',
    'secretary of defense lloyd j. austin iii',
    'minister for foreign affairs toshimitsu motegi',
    'minister of defense nobuo kishi',
  ])
  await expect(main.getByRole('link', { name: 'On travel to Tokyo, Japan from June 10–12, 2030' }).first()).toHaveAttribute('href', `/trips/${SYNTHETIC_TRIP_SLUG}`)
  const text = (await main.innerText()).replace(/\u202f/g, ' ')
  expect(text).toContain('8:00 AM – 9:00 AM JST')
  expect(text).toContain('7:00 PM – 8:00 PM EDT, June 9 in Washington')
  expect(text).toContain('Breakfast with business leaders (synthetic)')
  for (const coverage of ['(CLOSED PRESS COVERAGE)', '(POOLED CAMERA SPRAY AT THE TOP)', '(OPEN PRESS COVERAGE)']) expect(text).toContain(coverage)
  // A dated engagement without a time is not on the public schedule.
  expect(text).not.toContain('Meeting with embassy staff (synthetic)')
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(axe.violations.map((violation) => violation.id)).toEqual([])
  await page.screenshot({ path: 'test-results/schedule-day.png', fullPage: true })

  // The next day, through the page's own link.
  await main.getByRole('link', { name: /Next schedule: June 11, 2030/ }).click()
  await expect(page).toHaveURL(new RegExp(`/schedule/${SYNTHETIC_DATES.secondDay}$`))
  await expect(page.getByRole('main')).toContainText('Joint press availability (synthetic)')
  await expect(page.getByRole('main')).toContainText(/\(POOLED PRESS COVERAGE\)/i)
})

test('the schedule is in the navigation, and today opens on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Schedule' }).click()
  await expect(page).toHaveURL(/\/schedule$/)
  await expect(page.getByRole('main')).toContainText(/Daily public schedule/i)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('a day without engagements, an impossible date and junk are 404s', async ({ request }) => {
  for (const path of [`/schedule/${SYNTHETIC_DATES.quietDay}`, '/schedule/2021-02-30', '/schedule/20300610', '/schedule/junk', `/schedule/${SYNTHETIC_DATES.quietDay}/calendar.ics`]) {
    expect((await request.get(path)).status(), path).toBe(404)
  }
  // A positive control: a day with engagements answers.
  expect((await request.get(BUSY)).status()).toBe(200)
})

test('the day’s calendar and the schedule feed parse', async ({ request }) => {
  const ics = await request.get(`${BUSY}/calendar.ics`)
  expect(ics.status()).toBe(200)
  expect(ics.headers()['content-type']).toContain('text/calendar')
  const calendar = new ICAL.Component(ICAL.parse(await ics.text()))
  const events = calendar.getAllSubcomponents('vevent')
  expect(events).toHaveLength(4)
  expect(events.map((event) => String(event.getFirstPropertyValue('uid'))).every((uid) => uid.startsWith('synthetic-meeting-'))).toBe(true)
  expect(events.map((event) => event.getFirstProperty('dtstart')?.getParameter('tzid'))).toContain('Asia/Tokyo')

  const feedResponse = await request.get('/schedule/feed.xml')
  expect(feedResponse.status()).toBe(200)
  const feed = new XMLParser({ ignoreAttributes: false }).parse(await feedResponse.text()).feed
  const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry]
  expect(entries.map((entry: { id: string }) => entry.id)).toEqual(expect.arrayContaining(['urn:envoy:schedule:2030-06-11', 'urn:envoy:schedule:2030-06-10']))
})
