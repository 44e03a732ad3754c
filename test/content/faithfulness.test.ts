/**
 * The seed must carry the source page word for word. The page (a U.S. Department of State fact
 * sheet, kept as text in fixtures/) is parsed line by line; every line after the .gov banner must
 * appear verbatim in the seed, in the right place.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { FIGURE_QUALIFIERS, figureText, periodText, type FigureData } from '../../lib/figures'
import { allBlocks, blockText, byId, loadSeed, SOURCE_PAGE_PATH, type Block, type Doc } from './helpers'

const docs = loadSeed()
const index = byId(docs)
const ofType = (type: string) => docs.filter((doc) => doc._type === type)
const trip = ofType('trip')[0]!
const quote = index.get((trip.leadQuote as { _ref: string })._ref)!
const page = readFileSync(SOURCE_PAGE_PATH, 'utf8')

interface SourceLine {
  kind: 'bullet' | 'heading' | 'paragraph'
  text: string
}

/** The page's content lines, after the "official website" banner, classified. */
function parsePage(text: string): SourceLine[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''))
  const bannerEnd = lines.findIndex((line) => line.startsWith('A lock ('))
  assert.ok(bannerEnd > 0, 'the banner ends with the "A lock ( )" line')
  const content = lines.slice(bannerEnd + 1).filter((line) => line.trim() !== '')
  return content.map((line, i) => {
    const bullet = /^\s*•\s+(.*)$/.exec(line)
    if (bullet) return { kind: 'bullet', text: bullet[1]! }
    const next = content[i + 1]
    if (next && /^\s*•/.test(next)) return { kind: 'heading', text: line.trim() }
    return { kind: 'paragraph', text: line.trim() }
  })
}

const source = parsePage(page)
const settings = ofType('settings')[0]!
/** The last line of the page: a link state.gov shows on every page, not one the fact sheet ties to the trip. */
const SITE_WIDE_PROMOTION = 'The Lessons of 1989: Freedom and Our Future'
const factSections = trip.factSections as { heading: string; bullets: { _ref: string }[] }[]
const factText = (id: string) => ((index.get(id)!.text as Block[]) ?? []).map(blockText).join('\n\n')
type SeedFigure = FigureData & { _key: string; period?: { _type: string; start?: string; end?: string } }

/** Where the page writes `text`; a sentence may open with the qualifier capitalised ("More than"). */
function findWording(bullet: string, text: string): number {
  const exact = bullet.indexOf(text)
  if (exact >= 0) return exact
  const capitalised = bullet.indexOf(text.charAt(0).toUpperCase() + text.slice(1))
  return capitalised >= 0 && /(^|[.!?] )$/.test(bullet.slice(0, capitalised)) ? capitalised : -1
}

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '¥': 'JPY', '€': 'EUR', '£': 'GBP', '₩': 'KRW' }

/** The page's wording of a figure, read into data: "more than 948,100 jobs" → { qualifier, value, unit }. */
function parseWording(wording: string) {
  const match = /^(?:([A-Za-z]+(?: [a-z]+)?) )?([$¥€£₩])?(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)(?: (thousand|million|billion|trillion))?(?: (.+))?$/.exec(wording)
  assert.ok(match, `a figure's wording: ${wording}`)
  const [, qualifier, symbol, digits, scale, unit] = match
  return {
    qualifier: qualifier?.toLowerCase() ?? null,
    value: Number(digits!.replaceAll(',', '')),
    scale: scale ?? null,
    currency: symbol ? CURRENCY_SYMBOLS[symbol]! : null,
    unit: unit ?? null,
  }
}

const dataOf = (figure: FigureData) => ({
  qualifier: figure.qualifier ?? null,
  value: figure.value ?? null,
  scale: figure.scale ?? null,
  currency: figure.currency ?? null,
  unit: figure.unit ?? null,
})

const longDate = (iso: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))

