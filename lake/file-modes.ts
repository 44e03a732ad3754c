/**
 * Owner-only permissions for everything in the lake's data folder: the database (every draft
 * and embargoed document), its WAL and shared-memory files, the TLS key and certificate, asset
 * files and the transform cache. Folders are 0700 and files 0600, set when they are created and
 * fixed on every start for folders written by older versions (or restored from a backup with a
 * loose umask).
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** Creates `dir` (and missing parents) owner-only; an existing one is tightened. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  chmodSync(dir, PRIVATE_DIR_MODE)
}

/**
 * Tightens `dir` and everything under it. Symbolic links are left alone (chmod would follow
 * them out of the folder). Walks with an explicit stack: an asset tree can be deep and wide.
 */
export function tightenTree(dir: string): void {
  const stack = [dir]
  while (stack.length > 0) {
    const current = stack.pop() as string
    let stat
    try {
      stat = lstatSync(current)
    } catch {
      continue
    }
    if (stat.isSymbolicLink()) continue
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(current, PRIVATE_DIR_MODE)
      for (const name of readdirSync(current)) stack.push(path.join(current, name))
    } else if (stat.isFile() && (stat.mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(current, PRIVATE_FILE_MODE)
  }
}
