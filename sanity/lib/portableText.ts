/** Minimal Portable Text shapes, enough for plain-text extraction without extra dependencies. */
export interface PtSpan {
  _type: string
  text?: string
}
export interface PtBlock {
  _type: string
  children?: PtSpan[]
}

/** Joins the spans of each block; blocks are separated by a blank line. */
export function toPlainText(blocks: readonly PtBlock[] | null | undefined): string {
  if (!blocks) return ''
  return blocks
    .filter((block) => block._type === 'block' && Array.isArray(block.children))
    .map((block) => (block.children ?? []).map((span) => span.text ?? '').join(''))
    .join('\n\n')
}

/** A short one-line excerpt for Studio previews. */
export function excerpt(blocks: readonly PtBlock[] | null | undefined, max = 100): string {
  const text = toPlainText(blocks).replace(/\s+/g, ' ').trim()
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
