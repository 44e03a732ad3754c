/**
 * Import and export of the tarballs `sanity dataset export` writes (and `sanity dataset import`
 * reads): `<name>/data.ndjson`, `<name>/assets.json` and the asset files under `<name>/images/`
 * and `<name>/files/`. In `data.ndjson`, asset documents are left out and every asset field
 * `{asset: {_ref: "image-<sha1>-<w>x<h>-<ext>"}, …}` is written as a placeholder
 * `{_sanityAsset: "image@file://./images/<sha1>-<w>x<h>.<ext>", …}`; `assets.json` maps
 * `image-<sha1>` to the asset document's other fields (original filename, title, metadata).
 *
 * Import does what @sanity/import does with such a tarball: each placeholder's file is uploaded
 * as an asset (the same upload path as POST /assets/images, so the asset document is what the
 * lake would have made of the file), its fields from `assets.json` are put back, and the
 * placeholder becomes a reference to it. Unlike @sanity/import the documents then land in one
 * transaction, and placeholders are only read from inside the tarball (no http:// URLs fetched).
 *
 * Tarballs are read with node-tar; what it does not bound is bounded here: entry count, entry
 * size, total bytes unpacked (a decompression bomb is stopped after `maxTotalBytes` of output),
 * entry types (files and directories only: no links) and names (only the layout above; node-tar
 * already refuses `..` and absolute paths).
 */
import { createHash } from 'node:crypto'
import { closeSync, createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import * as tar from 'tar'
import { ASSET_BODY_LIMIT, readAsset, uploadAsset } from './assets'
import type { AssetKind } from './assets'
import { changesAsMutations, runWrite } from './write'
import type { WriteContext } from './write'
import { ImportError, importLines, readNdjson, type ImportCheck } from './ndjson'
import type { ImportMode, Progress } from './ndjson'
import type { Doc } from './types'

export type ArchiveLimits = {
  /** Most entries (files and directories) in one tarball. */
  maxEntries: number
  /** Largest single entry, in bytes (data.ndjson included). */
  maxEntryBytes: number
  /** Most bytes unpacked in all, tar headers included: stops decompression bombs. */
  maxTotalBytes: number
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 16 * 1024 ** 3,
}

/** `images/<sha1>-<w>x<h>.<ext>` or `files/<sha1>.<ext>`, as @sanity/export names them. */
const ASSET_FILE = /^(images|files)\/([A-Za-z0-9_.-]{1,200})$/
const PLACEHOLDER = /^(image|file)@file:\/\/\.\/((?:images|files)\/[^/]+)$/
const IMAGE_ASSET_ID = /^image-([a-f0-9]{40})-(\d+x\d+)-([a-z0-9]+)$/
const FILE_ASSET_ID = /^file-([a-f0-9]{40})-([a-z0-9]+)$/
/** Fields of an asset document the upload derives from the file; assets.json cannot override them. */
const DERIVED_FIELDS = new Set(['_id', '_type', '_rev', '_createdAt', '_updatedAt', 'assetId', 'extension', 'mimeType', 'path', 'url', 'uploadId', 'sha1hash', 'size'])

function isGzip(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(2)
    readSync(fd, head, 0, 2, 0)
    return head[0] === 0x1f && head[1] === 0x8b
  } finally {
    closeSync(fd)
  }
}

