/**
 * The dataset list the Sanity CLI and the Studio read (`sanity dataset list/create/delete`).
 *
 * Datasets also exist implicitly in the lake (any valid name can be written, see
 * routes/common.ts), so the list is the union of the datasets created explicitly (kept in the
 * `datasets` table with their creation time), those holding documents, and `production`.
 *
 * Every lake dataset is public in Sanity's sense: anonymous callers read its published documents
 * (perspective.ts). `aclMode: 'private'` is refused rather than recorded, since the lake would not
 * enforce it.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { LakeError } from './errors'
import type { Store } from './store'

export type DatasetInfo = {
  name: string
  aclMode: 'public'
  createdAt: string
  createdByUserId: string
  addonFor: null
  datasetProfile: 'content'
  features: string[]
  tags: string[]
}

type Row = { name: string; created_at: string }

const EPOCH = '2025-01-01T00:00:00Z'

export function listDatasets(store: Store): DatasetInfo[] {
  const created = new Map((store.db.prepare('SELECT name, created_at FROM datasets').all() as Row[]).map((row) => [row.name, row.created_at]))
  const names = new Set(['production', ...created.keys(), ...store.datasetNames()])
  return [...names].sort().map((name) => info(name, created.get(name) ?? EPOCH))
}

function info(name: string, createdAt: string): DatasetInfo {
  return { name, aclMode: 'public', createdAt, createdByUserId: '', addonFor: null, datasetProfile: 'content', features: [], tags: [] }
}

export function datasetExists(store: Store, name: string): boolean {
  return listDatasets(store).some((dataset) => dataset.name === name)
}

/** `aclMode` from a create/edit body: `public` or absent; anything else is a 400. */
export function checkAclMode(body: unknown): void {
  const aclMode = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).aclMode : undefined
  if (aclMode === undefined || aclMode === 'public') return
  if (aclMode === 'private' || aclMode === 'custom') {
    throw new LakeError(400, 'validationError', `The lake's datasets are public (anonymous callers read published documents); aclMode "${aclMode}" is not supported`)
  }
  throw new LakeError(400, 'validationError', 'aclMode must be "public" or "private"')
}

export function createDataset(store: Store, name: string): DatasetInfo {
  const recorded = store.db.prepare('SELECT 1 FROM datasets WHERE name = ?').get(name) !== undefined
  if (recorded || store.count(name) > 0) throw new LakeError(409, 'conflictError', `Dataset "${name}" already exists`)
  const createdAt = new Date().toISOString()
  store.db.prepare('INSERT OR IGNORE INTO datasets (name, acl_mode, created_at) VALUES (?, ?, ?)').run(name, 'public', createdAt)
  return info(name, createdAt)
}

/** Deletes the dataset's documents, history and asset files. Runs in the writer queue. */
export async function deleteDataset(store: Store, dir: string, name: string): Promise<void> {
  if (!datasetExists(store, name)) throw new LakeError(404, 'notFoundError', `Dataset "${name}" not found`)
  await store.exclusive(async () => {
    store.dropDataset(name)
    store.db.prepare('DELETE FROM datasets WHERE name = ?').run(name)
  })
  rmSync(path.join(dir, 'assets', name), { recursive: true, force: true })
}
