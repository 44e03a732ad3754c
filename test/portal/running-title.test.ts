/**
 * The running title of printed sheets is written into a style element as a CSS string: whatever
 * the title holds, it reads back as itself and cannot end the string or the element.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cssString } from '../../components/briefing/RunningTitle'

/** Reads a CSS string back as a browser would: hex escapes (with their one trailing space) to characters. */
function readCssString(css: string): string {
  assert.match(css, /^"[^"\n]*"$/)
  return css.slice(1, -1).replace(/\\([0-9a-f]{1,6}) ?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
}

describe('the running title as CSS', () => {
  it('reads back as the title itself', () => {
    for (const title of [
      'Briefing sheet: Secretary Blinken and Secretary Austin travel to Tokyo, Japan',
      'U.S.-Japan Security Consultative Committee (“2+2”)',
      'Quote " and backslash \\ and </style><script>alert(1)</script>',
      'Line\nbreak and emoji 🇯🇵 and 東京',
    ]) {
      const css = cssString(title)
      assert.equal(readCssString(css), title)
      assert.doesNotMatch(css.slice(1, -1), /["<>\n]/, 'never a raw quote, angle bracket or newline')
      assert.doesNotMatch(css.slice(1, -1), /\\(?![0-9a-f]{1,6} )/, 'a backslash only as a hex escape')
    }
  })
})