/** The entry's path inside the export folder (`images/x.png`), or undefined for the folder itself. */
function innerPath(entryPath: string): string {
  const parts = entryPath.replace(/^\.\//, '').split('/').filter(Boolean)
  // Either the layout sits in one top-level folder (what the Sanity CLI writes) or at the root.
  const known = new Set(['data.ndjson', 'assets.json', 'images', 'files'])
  return (known.has(parts[0] ?? '') ? parts : parts.slice(1)).join('/')
}

function isAllowedEntry(inner: string, type: string): boolean {
  if (type === 'Directory') return inner === '' || inner === 'images' || inner === 'files'
  if (type !== 'File' && type !== 'OldFile' && type !== 'ContiguousFile') return false
  return inner === 'data.ndjson' || inner === 'assets.json' || ASSET_FILE.test(inner)
}

/** Unpacks `file` into `destination` within `limits`; returns the folder holding data.ndjson. */
export async function extractArchive(file: string, destination: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<string> {
  if (!existsSync(file)) throw new ImportError(`Cannot read ${file}: no such file`)
  let entries = 0
  let declared = 0
  let unpacked = 0
  let problem: ImportError | undefined
  const unpack = new tar.Unpack({
    cwd: destination,
    strict: true,
    preservePaths: false,
    filter: (entryPath, entry) => {
      if (problem) return false
      const type = 'type' in entry ? entry.type : 'File'
      const size = entry.size ?? 0
      const inner = innerPath(entryPath)
      if (++entries > limits.maxEntries) problem = new ImportError(`${file} has more than ${limits.maxEntries} entries; nothing was imported`)
      else if (size > limits.maxEntryBytes) problem = new ImportError(`${file}: entry "${entryPath}" is larger than ${limits.maxEntryBytes} bytes; nothing was imported`)
      else if ((declared += size) > limits.maxTotalBytes) problem = new ImportError(`${file} unpacks to more than ${limits.maxTotalBytes} bytes; nothing was imported`)
      else if (!isAllowedEntry(inner, type)) {
        // Links could point outside the folder; unknown names are no part of an export.
        if (type !== 'File' && type !== 'Directory') problem = new ImportError(`${file}: entry "${entryPath}" is a ${type}; only files and folders are accepted`)
        return false
      }
      if (problem) {
        unpack.abort(problem)
        return false
      }
      return true
    },
  })
  // Counts what decompression produces, so a bomb stops at the limit instead of filling the disk
  // or spinning through terabytes of zeros between entries.
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      unpacked += chunk.length
      if (unpacked > limits.maxTotalBytes + 1024 * 1024) {
        problem ??= new ImportError(`${file} unpacks to more than ${limits.maxTotalBytes} bytes; nothing was imported`)
        callback(problem)
      } else callback(null, chunk)
    },
  })
  const stages = isGzip(file) ? [createReadStream(file), createGunzip(), counter, unpack] : [createReadStream(file), counter, unpack]
  try {
    await pipeline(stages)
  } catch (error) {
    if (problem) throw problem
    throw new ImportError(`${file} is not a readable tarball: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (problem) throw problem
  for (const candidate of [destination, ...subfolders(destination)]) {
    if (existsSync(path.join(candidate, 'data.ndjson'))) return candidate
  }
  throw new ImportError(`${file} has no data.ndjson (is it a "sanity dataset export" tarball?)`)
}

/** The folders directly inside `dir` (a fresh temporary folder of ours). */
function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(dir, entry.name))
}

type Placeholder = { holder: Record<string, unknown>; kind: AssetKind; file: string; documentId: string }

/** Every `_sanityAsset` placeholder in `value`, with the object holding it. */
function findPlaceholders(value: unknown, documentId: string, out: Placeholder[]): void {
  if (Array.isArray(value)) {
    for (const item of value) findPlaceholders(item, documentId, out)
    return
  }
  if (typeof value !== 'object' || value === null) return
  const record = value as Record<string, unknown>
  if ('_sanityAsset' in record) {
    const raw = record._sanityAsset
    const match = typeof raw === 'string' ? PLACEHOLDER.exec(raw) : null
    if (!match) {
      throw new ImportError(
        `Document "${documentId}" has an asset placeholder the lake cannot resolve (${JSON.stringify(raw).slice(0, 200)}): only image@file://./images/… and file@file://./files/… inside the tarball are read; nothing was imported`,
      )
    }
    out.push({ holder: record, kind: match[1] as AssetKind, file: match[2] as string, documentId })
  }
  for (const [key, child] of Object.entries(record)) if (key !== '_sanityAsset') findPlaceholders(child, documentId, out)
}

