/**
 * Sign-in throttling, kept in SQLite: both servers of a lake (HTTPS and HTTP) share one database,
 * so they share the counts, and the counts survive a restart.
 *
 * An attempt is counted *before* the password is checked, in one synchronous SQLite transaction:
 * forty concurrent wrong passwords cannot all pass the check while the first ones are still
 * being hashed. A successful sign-in clears its key; failures age out with the window.
 */
import type { Db } from './db'

export type ThrottleRule = { maxAttempts: number; windowMs: number }

type Row = { count: number; since: number }

export class SignInThrottle {
  private readonly read
  private readonly write
  private readonly remove
  private readonly reserveAll

  constructor(db: Db) {
    db.exec('CREATE TABLE IF NOT EXISTS sign_in_attempts (key TEXT PRIMARY KEY, count INTEGER NOT NULL, since INTEGER NOT NULL)')
    this.read = db.prepare('SELECT count, since FROM sign_in_attempts WHERE key = ?')
    this.write = db.prepare('INSERT INTO sign_in_attempts (key, count, since) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET count = excluded.count, since = excluded.since')
    this.remove = db.prepare('DELETE FROM sign_in_attempts WHERE key = ?')
    // Every key is checked first and only then counted, so a refused attempt counts nowhere.
    this.reserveAll = db.transaction((keys: { key: string; rule: ThrottleRule }[], now: number): boolean => {
      const rows = keys.map(({ key, rule }) => {
        const row = this.read.get(key) as Row | undefined
        return row && now - row.since <= rule.windowMs ? row : { count: 0, since: now }
      })
      if (keys.some(({ rule }, index) => (rows[index] as Row).count >= rule.maxAttempts)) return false
      keys.forEach(({ key }, index) => {
        const row = rows[index] as Row
        this.write.run(key, row.count + 1, row.since)
      })
      return true
    })
  }

  /** Counts one attempt under every key; false (nothing counted) when any key is over its rule. */
  reserve(keys: { key: string; rule: ThrottleRule }[], now = Date.now()): boolean {
    return this.reserveAll(keys, now)
  }

  /** Forgets a key's attempts (after a successful sign-in). */
  clear(key: string): void {
    this.remove.run(key)
  }
}
