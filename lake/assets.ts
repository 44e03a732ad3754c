/**
 * Image and file assets: bytes on disk under `<LAKE_DIR>/assets/<dataset>/`, named by their SHA-1
 * (so an upload of the same bytes is stored once and gets the same asset document, as in
 * Sanity), and an asset document (`sanity.imageAsset` / `sanity.fileAsset`) written through the
 * ordinary write path, so it lands in the transaction log and listeners hear about it.
 *
 * Image transforms follow Sanity's image URL parameters (w, h, rect, fit, crop, auto=format, fm,
 * dpr, q), rendered with sharp. Results are cached on disk (content-addressed, so they never go
 * stale) up to a fixed budget (lake/transform-cache.ts).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import type { Metadata, ResizeOptions } from 'sharp'
import { LakeError, badRequest } from './errors'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './file-modes'
import type { CachedTransform, TransformCache } from './transform-cache'
import type { Doc } from './types'
import { changesAsMutations, runWrite } from './write'
import type { WriteContext } from './write'

export const ASSET_BODY_LIMIT = 64 * 1024 * 1024
const MAX_DIMENSION = 8192

const IMAGE_FORMATS: Record<string, { ext: string; mime: string }> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
  gif: { ext: 'gif', mime: 'image/gif' },
  avif: { ext: 'avif', mime: 'image/avif' },
  heif: { ext: 'avif', mime: 'image/avif' },
  tiff: { ext: 'tiff', mime: 'image/tiff' },
  svg: { ext: 'svg', mime: 'image/svg+xml' },
}
const MIME_BY_EXT: Record<string, string> = Object.fromEntries(Object.values(IMAGE_FORMATS).map(({ ext, mime }) => [ext, mime]))

export type AssetKind = 'image' | 'file'

function assetDir(dir: string, dataset: string): string {
  return path.join(dir, 'assets', dataset)
}

function safeExtension(value: string | undefined): string {
  const ext = (value ?? '').toLowerCase().replace(/^\./, '')
  return /^[a-z0-9]{1,10}$/.test(ext) ? ext : 'bin'
}

function writeOnce(file: string, bytes: Buffer): void {
  if (existsSync(file)) return
  mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE })
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
  writeFileSync(temporary, bytes, { mode: PRIVATE_FILE_MODE })
  renameSync(temporary, file)
}

export type UploadInput = {
  dataset: string
  kind: AssetKind
  bytes: Buffer
  contentType?: string
  filename?: string
  /** Extra fields from the query string (label, title, description, creditLine). */
  fields?: Record<string, string>
  author: string
  /** `https://localhost:3999`: where the asset's `url` points. */
  origin: string
  projectId: string
}

