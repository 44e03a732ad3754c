/** Helpers for the trust tests: a fingerprint of everything a lake stores, and raw HTTP calls. */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/**
 * A SHA-256 over every table a request could change (documents, transaction log, tokens,
 * accounts, sessions, preferences) and every stored asset file, read straight from the lake's
 * SQLite file with a separate read-only connection: what is on disk, not what the API says.
 */
export function fingerprint(dir: string): string {
  const hash = createHash('sha256')
  const db = new Database(path.join(dir, 'lake.db'), { readonly: true, fileMustExist: true })
  try {
    // sign_in_attempts is left out: counting a bad sign-in is that table's job (lake/sign-in-throttle.ts).
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'sign_in_attempts' ORDER BY name").all() as { name: string }[]).map(
      (row) => row.name,
    )
    for (const table of tables) {
      hash.update(`\n#${table}\n`)
      for (const row of db.prepare(`SELECT * FROM "${table}"`).all()) hash.update(`${JSON.stringify(row)}\n`)
    }
  } finally {
    db.close()
  }
  const assets = path.join(dir, 'assets')
  if (existsSync(assets)) {
    const walk = (folder: string): void => {
      for (const name of readdirSync(folder).sort()) {
        const full = path.join(folder, name)
        const stat = statSync(full)
        if (stat.isDirectory()) walk(full)
        else hash.update(`${path.relative(dir, full)}:${stat.size}\n`)
      }
    }
    walk(assets)
  }
  return hash.digest('hex')
}

export type RawResponse = { status: number; contentType: string; text: string; json: unknown }

export async function send(url: string, init: RequestInit = {}): Promise<RawResponse> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000), ...init })
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json }
}

/** Whether a body is the lake's error shape `{error: {type, description}}` with a readable description. */
export function isClearJsonError(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || !('error' in json)) return false
  const error = (json as { error: unknown }).error
  if (typeof error !== 'object' || error === null) return false
  const { type, description } = error as { type?: unknown; description?: unknown }
  return typeof type === 'string' && type !== '' && typeof description === 'string' && description.length >= 8
}
