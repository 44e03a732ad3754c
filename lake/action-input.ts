/**
 * How one action of an Actions API request fails, and the input checks shared by the document
 * actions (lake/actions.ts) and the release actions (lake/releases.ts). applyActions turns an
 * ActionFailure into Sanity's `actionError` body, naming the index of the failing action.
 */
export class ActionFailure extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    description: string,
  ) {
    super(description)
  }
}

export const invalid = (description: string): never => {
  throw new ActionFailure(400, 'validationError', description)
}

export const conflict = (description: string, type = 'conflictError'): never => {
  throw new ActionFailure(409, type, description)
}

export const missing = (description: string, type = 'documentNotFoundError'): never => {
  throw new ActionFailure(404, type, description)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function requireString(action: Record<string, unknown>, field: string): string {
  const value = action[field]
  if (typeof value !== 'string' || value === '') return invalid(`"${field}" is required`)
  return value
}