/** Stores the bytes, writes (or finds) the asset document and returns it. */
export async function uploadAsset(context: WriteContext & { dir: string }, input: UploadInput): Promise<Doc> {
  if (input.bytes.length === 0) throw badRequest('The upload is empty: send the file as the request body')
  const sha1 = createHash('sha1').update(input.bytes).digest('hex')
  const filename = input.filename ? path.basename(input.filename) : undefined
  let doc: Doc
  if (input.kind === 'image') {
    let meta: Metadata
    try {
      meta = await sharp(input.bytes).metadata()
    } catch {
      throw new LakeError(400, 'invalidImageError', 'The upload is not an image sharp can read (use JPEG, PNG, WebP, GIF, AVIF, TIFF or SVG)')
    }
    const format = IMAGE_FORMATS[meta.format ?? '']
    if (!format || !meta.width || !meta.height) throw new LakeError(400, 'invalidImageError', `Unsupported image format "${meta.format ?? 'unknown'}"`)
    const { width, height } = meta.autoOrient ?? { width: meta.width, height: meta.height }
    const name = `${sha1}-${width}x${height}.${format.ext}`
    writeOnce(path.join(assetDir(context.dir, input.dataset), `${sha1}.${format.ext}`), input.bytes)
    const lqip = await sharp(input.bytes)
      .rotate()
      .resize(20, 20, { fit: 'inside' })
      .jpeg({ quality: 40 })
      .toBuffer()
      .then((buffer) => `data:image/jpeg;base64,${buffer.toString('base64')}`)
      .catch(() => undefined)
    const assetPath = `images/${input.projectId}/${input.dataset}/${name}`
    doc = {
      _id: `image-${sha1}-${width}x${height}-${format.ext}`,
      _type: 'sanity.imageAsset',
      assetId: sha1,
      sha1hash: sha1,
      extension: format.ext,
      mimeType: format.mime,
      originalFilename: filename ?? name,
      size: input.bytes.length,
      path: assetPath,
      url: `${input.origin}/${assetPath}`,
      uploadId: sha1,
      metadata: {
        _type: 'sanity.imageMetadata',
        dimensions: { _type: 'sanity.imageDimensions', width, height, aspectRatio: width / height },
        hasAlpha: Boolean(meta.hasAlpha),
        isOpaque: !meta.hasAlpha,
        ...(lqip ? { lqip } : {}),
      },
    }
  } else {
    const ext = safeExtension(filename ? path.extname(filename) : undefined)
    writeOnce(path.join(assetDir(context.dir, input.dataset), `${sha1}.${ext}`), input.bytes)
    const assetPath = `files/${input.projectId}/${input.dataset}/${sha1}.${ext}`
    doc = {
      _id: `file-${sha1}-${ext}`,
      _type: 'sanity.fileAsset',
      assetId: sha1,
      sha1hash: sha1,
      extension: ext,
      mimeType: input.contentType && /^[\w.+-]+\/[\w.+-]+$/.test(input.contentType) ? input.contentType : 'application/octet-stream',
      originalFilename: filename ?? `${sha1}.${ext}`,
      size: input.bytes.length,
      path: assetPath,
      url: `${input.origin}/${assetPath}`,
      uploadId: sha1,
    }
  }
  for (const field of ['label', 'title', 'description', 'creditLine'] as const) {
    const value = input.fields?.[field]
    if (value) doc[field] = value.slice(0, 1000)
  }
  const existing = context.store.get(input.dataset, doc._id)
  if (existing) return existing
  const { tx } = await runWrite(
    context,
    { dataset: input.dataset, author: input.author },
    (write) => {
      if (!write.get(doc._id)) write.put(doc)
    },
    (_value, changes) => changesAsMutations(changes),
  )
  return tx.get(doc._id) ?? doc
}

/** Reads an asset's original bytes; undefined when it is not stored. */
export function readAsset(dir: string, dataset: string, sha1: string, ext: string): Buffer | undefined {
  if (!/^[a-f0-9]{40}$/.test(sha1) || !/^[a-z0-9]{1,10}$/.test(ext)) return undefined
  const file = path.join(assetDir(dir, dataset), `${sha1}.${ext}`)
  return existsSync(file) ? readFileSync(file) : undefined
}

export function mimeForExtension(ext: string): string {
  return MIME_BY_EXT[ext] ?? 'application/octet-stream'
}

// --- Transforms -------------------------------------------------------------------------------

export type TransformResult = CachedTransform

/** Largest output, in pixels; AVIF (slow to encode) gets less. A larger request gets the capped image. */
const MAX_OUTPUT_PIXELS = 4096 * 4096
const MAX_AVIF_PIXELS = 2048 * 2048
/** Renders at once: transforms are CPU-bound; more in parallel would only slow every one of them. */
const MAX_CONCURRENT_RENDERS = 2
/** How long a request waits for a render slot before it is answered 503. */
const RENDER_WAIT_MS = 10_000

let rendering = 0
const waiting: (() => void)[] = []

