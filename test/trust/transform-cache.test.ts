/**
 * The image-transform cache on disk (lake/transform-cache.ts), through a real lake over HTTP:
 * however many distinct variants are asked for, the folder stays under its bound; its files are
 * owner-only; a restart serves the variants already rendered from disk; a crash's leftovers are
 * cleaned up and a lowered bound is applied on start.
 */
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import sharp from 'sharp'
import { startTestLake, tempDir } from '../lake/helpers'
import type { TestLake } from '../lake/helpers'

const BOUND = 512 * 1024

function folderOf(dir: string): string {
  return path.join(dir, 'transform-cache')
}

function filesIn(dir: string): { name: string; size: number; ino: number; mtimeMs: number; mode: number }[] {
  return readdirSync(folderOf(dir)).map((name) => {
    const stat = statSync(path.join(folderOf(dir), name))
    return { name, size: stat.size, ino: stat.ino, mtimeMs: stat.mtimeMs, mode: stat.mode & 0o777 }
  })
}

const bytesOn = (dir: string) => filesIn(dir).reduce((sum, file) => sum + file.size, 0)

async function get(url: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const response = await fetch(url)
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) }
}

describe('the image-transform cache on disk', () => {
  const dir = tempDir()
  let t: TestLake
  let imagePath = ''
  // The lake listens on a new port after each restart.
  const variant = (width: number) => `${t.lake.httpUrl}${imagePath}?w=${width}&fm=png`

  before(async () => {
    t = await startTestLake({ dir, transformCacheBytes: BOUND })
    // Noise does not compress: every variant weighs tens of kilobytes, so the bound is reached soon.
    const noise = await sharp(randomBytes(256 * 256 * 3), { raw: { width: 256, height: 256, channels: 3 } })
      .png()
      .toBuffer()
    const asset = await t.editor.assets.upload('image', noise, { filename: 'noise.png' })
    imagePath = new URL(asset.url).pathname
  })
  after(() => t.stop())

  test('many distinct transforms: the folder stays under its bound, oldest out first, owner-only', async () => {
    const first = await get(variant(100))
    assert.equal(first.status, 200)
    const firstFile = filesIn(dir)
    assert.equal(firstFile.length, 1)
    let largest = 0
    for (let width = 101; width <= 180; width++) {
      const answer = await get(variant(width))
      assert.equal(answer.status, 200)
      assert.equal(answer.type, 'image/png')
      assert.equal((await sharp(answer.body).metadata()).width, width)
      largest = Math.max(largest, bytesOn(dir))
      assert.ok(bytesOn(dir) <= BOUND, `${bytesOn(dir)} bytes on disk after w=${width}, over the ${BOUND} bound`)
    }
    // The bound was reached (so eviction ran), and the least recently used variant went first.
    assert.ok(largest > BOUND * 0.75, `only ${largest} bytes were ever cached`)
    assert.ok(!filesIn(dir).some((file) => file.name === firstFile[0]?.name), 'the oldest variant is still there')
    assert.equal(statSync(folderOf(dir)).mode & 0o777, 0o700)
    for (const file of filesIn(dir)) {
      assert.equal(file.mode, 0o600, `${file.name} is ${file.mode.toString(8)}`)
      assert.match(file.name, /^[a-f0-9]{64}\.variant$/)
    }
    // The evicted variant is rendered again, exactly.
    const again = await get(variant(100))
    assert.deepEqual(again.body, first.body)
  })

  test('after a restart the variants already rendered are served from disk, not rendered again', async () => {
    const before = await get(variant(180))
    const filesBefore = filesIn(dir)
    await t.stop({ keepDir: true })
    // A crash mid-write leaves a temporary file: it must be cleaned up, never served.
    const leftover = path.join(folderOf(dir), `${'0'.repeat(64)}.variant.123.abc.tmp`)
    writeFileSync(leftover, 'half an image')
    await new Promise((resolve) => setTimeout(resolve, 20))
    t = await startTestLake({ dir, transformCacheBytes: BOUND })
    assert.ok(!readdirSync(folderOf(dir)).some((name) => name.endsWith('.tmp')), 'a temporary file survived the start')
    const after = await get(variant(180))
    assert.deepEqual(after.body, before.body)
    const filesAfter = filesIn(dir)
    assert.deepEqual(filesAfter.map((file) => file.name).sort(), filesBefore.map((file) => file.name).sort(), 'the set of variants changed')
    // A render writes a new file and renames it into place (a new inode); a hit only marks the file used.
    const name = filesAfter.find((file) => !filesBefore.some((old) => old.name === file.name && old.mtimeMs === file.mtimeMs))?.name
    assert.ok(name, 'no variant was marked used by the hit')
    const was = filesBefore.find((file) => file.name === name)
    const now = filesAfter.find((file) => file.name === name)
    assert.equal(now?.ino, was?.ino, 'the variant was rendered again instead of read from disk')
  })

  test('a lower bound on start trims the folder to it', async () => {
    await t.stop({ keepDir: true })
    const lower = 128 * 1024
    t = await startTestLake({ dir, transformCacheBytes: lower })
    assert.ok(bytesOn(dir) <= lower, `${bytesOn(dir)} bytes left over a ${lower} bound`)
    assert.ok(filesIn(dir).length > 0, 'the most recently used variants are kept')
    assert.equal((await get(variant(150))).status, 200)
  })
})
