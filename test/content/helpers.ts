import { readFileSync } from 'node:fs'
import { join } from 'node:path'

// Works whether tsx loads this file as CommonJS (no "type" in package.json) or as an ES module.
const HERE = typeof __dirname === 'string' ? __dirname : join(process.cwd(), 'test', 'content')
export const ROOT = join(HERE, '..', '..')
export const SEED_PATH = join(ROOT, 'sanity', 'seed', 'seed.ndjson')
export const SOURCE_PAGE_PATH = join(HERE, 'fixtures', 'state-dept-2021-03-tokyo-2plus2.txt')

export type Doc = { _id: string; _type: string; [field: string]: unknown }

export function readSeedText(): string {
  return readFileSync(SEED_PATH, 'utf8')
}

export function loadSeed(): Doc[] {
  return readSeedText()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Doc)
}

/** What a client sees with the "published" perspective: no drafts or versions. */
export function publishedDocs(docs: Doc[]): Doc[] {
  return docs.filter((doc) => !doc._id.startsWith('drafts.') && !doc._id.startsWith('versions.'))
}

export function byId(docs: Doc[]): Map<string, Doc> {
  return new Map(docs.map((doc) => [doc._id, doc]))
}

/** Visits every value below `value`, with a readable path. */
export function walk(value: unknown, visit: (value: unknown, path: string) => void, path = ''): void {
  visit(value, path)
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, visit, `${path}[${index}]`))
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) walk(child, visit, path ? `${path}.${key}` : key)
  }
}

export interface Block {
  _type: string
  children?: { _type: string; text?: string }[]
}

export function isBlockArray(value: unknown): value is Block[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => item && typeof item === 'object' && (item as Block)._type === 'block')
}

export function blockText(block: Block): string {
  return (block.children ?? []).map((child) => child.text ?? '').join('')
}

/** Every Portable Text block in the seed, with where it lives. */
export function allBlocks(docs: Doc[]): { doc: Doc; path: string; text: string }[] {
  const out: { doc: Doc; path: string; text: string }[] = []
  for (const doc of docs) {
    walk(doc, (value, path) => {
      if (isBlockArray(value)) value.forEach((block, index) => out.push({ doc, path: `${path}[${index}]`, text: blockText(block) }))
    })
  }
  return out
}