async function withRenderSlot<T>(render: () => Promise<T>): Promise<T> {
  if (rendering >= MAX_CONCURRENT_RENDERS) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(wake), 1)
        reject(new LakeError(503, 'imageBusyError', 'The lake is busy rendering other images; retry shortly'))
      }, RENDER_WAIT_MS)
      const wake = () => {
        clearTimeout(timer)
        resolve()
      }
      waiting.push(wake)
    })
  }
  rendering++
  try {
    return await render()
  } finally {
    rendering--
    waiting.shift()?.()
  }
}

function intParam(query: Record<string, string | undefined>, name: string, min: number, max: number): number | undefined {
  const raw = query[name]
  if (raw === undefined || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value)) throw badRequest(`"${name}" must be a number`)
  return Math.min(Math.max(Math.round(value), min), max)
}

const FITS = new Set(['clip', 'crop', 'fill', 'fillmax', 'max', 'min', 'scale'])
const FORMATS = new Set(['jpg', 'jpeg', 'pjpg', 'png', 'webp', 'avif', 'gif'])
const CROPS = new Set(['center', 'top', 'bottom', 'left', 'right', 'entropy', 'attention', 'focalpoint', 'top,left', 'top,right', 'bottom,left', 'bottom,right'])

const TRANSFORM_KEYS = ['w', 'h', 'rect', 'fit', 'crop', 'auto', 'fm', 'dpr', 'q', 'max-w', 'max-h', 'min-w', 'min-h']

/**
 * Applies Sanity's image URL parameters. Unknown parameters are ignored (as Sanity ignores
 * unsupported ones); no parameters at all returns the original bytes. Variants are kept in
 * `cache` under their normalized parameters, so URLs that differ only in ignored or over-limit
 * values share an entry.
 */
export async function transformImage(original: Buffer, ext: string, query: Record<string, string | undefined>, accept: string | undefined, cache: TransformCache): Promise<TransformResult> {
  const autoFormat = query.auto === 'format'
  const wantsWebp = autoFormat && !query.fm && (accept ?? '').includes('image/webp') && ext !== 'svg' && ext !== 'gif'
  if (!TRANSFORM_KEYS.some((key) => query[key] !== undefined)) {
    return { body: original, contentType: mimeForExtension(ext), varyAccept: false }
  }
  // The small allowed set: anything else in these parameters is a 400 before any work.
  if (query.fit !== undefined && !FITS.has(query.fit)) throw badRequest(`"fit" must be one of ${[...FITS].join(', ')}`)
  if (query.fm !== undefined && !FORMATS.has(query.fm)) throw badRequest(`"fm" must be one of ${[...FORMATS].join(', ')}`)
  if (query.crop !== undefined && !CROPS.has(query.crop)) throw badRequest('"crop" must be center, top, bottom, left, right, entropy, attention or focalpoint')
  const meta = await sharp(original).metadata()
  const sourceWidth = meta.autoOrient?.width ?? meta.width ?? 1
  const sourceHeight = meta.autoOrient?.height ?? meta.height ?? 1
  const dpr = Math.min(Math.max(Math.round(Number(query.dpr ?? 1) || 1), 1), 3)
  // Never larger than the original (an 8192×8192 request of a 64-pixel portrait is the portrait),
  // so a width or height has at most as many distinct values as the original has pixels across;
  // quality is rounded to a multiple of 5 and dpr to 1–3. Widths stay exact: layouts crop to them.
  const scale = (value: number | undefined, limit: number) => (value === undefined ? undefined : Math.min(Math.round(value * dpr), limit))
  let width = scale(intParam(query, 'w', 1, MAX_DIMENSION) ?? intParam(query, 'max-w', 1, MAX_DIMENSION), sourceWidth)
  let height = scale(intParam(query, 'h', 1, MAX_DIMENSION) ?? intParam(query, 'max-h', 1, MAX_DIMENSION), sourceHeight)
  const quality = Math.ceil((intParam(query, 'q', 1, 100) ?? 75) / 5) * 5
  const requestedFormat = wantsWebp ? 'webp' : (query.fm ?? (ext === 'jpg' ? 'jpeg' : ext))
  // The pixel ceiling: shrink both sides by the same factor until the output fits.
  const ceiling = requestedFormat === 'avif' ? MAX_AVIF_PIXELS : MAX_OUTPUT_PIXELS
  const outWidth = width ?? (height ? Math.round((height * sourceWidth) / sourceHeight) : sourceWidth)
  const outHeight = height ?? (width ? Math.round((width * sourceHeight) / sourceWidth) : sourceHeight)
  if (outWidth * outHeight > ceiling) {
    const factor = Math.sqrt(ceiling / (outWidth * outHeight))
    width = Math.max(1, Math.floor(outWidth * factor))
    height = Math.max(1, Math.floor(outHeight * factor))
  }
  const key = `${createHash('sha1').update(original).digest('hex')}|${width}|${height}|${quality}|${dpr}|${TRANSFORM_KEYS.filter((k) => !['w', 'h', 'q', 'dpr', 'max-w', 'max-h'].includes(k))
    .map((k) => query[k] ?? '')
    .join('|')}|${wantsWebp}`
  const hit = await cache.get(key)
  if (hit) return hit
  const result = await withRenderSlot(() => render(original, ext, query, { width, height, quality, format: requestedFormat, autoFormat }))
  await cache.set(key, result)
  return result
}

