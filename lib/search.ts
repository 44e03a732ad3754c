/**
 * Search helpers: turning the reader's words into GROQ `match` terms, and marking those words
 * in results. Pure functions, so they are unit tested (test/portal/search.test.ts).
 */

/** At most this many words are searched; more only slows the query without better results. */
const MAX_TERMS = 8

/** The reader's words, lower-cased, without punctuation GROQ's matcher would treat specially. */
export function searchWords(query: string | null | undefined): string[] {
  if (!query) return []
  const words = query
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
  return [...new Set(words)].slice(0, MAX_TERMS)
}

/** GROQ terms: each word as a prefix ("jap*" finds "Japan"). */
export function matchTerms(words: readonly string[]): string[] {
  return words.map((word) => `${word}*`)
}

export interface TextPart {
  text: string
  match: boolean
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Splits text into plain and matching parts: a part matches where a word begins with a search word. */
export function highlightParts(text: string, words: readonly string[]): TextPart[] {
  if (!text) return []
  if (words.length === 0) return [{ text, match: false }]
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`, 'giu')
  const parts: TextPart[] = []
  let last = 0
  for (const found of text.matchAll(pattern)) {
    const start = found.index ?? 0
    if (start > last) parts.push({ text: text.slice(last, start), match: false })
    parts.push({ text: found[0], match: true })
    last = start + found[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false })
  return parts
}

/** A window of about `length` characters around the first match, cut at word boundaries. */
export function snippet(text: string | null | undefined, words: readonly string[], length = 220): string {
  if (!text) return ''
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= length) return clean
  const lower = clean.toLowerCase()
  const first = Math.min(...words.map((word) => lower.indexOf(word)).filter((index) => index >= 0), Number.POSITIVE_INFINITY)
  let start = Number.isFinite(first) ? Math.max(0, first - Math.floor(length / 3)) : 0
  if (start > 0) {
    const space = clean.indexOf(' ', start)
    start = space >= 0 && space < first ? space + 1 : start
  }
  let end = Math.min(clean.length, start + length)
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end)
    if (space > start) end = space
  }
  return `${start > 0 ? '… ' : ''}${clean.slice(start, end)}${end < clean.length ? ' …' : ''}`
}
