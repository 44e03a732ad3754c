/**
 * Export and import with Sanity's own tools, the lake's tarball CLI, the dataset endpoints, and
 * the integrity and ordering rules hosted Sanity applies. Real lakes on free ports, the real
 * @sanity/client, @sanity/export and @sanity/import.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { promisify } from 'node:util'
import { exportDataset } from '@sanity/export'
import type { SanityDocument } from '@sanity/client'
import sharp from 'sharp'
import * as tar from 'tar'
import { extractArchive } from '../../lake/archive'
import { ImportError } from '../../lake/ndjson'
import { Store } from '../../lake/store'
import { rejection, startTestLake, tempDir } from './helpers'
import type { TestLake } from './helpers'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')

/** Sanity's export or import tool in a child process that trusts the lake's certificate. */
async function sanityTool(lake: TestLake, command: 'export' | 'import', dataset: string, file: string): Promise<{ documents: number; assets?: number }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/lake/sanity-tools.ts', command, lake.lake.httpUrl, lake.tokens.admin, dataset, file], {
    cwd: ROOT,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(lake.dir, 'tls-cert.pem') },
  })
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { documents: number; assets?: number }
}

/** `npm run lake -- …`; asset URLs it writes point to `publicUrl` (the lake serving that folder). */
async function lakeCli(args: string[], publicUrl?: string): Promise<string> {
  const env = publicUrl ? { ...process.env, LAKE_PUBLIC_URL: publicUrl } : process.env
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'lake/cli.ts', ...args], { cwd: ROOT, env })
  return stdout
}

/** A document without the fields every write sets anew. */
function content(doc: SanityDocument | Record<string, unknown>): Record<string, unknown> {
  const { _rev, _updatedAt, _createdAt, ...rest } = doc as Record<string, unknown>
  void _rev
  void _updatedAt
  void _createdAt
  return rest
}

async function allDocs(lake: TestLake, dataset = 'production'): Promise<Record<string, unknown>[]> {
  const client = lake.admin.withConfig({ dataset, perspective: 'raw' })
  const docs = await client.fetch<SanityDocument[]>('*[!(_type match "sanity.*")]')
  return docs.map(content)
}

