/**
 * The words of the first trip's source page, read from ../shared/seed, so the
 * end-to-end tests can check that what a reader sees carries the page faithfully.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const SOURCE_PAGE = join(__dirname, '..', '..', 'test', 'content', 'fixtures', 'state-dept-2021-03-tokyo-2plus2.txt')

/** Every bullet of the fact sheet, as written on the source page. */
export function sourceBullets(): string[] {
  return readFileSync(SOURCE_PAGE, 'utf8')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('•'))
    .map((line) => line.replace(/^\s*•\s*/, '').trim())
}

export const SECTION_HEADINGS = [
  'A Strong Alliance Based on Shared Values',
  'The Steadfast Friendship of the American and Japanese People',
  'Economic Ties that Benefit the American and Japanese People',
  'Strengthening U.S.-Japan-Republic of Korea Cooperation',
  'Security Cooperation that Promotes Peace and Stability',
]

export const OFFICIALS = ['Antony J. Blinken', 'Lloyd J. Austin III', 'Toshimitsu Motegi', 'Nobuo Kishi']

/** The figures the fact sheet gives, as they are written on the page. */
export const FIGURES = ['30,000', '200', '7,500', '1952', '3,800', '8th', '37', '$300 billion', '948,100', '$644.7 billion', '55,000', 'March 31, 2022']

export const SEED_TRIP_SLUG = '2021-03-tokyo-2plus2'

/** The source page's text, whitespace folded. */
export function sourceText(): string {
  return readFileSync(SOURCE_PAGE, 'utf8').replace(/\s+/g, ' ')
}

/**
 * The trip's own paragraphs on the source page: after the lead quote's attribution, before the
 * first fact-sheet heading (its purpose, then what it holds), split into sentences.
 */
export function sourceLedeSentences(): string[] {
  const lines = readFileSync(SOURCE_PAGE, 'utf8').split('\n')
  const from = lines.findIndex((line) => line.startsWith('President Joseph R. Biden, Jr.')) + 1
  const to = lines.indexOf(SECTION_HEADINGS[0]!)
  if (from <= 0 || to <= from) throw new Error('the source page no longer has the shape this reader expects')
  return lines
    .slice(from, to)
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((paragraph) => paragraph.split(/(?<=[a-z0-9”)]\.)\s+(?=[A-Z])/))
}

export const QUOTE = {
  text: 'America’s alliances are our greatest asset, and leading with diplomacy means standing shoulder-to-shoulder with our allies and key partners once again.',
  speaker: 'Joseph R. Biden, Jr.',
  date: 'February 4, 2021',
}
