/** Shapes shared by the lake's modules. */

/** A stored document. `_id` and `_type` are always present; the system fields are set by the lake. */
export type Doc = {
  _id: string
  _type: string
  _rev?: string
  _createdAt?: string
  _updatedAt?: string
  [field: string]: unknown
}

/** One document's change inside a committed transaction. `before`/`after` are null when absent. */
export type DocumentChange = {
  id: string
  before: Doc | null
  after: Doc | null
  /** The mutations that produced this change, rewritten to name this document by id. */
  mutations: unknown[]
}

export type CommittedTransaction = {
  dataset: string
  id: string
  /** ISO time of the commit, with milliseconds. */
  timestamp: string
  author: string
  changes: DocumentChange[]
}

/** Who is calling: anonymous, or the holder of a token with one of Sanity's built-in roles. */
export type Role = 'anonymous' | 'viewer' | 'editor' | 'administrator'
export const TOKEN_ROLES = ['viewer', 'editor', 'administrator'] as const
export type TokenRole = (typeof TOKEN_ROLES)[number]

export type Principal = {
  role: Role
  /** Recorded as a transaction's `author` and a listener event's `identity`. */
  id: string
}