async function imageBytes(lake: TestLake, assetId: string, dataset = 'production'): Promise<Buffer> {
  const asset = await lake.admin.withConfig({ dataset }).fetch<{ path: string; url: string } | null>('*[_id == $id][0]{path, url}', { id: assetId })
  assert.ok(asset, `asset ${assetId} exists`)
  assert.ok(asset.url.startsWith(lake.lake.publicUrl), `asset URL ${asset.url} is on the lake's public origin ${lake.lake.publicUrl}`)
  assert.match(asset.url, /^https:\/\//)
  const response = await fetch(`${lake.lake.httpUrl}/${asset.path}`)
  assert.equal(response.status, 200)
  return Buffer.from(await response.arrayBuffer())
}

describe('export and import with assets', () => {
  let source: TestLake
  let png: Buffer
  let imageId: string
  const work = tempDir()

  before(async () => {
    source = await startTestLake()
    png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 200 } } })
      .png()
      .toBuffer()
    const uploaded = await source.editor.assets.upload('image', png, { filename: 'portrait.png', title: 'A portrait' })
    imageId = uploaded._id
    await source.editor
      .transaction()
      .create({ _id: 'official-1', _type: 'official', name: 'Ada', portrait: { _type: 'image', asset: { _type: 'reference', _ref: imageId }, alt: 'Ada at her desk' } })
      .create({ _id: 'meeting-1', _type: 'meeting', title: 'Budget', officials: [{ _key: 'k1', _type: 'reference', _ref: 'official-1' }] })
      .create({ _id: 'drafts.meeting-2', _type: 'meeting', title: 'Draft only', officials: [{ _key: 'k1', _type: 'reference', _ref: 'official-1' }] })
      .commit()
  })
  after(async () => {
    await source.stop()
  })

  test('@sanity/export → @sanity/import round-trips documents and image bytes into a fresh lake', async () => {
    const file = path.join(work, 'sanity-export.tar.gz')
    const exported = await sanityTool(source, 'export', 'production', file)
    assert.deepEqual(exported, { documents: 3, assets: 1 }, 'three documents written, the image downloaded from its https:// URL')
    const target = await startTestLake()
    try {
      await sanityTool(target, 'import', 'production', file)
      assert.deepEqual(await allDocs(target), await allDocs(source))
      assert.deepEqual(await imageBytes(target, imageId), png)
    } finally {
      await target.stop()
    }
  })

  test('`lake import FILE.tar.gz` reads the tarball @sanity/export wrote; `export --assets` writes one that round-trips', async () => {
    const file = path.join(work, 'for-cli.tar.gz')
    await sanityTool(source, 'export', 'production', file)
    // Into the folder of a running lake, which picks up what the CLI committed.
    const lakeC = await startTestLake()
    const dirC = lakeC.dir
    try {
      const out = await lakeCli(['import', file, '--dir', dirC], lakeC.lake.publicUrl)
      assert.match(out, /Imported 3 documents and 1 assets/)
      assert.deepEqual(await allDocs(lakeC), await allDocs(source))
      assert.deepEqual(await imageBytes(lakeC, imageId), png)
      assert.equal(await lakeC.admin.fetch('*[_id == $id][0].title', { id: imageId }), 'A portrait', 'assets.json fields restored on the asset document')
      const placeholders = await lakeC.admin.fetch<number>('count(*[defined(portrait._sanityAsset)])')
      assert.equal(placeholders, 0, 'no _sanityAsset placeholder stored')

      const ours = path.join(work, 'lake-export.tar.gz')
      assert.match(await lakeCli(['export', ours, '--assets', '--dir', dirC]), /Exported 3 documents and 1 assets/)
      const entries: string[] = []
      await tar.list({ file: ours, onReadEntry: (entry) => entries.push(entry.path.split('/').slice(1).join('/')) })
      assert.ok(entries.includes('data.ndjson') && entries.includes('assets.json'), `layout of sanity dataset export: ${entries.join(', ')}`)
      assert.ok(entries.some((entry) => /^images\/[a-f0-9]{40}-64x48\.png$/.test(entry)))

      // Into a fresh lake by the lake's CLI, and into another by Sanity's own import.
      const lakeD = await startTestLake()
      const lakeE = await startTestLake()
      try {
        await lakeCli(['import', ours, '--dir', lakeD.dir], lakeD.lake.publicUrl)
        assert.deepEqual(await allDocs(lakeD), await allDocs(source))
        assert.deepEqual(await imageBytes(lakeD, imageId), png)
        await sanityTool(lakeE, 'import', 'production', ours)
        assert.deepEqual(await allDocs(lakeE), await allDocs(source))
        assert.deepEqual(await imageBytes(lakeE, imageId), png)
      } finally {
        await lakeD.stop()
        await lakeE.stop()
      }
    } finally {
      await lakeC.stop()
    }
  })

  test('a placeholder pointing outside the tarball is refused and nothing is imported', async () => {
    const folder = path.join(work, 'evil', 'x-export')
    mkdirSync(folder, { recursive: true })
    writeFileSync(
      path.join(folder, 'data.ndjson'),
      `${JSON.stringify({ _id: 'a', _type: 't', image: { _sanityAsset: 'image@http://127.0.0.1:1/x.png' } })}\n${JSON.stringify({ _id: 'b', _type: 't' })}\n`,
    )
    const file = path.join(work, 'evil.tar.gz')
    await tar.create({ gzip: true, file, cwd: path.join(work, 'evil') }, ['x-export'])
    const dir = tempDir()
    const error = await rejection(lakeCli(['import', file, '--dir', dir]))
    assert.match(String((error as { stderr?: string }).stderr), /placeholder the lake cannot resolve/)
    const store = new Store(dir)
    try {
      assert.equal(store.count('production'), 0)
    } finally {
      store.close()
    }
  })

  test('tarball bounds: links, too many entries and decompression bombs are refused', async () => {
    const folder = path.join(work, 'bounds')
    mkdirSync(path.join(folder, 'x', 'images'), { recursive: true })
    writeFileSync(path.join(folder, 'x', 'data.ndjson'), '')
    writeFileSync(path.join(folder, 'x', 'images', 'zeros.png'), Buffer.alloc(4 * 1024 * 1024))
    const bomb = path.join(work, 'bomb.tar.gz')
    await tar.create({ gzip: true, file: bomb, cwd: folder }, ['x'])
    await assert.rejects(
      extractArchive(bomb, tempDir(), { maxEntries: 100, maxEntryBytes: 1024 ** 3, maxTotalBytes: 1024 * 1024 }),
      (error) => error instanceof ImportError && /unpacks to more than/.test(error.message),
    )
    await assert.rejects(
      extractArchive(bomb, tempDir(), { maxEntries: 2, maxEntryBytes: 1024 ** 3, maxTotalBytes: 1024 ** 3 }),
      (error) => error instanceof ImportError && /more than 2 entries/.test(error.message),
    )
    await assert.rejects(
      extractArchive(bomb, tempDir(), { maxEntries: 100, maxEntryBytes: 1024, maxTotalBytes: 1024 ** 3 }),
      (error) => error instanceof ImportError && /larger than 1024 bytes/.test(error.message),
    )

    const { symlinkSync } = await import('node:fs')
    symlinkSync('/etc/passwd', path.join(folder, 'x', 'images', 'link.png'))
    const linked = path.join(work, 'link.tar.gz')
    await tar.create({ gzip: true, file: linked, cwd: folder }, ['x'])
    const destination = tempDir()
    await assert.rejects(extractArchive(linked, destination), (error) => error instanceof ImportError && /SymbolicLink/.test(error.message))
  })
})

