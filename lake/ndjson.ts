/**
 * Import and export in the NDJSON format of `sanity dataset import` / `sanity dataset export`:
 * one document per line.
 *
 * An import validates the whole file before writing anything and then writes every document in
 * one transaction, so a bad line (reported with its line number) leaves the dataset untouched.
 * Modes follow the Sanity CLI: by default a document that already exists is an error;
 * `replace` overwrites it, `missing` skips it. Imported documents keep their `_createdAt` and
 * `_updatedAt`; `_rev` becomes the import's transaction id, like every other write.
 * Asset files (`_sanityAsset` fields of export archives) are not resolved: NDJSON only.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import type { Writable } from 'node:stream'
import { isValidDocumentId, randomId } from './ids'
import type { Doc } from './types'
import type { WriteContext, WriteTransaction } from './write'
import { runWrite } from './write'

export class ImportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportError'
  }
}

export type ImportMode = 'create' | 'replace' | 'missing'
export type Progress = (message: string) => void

type Line = { line: number; doc: Doc }

const MAX_REPORTED_ERRORS = 10

/** Reads and validates every line; throws an ImportError naming the bad lines. */
export async function readNdjson(file: string, progress?: Progress): Promise<Line[]> {
  const input = createReadStream(file, { encoding: 'utf8' })
  const opened = once(input, 'open').catch((error: NodeJS.ErrnoException) => {
    throw new ImportError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)
  })
  await opened
  const lines = createInterface({ input, crlfDelay: Infinity })
  const out: Line[] = []
  const errors: string[] = []
  const seen = new Map<string, number>()
  let number = 0
  for await (const text of lines) {
    number++
    if (text.trim() === '') continue
    const problem = checkLine(text, number, seen, out)
    if (problem) {
      errors.push(`line ${number}: ${problem}`)
      if (errors.length >= MAX_REPORTED_ERRORS) break
    }
    if (progress && number % 10_000 === 0) progress(`Read ${number} lines`)
  }
  if (errors.length > 0) {
    throw new ImportError(`${file} is not valid; nothing was imported.\n  ${errors.join('\n  ')}`)
  }
  return out
}

function checkLine(text: string, number: number, seen: Map<string, number>, out: Line[]): string | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a line must be one JSON object (a document)'
  const doc = value as Record<string, unknown>
  // Like the Sanity CLI, a document without _id gets a generated one.
  if (doc._id === undefined) doc._id = randomId()
  if (!isValidDocumentId(doc._id)) return `invalid _id ${JSON.stringify(doc._id)}`
  if (typeof doc._type !== 'string' || doc._type === '') return `document "${doc._id}" has no _type`
  const first = seen.get(doc._id)
  if (first !== undefined) return `duplicate _id "${doc._id}" (first seen on line ${first})`
  seen.set(doc._id, number)
  out.push({ line: number, doc: doc as Doc })
  return undefined
}

/** A plugin's check of what an import writes (lake/plugin.ts importCheckOf); throws to refuse it all. */
export type ImportCheck = (tx: WriteTransaction, ids: string[]) => void

export async function importLines(
  context: WriteContext,
  options: { dataset: string; lines: Line[]; mode: ImportMode; progress?: Progress; checkImport?: ImportCheck },
): Promise<{ transactionId: string; written: number; skipped: number }> {
  const { lines, mode, progress } = options
  let skipped = 0
  const { transaction } = await runWrite(
    context,
    { dataset: options.dataset, author: 'lake-import' },
    (tx) => {
      lines.forEach(({ line, doc }, index) => {
        if (tx.get(doc._id)) {
          if (mode === 'missing') {
            skipped++
            return
          }
          if (mode === 'create') {
            throw new ImportError(
              `Document "${doc._id}" (line ${line}) already exists in dataset "${options.dataset}"; nothing was imported. Use --replace to overwrite or --missing to skip existing documents.`,
            )
          }
        }
        tx.put(doc, undefined, { keepUpdatedAt: true })
        if (progress && (index + 1) % 10_000 === 0) progress(`Prepared ${index + 1}/${lines.length} documents`)
      })
      // The plugins' rules on what may be imported (lake/plugin.ts); a lake without plugins imports as is.
      options.checkImport?.(
        tx,
        lines.map(({ doc }) => doc._id),
      )
    },
    // A bulk import logs no mutations; each document's result is in the log all the same.
    () => null,
  )
  context.store.checkpoint()
  return { transactionId: transaction.id, written: transaction.changes.length, skipped }
}

export async function importFile(
  context: WriteContext,
  options: { dataset: string; file: string; mode: ImportMode; progress?: Progress; checkImport?: ImportCheck },
): Promise<{ transactionId: string; written: number; skipped: number }> {
  const lines = await readNdjson(options.file, options.progress)
  options.progress?.(`Validated ${lines.length} documents; writing…`)
  return importLines(context, { ...options, lines })
}

/** Writes every document of the dataset (drafts included, like `sanity dataset export`), by _id. */
export async function exportTo(documents: readonly Doc[], output: Writable): Promise<number> {
  const sorted = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  for (const doc of sorted) {
    if (!output.write(`${JSON.stringify(doc)}\n`)) await once(output, 'drain')
  }
  return sorted.length
}

export async function exportFile(documents: readonly Doc[], file: string): Promise<number> {
  const output = createWriteStream(file, { encoding: 'utf8' })
  await once(output, 'open')
  const count = await exportTo(documents, output)
  output.end()
  await once(output, 'finish')
  return count
}
