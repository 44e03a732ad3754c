/**
 * Opens the lake's SQLite database and brings its schema up to date.
 *
 * One file (`lake.db` in the data folder) holds every dataset: documents, the transaction log and
 * the API tokens. A `dataset` column instead of one file per dataset keeps a transaction, the
 * token table and backups in one place; every query is keyed by dataset first.
 */
import { chmodSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { PRIVATE_FILE_MODE, ensurePrivateDir } from './file-modes'

export type Db = Database.Database

const SCHEMA_VERSION = 1

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  dataset TEXT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  rev TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (dataset, id)
) WITHOUT ROWID;
-- Query narrowing (a later issue) will add indexes on slug and references next to this one.
CREATE INDEX IF NOT EXISTS documents_by_type ON documents (dataset, type);

-- The transaction log. seq orders transactions; id is the transaction id clients see (it is also
-- the _rev of every document the transaction wrote). mutations is NULL for bulk imports, whose
-- per-document changes are still recorded below.
CREATE TABLE IF NOT EXISTS transactions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset TEXT NOT NULL,
  id TEXT NOT NULL,
  timestamp TEXT NOT NULL,
  author TEXT NOT NULL,
  mutations TEXT,
  UNIQUE (dataset, id)
);
CREATE INDEX IF NOT EXISTS transactions_by_time ON transactions (dataset, timestamp);

-- Per-document effects of a transaction. result is the whole document after the transaction
-- (NULL when deleted); the state before is the previous row for the same document, so the pair
-- gives both mendoza effects (apply = [0, result], revert = [0, previous result]) and the
-- document "as of" any revision for the history API.
CREATE TABLE IF NOT EXISTS transaction_documents (
  seq INTEGER NOT NULL REFERENCES transactions (seq),
  dataset TEXT NOT NULL,
  document_id TEXT NOT NULL,
  previous_rev TEXT,
  result TEXT,
  PRIMARY KEY (seq, document_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS transaction_documents_by_document ON transaction_documents (dataset, document_id, seq);

-- API tokens: only a SHA-256 of the secret is kept (see auth.ts for why that is enough).
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

-- Datasets created through PUT /datasets/{name} (datasets also exist implicitly once written).
CREATE TABLE IF NOT EXISTS datasets (
  name TEXT PRIMARY KEY,
  acl_mode TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`

export function openDatabase(dir: string): Db {
  ensurePrivateDir(dir)
  const file = path.join(dir, 'lake.db')
  const db = new Database(file)
  // SQLite gives the WAL and shared-memory files the database file's mode, so this covers them.
  chmodSync(file, PRIVATE_FILE_MODE)
  // WAL lets readers (the CLI, a second server process, tests) work while a write commits.
  db.pragma('journal_mode = WAL')
  // FULL fsyncs the WAL on every commit, so an acknowledged write survives a power cut, not just
  // a crash of the process (NORMAL-with-WAL may lose the last commits on power loss). One fsync
  // per transaction costs little at the write rates of an editorial team; the benchmark
  // (docs/performance.md) records the resulting mutations per second.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  // Another process (the CLI importing, createToken in a test) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('schema_version') as { value: string } | undefined
  if (!row) {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION))
  } else if (Number(row.value) > SCHEMA_VERSION) {
    db.close()
    throw new Error(`The lake database in ${dir} was written by a newer version of the lake (schema ${row.value}).`)
  }
  return db
}
