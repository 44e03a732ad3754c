/**
 * Finding text a page would say twice. Editors often write a trip's summary as the meetings'
 * descriptions run together, and a meeting's agenda as phrases lifted from its description: the
 * trip page shows each sentence once, where a reader looks for it (the meeting), and drops only
 * what is said word for word elsewhere, so no words of the content are lost from the page.
 *
 * Compared with stega markers cleaned (staff preview marks every copy with its own document) and
 * with case, curly quotes and whitespace folded.
 */
import { toPlainText } from '@portabletext/react'
import { stegaClean } from '@sanity/client/stega'
import type { RichText } from './sanity/types'

type Block = RichText[number]

/** `text` as compared for repetition. */
export function comparable(text: string): string {
  return stegaClean(text).replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase()
}

/** The rich text's words, as compared for repetition. */
export function comparableRichText(value: RichText | null | undefined): string {
  return value && value.length > 0 ? comparable(toPlainText(value)) : ''
}

/** Agenda items not already written word for word in the meeting's description. */
export function agendaNotInDescription(agenda: readonly string[], description: RichText | null | undefined): string[] {
  const words = comparableRichText(description)
  return agenda.filter((item) => {
    const phrase = comparable(item)
    return phrase === '' ? false : !words.includes(phrase)
  })
}

/** Only spaces and punctuation: what is left of a paragraph once its repeated sentences are taken out. */
const NOTHING_LEFT = /^[\s\p{P}]*$/u

/**
 * The blocks of `value` that say something `elsewhere` does not: a block is left out when every
 * word of it is in those texts, word for word, and it carries no link (a link would be lost).
 */
export function blocksNotSaidElsewhere(value: RichText | null | undefined, elsewhere: readonly string[]): Block[] {
  const texts = elsewhere.map(comparable).filter((text) => text !== '')
  return (value ?? []).filter((block) => {
    if ((block.markDefs ?? []).length > 0) return true
    let rest = comparable(toPlainText([block]))
    if (rest === '') return false
    for (const text of texts) rest = rest.split(text).join(' ')
    return !NOTHING_LEFT.test(rest)
  })
}