describe('the seed is faithful to the source page', () => {
  it('parses the page as expected (5 sections, 21 bullets)', () => {
    assert.equal(source.filter((line) => line.kind === 'heading').length, 5)
    assert.equal(source.filter((line) => line.kind === 'bullet').length, 21)
  })

  it('keeps every section heading and every bullet verbatim, in the page’s order', () => {
    const fromPage: { heading: string; bullets: string[] }[] = []
    for (const line of source) {
      if (line.kind === 'heading') fromPage.push({ heading: line.text, bullets: [] })
      else if (line.kind === 'bullet') fromPage.at(-1)!.bullets.push(line.text)
    }
    const fromSeed = factSections.map((section) => ({
      heading: section.heading,
      bullets: section.bullets.map((bullet) => factText(bullet._ref)),
    }))
    assert.deepEqual(fromSeed, fromPage)
  })

  it('keeps every other line of the page verbatim somewhere it belongs', () => {
    const speaker = index.get((quote.speaker as { _ref: string })._ref)!
    const blockTexts = new Set(allBlocks([trip]).map((block) => block.text))
    const places = new Map<string, string>([
      [quote.text as string, 'the lead quote'],
      [`${speaker.title as string} ${speaker.name as string}${longDate(quote.date as string)}`, 'the quote’s speaker, title and date'],
      [(trip.source as { title: string }).title, 'the trip’s issuer'],
      [settings.publisher as string, 'the agency in Settings'],
      [SITE_WIDE_PROMOTION, 'not carried: a promotion on every state.gov page, not part of the trip'],
    ])
    for (const line of source.filter((l) => l.kind === 'paragraph')) {
      assert.ok(blockTexts.has(line.text) || places.has(line.text), `not in the seed verbatim: ${line.text}`)
    }
  })

  it('uses the first paragraph as the purpose and the next two as the summary', () => {
    const paragraphs = source.filter((line) => line.kind === 'paragraph').map((line) => line.text)
    const purposeIndex = paragraphs.findIndex((text) => text.startsWith('Secretary of State Antony J. Blinken'))
    assert.deepEqual((trip.purpose as Block[]).map(blockText), [paragraphs[purposeIndex]])
    assert.deepEqual((trip.summary as Block[]).map(blockText), paragraphs.slice(purposeIndex + 1, purposeIndex + 3))
  })

  it('describes each of the five engagements in the page’s own words', () => {
    const meetings = ofType('meeting').sort((a, b) => (a.order as number) - (b.order as number))
    assert.equal(meetings.length, 5)
    const summary = (trip.summary as Block[]).map(blockText).join(' ')
    for (const meeting of meetings) {
      const description = (meeting.description as Block[]).map(blockText).join(' ')
      assert.ok(summary.includes(description), `${meeting._id}: description is a sentence from the page`)
      for (const item of [...((meeting.agenda as string[]) ?? []), ...((meeting.otherParticipants as string[]) ?? [])]) {
        assert.ok(description.includes(item), `${meeting._id}: "${item}" is in its description`)
      }
    }
    // All five sentences together rebuild the two summary paragraphs.
    assert.equal(meetings.map((m) => (m.description as Block[]).map(blockText).join(' ')).join(' '), summary)
    const business = index.get('meeting-2021-03-tokyo-business-leaders')!
    assert.deepEqual(business.agenda, ['addressing climate change', 'securing supply chains', 'promoting and protecting emerging technologies', 'fostering digital trade', 'recovering from COVID-19'])
  })

  it('names the officials and their titles as the page does', () => {
    const expected: Record<string, [string, string]> = {
      'official-antony-blinken': ['Antony J. Blinken', 'Secretary of State'],
      'official-lloyd-austin': ['Lloyd J. Austin III', 'Secretary of Defense'],
      'official-toshimitsu-motegi': ['Toshimitsu Motegi', 'Minister for Foreign Affairs'],
      'official-nobuo-kishi': ['Nobuo Kishi', 'Minister of Defense'],
      'official-joseph-biden': ['Joseph R. Biden, Jr.', 'President'],
    }
    for (const [id, [name, title]] of Object.entries(expected)) {
      const official = index.get(id) as Doc
      assert.equal(official.name, name)
      assert.equal(official.title, title)
      assert.ok(page.includes(name) && page.includes(title), `${name} and ${title} are on the page`)
    }
    const twoPlusTwo = index.get('meeting-2021-03-tokyo-security-consultative-committee')!
    assert.deepEqual(
      (twoPlusTwo.hosts as { _ref: string }[]).map((h) => h._ref),
      ['official-toshimitsu-motegi', 'official-nobuo-kishi'],
    )
  })

  it('keeps the trip’s dates and place, and the quote’s date', () => {
    assert.equal(trip.startDate, '2021-03-15')
    assert.equal(trip.endDate, '2021-03-17')
    assert.deepEqual(
      (trip.destinations as { city: string; timeZone: string; country: { _ref: string } }[]).map((d) => [d.city, d.timeZone, d.country._ref]),
      [['Tokyo', 'Asia/Tokyo', 'country-japan']],
    )
    assert.equal(quote.date, '2021-02-04')
  })

  it('gives every figure of the page as data that writes back to the page’s own words', () => {
    const written = ofType('factBullet').flatMap((fact) =>
      ((fact.figures as SeedFigure[] | undefined) ?? []).map((figure) => {
        const text = figureText(figure)
        assert.ok(text, `${fact._id}/${figure._key}: the figure has a value`)
        const bullet = factText(fact._id)
        const at = findWording(bullet, text)
        assert.ok(at >= 0, `${fact._id}/${figure._key}: "${text}" is in the bullet as the page writes it`)
        const wording = bullet.slice(at, at + text.length)
        // Read back from the page's words by a parser of this test's own, not by lib/figures.ts.
        assert.deepEqual(dataOf(figure), parseWording(wording), `${fact._id}/${figure._key}: value, scale, currency, unit and qualifier are what the page wrote ("${wording}")`)
        // A qualifier the page puts before the number is never dropped.
        const before = bullet.slice(0, at).toLowerCase()
        for (const qualifier of FIGURE_QUALIFIERS) assert.ok(!before.endsWith(`${qualifier} `), `${fact._id}/${figure._key}: keeps "${qualifier}"`)
        return wording
      }),
    )
    // Every quantity on the page, as the page words it (ranks such as "8th largest" and dates such
    // as "March 31, 2022" are no quantities and stay in the text only).
    assert.deepEqual(
      written.sort(),
      [
        '$644.7 billion',
        '37 U.S.-based Japan-America Society chapters',
        'More than 3,800 Japanese',
        'approximately 55,000 U.S. service members',
        'more than 30,000 American alumni',
        'more than 948,100 jobs',
        'nearly 200 JET program alumni',
        'nearly 7,500 young Japanese',
        'over $300 billion',
      ].sort(),
    )
    for (const wording of written) assert.ok(page.includes(wording), `on the source page: ${wording}`)
  })

  it('gives a figure a period only where the page states one, and dates no fact', () => {
    const periods = ofType('factBullet').flatMap((fact) =>
      ((fact.figures as SeedFigure[] | undefined) ?? []).flatMap((figure) => (figure.period ? [[`${fact._id}/${figure._key}`, figure.period, periodText(figure.period)] as const] : [])),
    )
    assert.deepEqual(
      periods.map(([id, period]) => [id, period]),
      [
        ['fact-people-exchanges-and-students/fulbright', { _type: 'figurePeriod', start: '1952' }],
        ['fact-economy-direct-investment/investment', { _type: 'figurePeriod', start: '2019', end: '2019' }],
      ],
    )
    // "since 1952" and "in 2019" are the page's words.
    assert.ok(factText('fact-people-exchanges-and-students').includes('since 1952'))
    assert.ok(factText('fact-economy-direct-investment').includes('$644.7 billion invested in 2019'))
    assert.deepEqual(
      periods.map(([, , text]) => text),
      ['since 1952', '2019'],
    )
    // The page gives no date for any fact, nor for its own publication.
    for (const fact of ofType('factBullet')) assert.equal(fact.statedAt, undefined, `${fact._id}: stated on a date the page does not give`)
    assert.equal(trip.firstPublishedAt, undefined)
    assert.equal(trip.updatedAt, undefined)
  })

  it('keeps every figure of the page in the fact text', () => {
    const allFacts = ofType('factBullet')
      .map((fact) => factText(fact._id))
      .join('\n')
    for (const figure of [
      'more than 30,000 American alumni',
      'nearly 200 JET program alumni working at the Department of State',
      'nearly 7,500 young Japanese on Fulbright scholarships to the United States since 1952',
      'More than 3,800 Japanese are alumni of the International Visitor Leadership Program',
      '8th largest group of international students',
      '37 U.S.-based Japan-America Society chapters',
      'over $300 billion worth of goods and services exchanged each year',
      'more than 948,100 jobs',
      '$644.7 billion invested in 2019',
      'approximately 55,000 U.S. service members',
      'On February 24',
      'extending it through March 31, 2022',
    ]) {
      assert.ok(allFacts.includes(figure), `missing: ${figure}`)
    }
  })

  it('cites the U.S. Department of State, without an invented address, for every fact', () => {
    for (const fact of ofType('factBullet')) {
      assert.deepEqual(fact.source, { _type: 'source', title: 'U.S. Department of State' })
    }
  })

  it('carries the agency the page names at its foot into Settings, and nothing the page does not show', () => {
    // The page ends with its issuer, then the site-wide promotion.
    assert.equal(lines().at(-2), 'U.S. Department of State')
    assert.equal(settings.publisher, 'U.S. Department of State')
    // No parent agency, logo or press contact appears on the page.
    assert.equal(settings.parentAgency, undefined)
    assert.equal(settings.agencyLogo, undefined)
    assert.equal(settings.pressContact, undefined)
    // The page shows none of the agency's required links: only this site's own pages are linked.
    const required = settings.requiredLinks as Record<string, string>
    for (const [key, value] of Object.entries(required)) if (key !== '_type') assert.match(value, /^\/[a-z-]+$/, `${key} is a page of this site`)
  })

  it('ties no related link to the trip: the page’s one link is a site-wide promotion with no address', () => {
    assert.equal(lines().at(-1), SITE_WIDE_PROMOTION)
    assert.equal(trip.relatedLinks, undefined)
    assert.ok(!JSON.stringify(docs).includes(SITE_WIDE_PROMOTION), 'the promotion is nowhere in the seed')
  })

  it('gives no official a portrait or biography: the page has none', () => {
    for (const official of ofType('official')) {
      assert.equal(official.portrait, undefined, `${official.name as string} has no portrait`)
      assert.equal(official.bio, undefined, `${official.name as string} has no biography`)
    }
    for (const country of ofType('country')) assert.equal(country.introduction, undefined, `${country.name as string} has no introduction`)
  })
})

function lines(): string[] {
  return source.map((line) => line.text)
}
