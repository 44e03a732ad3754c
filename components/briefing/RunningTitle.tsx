/**
 * The title printed at the top of every page of a sheet or book (paper and PDF alike): a second
 * page lifted from the pile still says what it belongs to. Chromium draws @page margin boxes
 * (131+), but takes their text only from the style sheet, so the title is written into a small
 * style element of its own.
 */
import { stegaClean } from '@sanity/client/stega'

/**
 * A CSS string holding `text`, every character but letters, digits and spaces written as a hex
 * escape: nothing in a title (a quote, a backslash, "</style>") can end the string or the element.
 */
export function cssString(text: string): string {
  let out = ''
  for (const char of text) out += /[A-Za-z0-9 ]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `
  return `"${out}"`
}

/** Titles longer than a margin line are cut, with an ellipsis, rather than run off the page. */
const MAX_LENGTH = 110

/**
 * In staff preview `text` carries stega's invisible click-to-edit markers, which no one can click
 * in a page margin and which would count against MAX_LENGTH: the title is printed as stored.
 */
export function RunningTitle({ text: marked }: { text: string }) {
  const text = stegaClean(marked)
  const title = text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1).trimEnd()}…` : text
  const css = `@page { @top-left { content: ${cssString(title)}; font-size: 8pt; color: #565c65; } }`
  return <style data-running-title>{css}</style>
}
