/**
 * Attribute names a document may not have on the lake: `hasOwnProperty`, at any depth.
 *
 * groq-js reads every attribute of every object as `data.hasOwnProperty(name) ? data[name] :
 * null`, so an object whose own `hasOwnProperty` is a value, not the inherited method, makes
 * every query that reads an attribute of it fail, for every caller: one such document would
 * break each page that lists its type. Hosted Sanity evaluates GROQ with its own engine and
 * takes the name; the lake refuses the write instead (a 400 naming where it is), which is the
 * one place the document can still be fixed. Sanity's Studio never writes the name (a schema
 * field cannot be called so).
 */
import { LakeError } from './errors'
import type { DocumentChange } from './types'

const REFUSED = 'hasOwnProperty'

/** Throws a 400 when a document the transaction would write holds a refused attribute name. */
export function checkAttributeNames(changes: readonly DocumentChange[]): void {
  for (const change of changes) {
    if (!change.after) continue
    const path = refusedAt(change.after, '')
    if (path !== undefined) {
      throw new LakeError(400, 'validationError', `Document "${change.id}" has an attribute named "${REFUSED}" (at ${path}), which the lake cannot query; rename it`)
    }
  }
}

/** The path of the first refused attribute inside `value`, or undefined. */
function refusedAt(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = refusedAt(value[index], `${path}[${index}]`)
      if (found !== undefined) return found
    }
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  for (const [name, child] of Object.entries(value)) {
    const at = path === '' ? name : `${path}.${name}`
    if (name === REFUSED) return at
    const found = refusedAt(child, at)
    if (found !== undefined) return found
  }
  return undefined
}