async function render(
  original: Buffer,
  ext: string,
  query: Record<string, string | undefined>,
  options: { width: number | undefined; height: number | undefined; quality: number; format: string; autoFormat: boolean },
): Promise<TransformResult> {
  const { width, height, quality, autoFormat } = options
  let image = sharp(original, { animated: ext === 'gif' }).rotate()
  if (query.rect) {
    const parts = query.rect.split(',').map(Number)
    if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0)) throw badRequest('"rect" must be left,top,width,height in pixels')
    const [left, top, rectWidth, rectHeight] = parts as [number, number, number, number]
    const meta = await sharp(original).rotate().metadata()
    const maxW = (meta.autoOrient?.width ?? meta.width ?? 0) - left
    const maxH = (meta.autoOrient?.height ?? meta.height ?? 0) - top
    if (rectWidth > 0 && rectHeight > 0 && maxW > 0 && maxH > 0) {
      image = sharp(await image.toBuffer()).extract({ left, top, width: Math.min(rectWidth, maxW), height: Math.min(rectHeight, maxH) })
    }
  }
  if (width || height) {
    const fit = query.fit ?? 'clip'
    const position = query.crop && query.crop !== 'center' ? query.crop.replace(',', ' ') : 'centre'
    const options: ResizeOptions =
      fit === 'crop' || fit === 'min'
        ? { fit: 'cover', position: ['entropy', 'attention'].includes(position) ? position : position.replace('center', 'centre') }
        : fit === 'fill'
          ? { fit: 'contain', background: { r: 255, g: 255, b: 255, alpha: 1 } }
          : fit === 'scale'
            ? { fit: 'fill' }
            : // clip (default), max, fillmax: fit inside, never enlarge for max.
              { fit: 'inside', withoutEnlargement: fit === 'max' }
    image = image.resize(width, height, options)
  }
  const format = options.format
  let contentType: string
  switch (format) {
    case 'jpg':
    case 'jpeg':
    case 'pjpg':
      image = image.jpeg({ quality, progressive: format === 'pjpg' })
      contentType = 'image/jpeg'
      break
    case 'png':
      image = image.png()
      contentType = 'image/png'
      break
    case 'webp':
      image = image.webp({ quality })
      contentType = 'image/webp'
      break
    case 'avif':
      // Effort 2 of 9: encoding time is what made AVIF the costliest transform.
      image = image.avif({ quality, effort: 2 })
      contentType = 'image/avif'
      break
    case 'gif':
      image = image.gif()
      contentType = 'image/gif'
      break
    default:
      // SVG and TIFF sources are rasterised to PNG.
      image = image.png()
      contentType = 'image/png'
  }
  return { body: await image.toBuffer(), contentType, varyAccept: autoFormat }
}
