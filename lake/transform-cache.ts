/**
 * Rendered image variants on disk, under `<LAKE_DIR>/transform-cache/`, bounded in bytes.
 *
 * Why on disk: a variant is content-addressed (its key names the original's hash and every
 * normalized parameter), so it never goes stale, and keeping it across restarts saves a render
 * (up to seconds of CPU for a large AVIF) per variant after every restart. Why bounded: the
 * number of distinct keys an attacker can ask for is finite but large (widths × heights ×
 * qualities × formats per image), so the folder keeps at most `budgetBytes`; past that the least
 * recently used entries are deleted first.
 *
 * Each entry is one file: a line of JSON (content type, whether it varies on Accept) and then the
 * bytes. It is written to a temporary name and renamed into place, so a reader (or a restart
 * after a crash) sees a whole entry or none; temporary files left by a crash are deleted on
 * start. Files are owner-only (lake/file-modes.ts) like everything else in the data folder.
 *
 * The order of use lives in memory (a Map in least-recently-used order) and is rebuilt on start
 * from the files' modification times, which a hit refreshes. Written by hand: the LRU caches on
 * npm hold values in memory; this one holds only names and sizes, the bytes stay on disk.
 */
import { randomBytes, createHash } from 'node:crypto'
import { readdirSync, statSync, unlinkSync, utimesSync } from 'node:fs'
import { readFile, rename, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PRIVATE_FILE_MODE, ensurePrivateDir } from './file-modes'

export type CachedTransform = { body: Buffer; contentType: string; varyAccept: boolean }

/** Default bound of the folder: LAKE_TRANSFORM_CACHE_MB (lake/env.ts). */
export const DEFAULT_TRANSFORM_CACHE_BYTES = 256 * 1024 * 1024

const ENTRY = /^[a-f0-9]{64}\.variant$/
const TEMPORARY = /\.tmp$/

type Header = { contentType: string; varyAccept: boolean }

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false
  const { contentType, varyAccept } = value as Record<string, unknown>
  return typeof contentType === 'string' && typeof varyAccept === 'boolean'
}

export class TransformCache {
  readonly folder: string
  readonly budgetBytes: number
  /** File name → size in bytes, least recently used first. */
  private readonly entries = new Map<string, number>()
  private totalBytes = 0

  constructor(dataDir: string, budgetBytes = DEFAULT_TRANSFORM_CACHE_BYTES) {
    this.folder = path.join(dataDir, 'transform-cache')
    this.budgetBytes = budgetBytes
    ensurePrivateDir(this.folder)
    this.load()
  }

  /** Bytes the cached variants take on disk now. */
  get bytes(): number {
    return this.totalBytes
  }

  get size(): number {
    return this.entries.size
  }

  /** The cached variant for `key`, or undefined (never stored, evicted, or its file is gone). */
  async get(key: string): Promise<CachedTransform | undefined> {
    const name = this.nameOf(key)
    const size = this.entries.get(name)
    if (size === undefined) return undefined
    const file = path.join(this.folder, name)
    let raw: Buffer
    try {
      raw = await readFile(file)
    } catch {
      // Deleted behind the lake's back (or by another process on the same folder): render again.
      this.forget(name)
      return undefined
    }
    const entry = this.parse(raw)
    if (!entry) {
      this.forget(name)
      await unlink(file).catch(() => undefined)
      return undefined
    }
    this.touch(name, size, file)
    return entry
  }

  /** Stores a rendered variant; one larger than a quarter of the budget is not kept. */
  async set(key: string, result: CachedTransform): Promise<void> {
    const header: Header = { contentType: result.contentType, varyAccept: result.varyAccept }
    const bytes = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), result.body])
    if (bytes.length > this.budgetBytes / 4) return
    const name = this.nameOf(key)
    const file = path.join(this.folder, name)
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await writeFile(temporary, bytes, { mode: PRIVATE_FILE_MODE })
      await rename(temporary, file)
    } catch {
      // A full disk costs only the cache entry: the variant is still answered from memory.
      await unlink(temporary).catch(() => undefined)
      return
    }
    this.forget(name)
    this.entries.set(name, bytes.length)
    this.totalBytes += bytes.length
    this.evict()
  }

  private nameOf(key: string): string {
    return `${createHash('sha256').update(key).digest('hex')}.variant`
  }

  private parse(raw: Buffer): CachedTransform | undefined {
    const newline = raw.indexOf(0x0a)
    if (newline < 0) return undefined
    try {
      const header: unknown = JSON.parse(raw.subarray(0, newline).toString('utf8'))
      if (!isHeader(header)) return undefined
      return { body: raw.subarray(newline + 1), contentType: header.contentType, varyAccept: header.varyAccept }
    } catch {
      return undefined
    }
  }

  /** Marks an entry most recently used, in memory and (for the next start) on disk. */
  private touch(name: string, size: number, file: string): void {
    this.entries.delete(name)
    this.entries.set(name, size)
    const now = new Date()
    try {
      utimesSync(file, now, now)
    } catch {
      // gone meanwhile: the next get finds out
    }
  }

  private forget(name: string): void {
    const size = this.entries.get(name)
    if (size === undefined) return
    this.entries.delete(name)
    this.totalBytes -= size
  }

  private evict(): void {
    for (const [name, size] of this.entries) {
      if (this.totalBytes <= this.budgetBytes) break
      this.entries.delete(name)
      this.totalBytes -= size
      try {
        unlinkSync(path.join(this.folder, name))
      } catch {
        // already gone
      }
    }
  }

  /** Rebuilds the index from the folder: oldest use first; crash leftovers and strangers removed. */
  private load(): void {
    const found: { name: string; size: number; used: number }[] = []
    for (const name of readdirSync(this.folder)) {
      const file = path.join(this.folder, name)
      let stat
      try {
        stat = statSync(file)
      } catch {
        continue
      }
      if (!stat.isFile()) continue
      if (TEMPORARY.test(name) || !ENTRY.test(name)) {
        unlinkSync(file)
        continue
      }
      found.push({ name, size: stat.size, used: stat.mtimeMs })
    }
    found.sort((a, b) => a.used - b.used)
    for (const { name, size } of found) {
      this.entries.set(name, size)
      this.totalBytes += size
    }
    // The budget may have been lowered since the last run.
    this.evict()
  }
}