function readAssetMap(base: string): Record<string, Record<string, unknown>> {
  const file = path.join(base, 'assets.json')
  if (!existsSync(file)) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ImportError(`assets.json is not valid JSON (${error instanceof Error ? error.message : String(error)}); nothing was imported`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ImportError('assets.json must be one JSON object; nothing was imported')
  const out: Record<string, Record<string, unknown>> = {}
  for (const [key, meta] of Object.entries(parsed)) if (typeof meta === 'object' && meta !== null && !Array.isArray(meta)) out[key] = meta as Record<string, unknown>
  return out
}

export type ArchiveImportResult = { transactionId: string; written: number; skipped: number; assets: number }

/** Imports a `sanity dataset export` tarball into `dataset`: assets first, then every document in one transaction. */
export async function importArchive(
  context: WriteContext & { dir: string },
  options: { dataset: string; file: string; mode: ImportMode; origin: string; projectId: string; progress?: Progress; limits?: ArchiveLimits; checkImport?: ImportCheck },
): Promise<ArchiveImportResult> {
  const { dataset, mode, progress } = options
  const scratch = mkdtempSync(path.join(tmpdir(), 'lake-import-'))
  try {
    progress?.(`Unpacking ${options.file}`)
    const base = await extractArchive(options.file, scratch, options.limits)
    const lines = await readNdjson(path.join(base, 'data.ndjson'), progress)
    const assetMap = readAssetMap(base)
    const placeholders: Placeholder[] = []
    for (const { doc } of lines) findPlaceholders(doc, doc._id, placeholders)
    const files = new Map<string, AssetKind>()
    for (const placeholder of placeholders) {
      const absolute = path.join(base, placeholder.file)
      if (!existsSync(absolute)) throw new ImportError(`Document "${placeholder.documentId}" refers to ${placeholder.file}, which is not in the tarball; nothing was imported`)
      const size = statSync(absolute).size
      if (size > ASSET_BODY_LIMIT) throw new ImportError(`${placeholder.file} is larger than the lake's asset limit of ${ASSET_BODY_LIMIT} bytes; nothing was imported`)
      files.set(placeholder.file, placeholder.kind)
    }
    // In the default mode an existing document is an error: find it before any asset is stored.
    if (mode === 'create') {
      const existing = lines.find(({ doc }) => context.store.get(dataset, doc._id))
      if (existing) {
        throw new ImportError(
          `Document "${existing.doc._id}" (line ${existing.line}) already exists in dataset "${dataset}"; nothing was imported. Use --replace to overwrite or --missing to skip existing documents.`,
        )
      }
    }
    progress?.(`Validated ${lines.length} documents and ${files.size} assets; uploading assets…`)
    const assetIds = new Map<string, string>()
    for (const [file, kind] of files) {
      const bytes = readFileSync(path.join(base, file))
      const sha1 = createHash('sha1').update(bytes).digest('hex')
      const meta = assetMap[`${kind}-${sha1}`] ?? {}
      const uploaded = await uploadAsset(context, {
        dataset,
        kind,
        bytes,
        filename: typeof meta.originalFilename === 'string' ? meta.originalFilename : path.basename(file),
        author: 'lake-import',
        origin: options.origin,
        projectId: options.projectId,
      })
      await restoreAssetFields(context, dataset, uploaded, meta)
      assetIds.set(file, uploaded._id)
    }
    for (const { holder, file } of placeholders) {
      delete holder._sanityAsset
      holder.asset = { _type: 'reference', _ref: assetIds.get(file) }
    }
    progress?.(`Stored ${assetIds.size} assets; writing ${lines.length} documents…`)
    const result = await importLines(context, { dataset, lines, mode, progress, checkImport: options.checkImport })
    return { ...result, assets: assetIds.size }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** Puts back the asset document's own fields from assets.json (title, creditLine, source, metadata…). */
async function restoreAssetFields(context: WriteContext, dataset: string, asset: Doc, meta: Record<string, unknown>): Promise<void> {
  const restorable = Object.fromEntries(Object.entries(meta).filter(([key]) => !DERIVED_FIELDS.has(key)))
  if (Object.keys(restorable).length === 0) return
  await runWrite(
    context,
    { dataset, author: 'lake-import' },
    (tx) => {
      const current = tx.get(asset._id)
      if (current) tx.put({ ...current, ...restorable })
    },
    (_value, changes) => changesAsMutations(changes),
  )
}

/** `images/<sha1>-<w>x<h>.<ext>` / `files/<sha1>.<ext>` for an asset id, as @sanity/export names them. */
function exportName(assetId: string): { kind: AssetKind; name: string; sha1: string; ext: string } | undefined {
  const image = IMAGE_ASSET_ID.exec(assetId)
  if (image) return { kind: 'image', name: `images/${image[1]}-${image[2]}.${image[3]}`, sha1: image[1] as string, ext: image[3] as string }
  const file = FILE_ASSET_ID.exec(assetId)
  if (file) return { kind: 'file', name: `files/${file[1]}.${file[2]}`, sha1: file[1] as string, ext: file[2] as string }
  return undefined
}

/** A copy of `value` with every asset field whose file is exported written as a `_sanityAsset` placeholder. */
function withPlaceholders(value: unknown, exported: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => withPlaceholders(item, exported))
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  const asset = record.asset as { _ref?: unknown } | undefined
  const name = typeof asset?._ref === 'string' ? exported.get(asset._ref) : undefined
  const out: Record<string, unknown> = {}
  if (name) out._sanityAsset = `${name.startsWith('images/') ? 'image' : 'file'}@file://./${name}`
  for (const [key, child] of Object.entries(record)) {
    if (name && key === 'asset') continue
    out[key] = withPlaceholders(child, exported)
  }
  return out
}

/**
 * Writes `documents` and their stored asset files as a `sanity dataset export` tarball (gzip).
 * Asset documents whose file the lake does not hold stay ordinary documents.
 */
export async function exportArchive(dir: string, dataset: string, documents: readonly Doc[], file: string): Promise<{ documents: number; assets: number }> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'lake-export-'))
  const folder = `${dataset}-export-${new Date()
    .toISOString()
    .replace(/[^0-9a-z]/gi, '-')
    .toLowerCase()}`
  const base = path.join(scratch, folder)
  try {
    mkdirSync(path.join(base, 'images'), { recursive: true })
    mkdirSync(path.join(base, 'files'), { recursive: true })
    const exported = new Map<string, string>()
    const assetMap: Record<string, Record<string, unknown>> = {}
    for (const doc of documents) {
      if (doc._type !== 'sanity.imageAsset' && doc._type !== 'sanity.fileAsset') continue
      const name = exportName(doc._id)
      const bytes = name ? readAsset(dir, dataset, name.sha1, name.ext) : undefined
      if (!name || !bytes) continue
      writeFileSync(path.join(base, name.name), bytes)
      exported.set(doc._id, name.name)
      assetMap[`${name.kind}-${name.sha1}`] = Object.fromEntries(Object.entries(doc).filter(([key]) => !['_id', '_type', 'assetId', 'extension', 'mimeType', 'path', 'uploadId', 'url'].includes(key)))
    }
    const lines: string[] = []
    for (const doc of documents) {
      if (exported.has(doc._id)) continue
      lines.push(JSON.stringify(withPlaceholders(doc, exported)))
    }
    writeFileSync(path.join(base, 'data.ndjson'), lines.length ? `${lines.join('\n')}\n` : '')
    writeFileSync(path.join(base, 'assets.json'), JSON.stringify(assetMap))
    await tar.create({ gzip: true, file, cwd: scratch, portable: true }, [folder])
    return { documents: lines.length, assets: exported.size }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