describe('export endpoint, datasets, integrity and order', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake()
  })
  after(async () => {
    await t.stop()
  })

  test('GET /data/export pages with nextCursor as @sanity/export cursor mode reads it, in _id order', async () => {
    const ids = Array.from({ length: 5_050 }, (_, i) => `bulk-${String(5_050 - i).padStart(5, '0')}`)
    const transaction = t.editor.transaction()
    for (const id of ids) transaction.create({ _id: id, _type: 'bulk', n: id })
    await transaction.commit({ visibility: 'async' })
    const file = path.join(tempDir(), 'cursor.tar.gz')
    const result = await exportDataset({ client: t.admin, dataset: 'production', outputPath: file, mode: 'cursor', assets: false, types: ['bulk'] })
    assert.equal(result.documentCount, ids.length)
    const folder = tempDir()
    await tar.extract({ file, cwd: folder, strip: 1 })
    const exported = readFileSync(path.join(folder, 'data.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { _id: string })._id)
    assert.deepEqual(exported, [...ids].sort())
    const anonymous = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/export/production`)
    assert.equal(anonymous.status, 401)
    await t.editor.delete({ query: '*[_type == "bulk"]' })
  })

  test('results without order() come in _id order, in every perspective', async () => {
    await t.editor.transaction().create({ _id: 'ord-c', _type: 'ord' }).create({ _id: 'ord-a', _type: 'ord' }).create({ _id: 'drafts.ord-b', _type: 'ord' }).commit()
    await t.editor.create({ _id: 'ord-0', _type: 'ord' })
    assert.deepEqual(await t.admin.withConfig({ perspective: 'published' }).fetch('*[_type == "ord"]._id'), ['ord-0', 'ord-a', 'ord-c'])
    assert.deepEqual(await t.admin.withConfig({ perspective: 'drafts' }).fetch('*[_type == "ord"]._id'), ['ord-0', 'ord-a', 'ord-b', 'ord-c'])
    assert.deepEqual(await t.admin.withConfig({ perspective: 'raw' }).fetch('*[_type == "ord"]._id'), ['drafts.ord-b', 'ord-0', 'ord-a', 'ord-c'])
  })

  test('a strong reference to a missing document is a 409 naming both; weak and same-transaction ones are accepted', async () => {
    const missing = await rejection(t.editor.create({ _id: 'ref-1', _type: 'meeting', chair: { _type: 'reference', _ref: 'nobody' } }))
    assert.equal(missing.statusCode, 409)
    assert.match(missing.message, /"ref-1".*"nobody"/)
    assert.equal(await t.admin.fetch('count(*[_id == "ref-1"])'), 0, 'nothing written')
    const inDraft = await rejection(t.editor.create({ _id: 'drafts.ref-2', _type: 'meeting', chair: { _type: 'reference', _ref: 'nobody' } }))
    assert.equal(inDraft.statusCode, 409, 'drafts are integrity-checked as on Sanity')
    const patched = await t.editor.create({ _id: 'ref-3', _type: 'meeting' })
    assert.equal(
      (
        await rejection(
          t.editor
            .patch(patched._id)
            .set({ chair: { _type: 'reference', _ref: 'nobody' } })
            .commit(),
        )
      ).statusCode,
      409,
    )

    await t.editor.create({ _id: 'ref-weak', _type: 'meeting', chair: { _type: 'reference', _ref: 'nobody', _weak: true } })
    await t.editor.create({ _id: 'drafts.ref-weak-draft', _type: 'meeting', chair: { _type: 'reference', _ref: 'nobody', _weak: true, _strengthenOnPublish: { type: 'official' } } })
    await t.editor
      .transaction()
      .create({ _id: 'ref-4', _type: 'meeting', chair: { _type: 'reference', _ref: 'chair-4' } })
      .create({ _id: 'chair-4', _type: 'official' })
      .commit()
    await t.editor.create({ _id: 'versions.r1.ref-5', _type: 'meeting', chair: { _type: 'reference', _ref: 'only-in-release' } })
    assert.equal(await t.admin.withConfig({ perspective: 'raw' }).fetch('count(*[_id in ["ref-weak", "drafts.ref-weak-draft", "ref-4", "chair-4", "versions.r1.ref-5"]])'), 5)

    const blocked = await rejection(t.editor.action({ actionType: 'sanity.action.document.delete', publishedId: 'chair-4', includeDrafts: [] }))
    assert.equal(blocked.statusCode, 409)
  })

  test('dataset list, create and delete as @sanity/client (and so the Sanity CLI) call them', async () => {
    const created = await t.admin.datasets.create('staging', { aclMode: 'public' })
    assert.deepEqual(created, { datasetName: 'staging', aclMode: 'public' })
    assert.equal((await rejection(t.admin.datasets.create('staging'))).statusCode, 409)
    assert.equal((await rejection(t.admin.datasets.create('secret', { aclMode: 'private' }))).statusCode, 400)
    assert.equal((await rejection(t.editor.datasets.create('other'))).statusCode, 403)
    await t.admin.withConfig({ dataset: 'staging' }).create({ _id: 'in-staging', _type: 'x' })
    const listed = await t.viewer.datasets.list()
    assert.deepEqual(
      listed.map((dataset) => [dataset.name, dataset.aclMode]).filter(([name]) => name === 'staging' || name === 'production'),
      [
        ['production', 'public'],
        ['staging', 'public'],
      ],
    )
    assert.equal((await rejection(t.anonymous.datasets.list())).statusCode, 401)
    assert.deepEqual(await t.admin.datasets.delete('staging'), { deleted: true })
    assert.ok(!(await t.viewer.datasets.list()).some((dataset) => dataset.name === 'staging'))
    assert.equal(await t.admin.withConfig({ dataset: 'staging' }).fetch('count(*)'), 0)
  })

  test('a 200 KB POST query is accepted (hosted Sanity takes 300 KB); a huge item list is still refused before parsing', async () => {
    const long = 'x'.repeat(200_000)
    // @sanity/client sends a query this long as POST.
    const result = await t.admin.fetch<number>(`count(*[title == "${long}"])`)
    assert.equal(result, 0)
    const list = `*[_id in [${Array(5_000).fill('"a"').join(',')}]]`
    const refused = await rejection(t.admin.fetch(list))
    assert.equal(refused.statusCode, 400)
  })
})
