/**
 * Errors the lake reports to clients.
 *
 * Every failure a client can see is a LakeError: an HTTP status plus the JSON body Sanity sends
 * for that kind of failure (`{error: {type, description, ...}}`). `@sanity/client` builds its
 * error messages from `error.description` and, for mutation and action errors, from
 * `error.items[].error.description`, so keeping these shapes keeps client messages readable.
 * Anything that is not a LakeError is an internal bug and is reported as a bare 500 with no
 * details (see server.ts), so no stack trace ever reaches a client.
 */

export type ErrorBody = { error: { type: string; description: string; [key: string]: unknown } }

export class LakeError extends Error {
  readonly status: number
  readonly body: ErrorBody

  constructor(status: number, type: string, description: string, extra: Record<string, unknown> = {}) {
    super(description)
    this.name = 'LakeError'
    this.status = status
    this.body = { error: { ...extra, type, description } }
  }
}

export const badRequest = (description: string, type = 'validationError', extra: Record<string, unknown> = {}) => new LakeError(400, type, description, extra)

export const notFound = (description: string, type = 'notFoundError') => new LakeError(404, type, description)

/** A failed item of a mutation: `type` names the failure, as Sanity's mutation errors do. */
export type FailedItem = { index: number; error: { type: string; description: string; id?: string; [key: string]: unknown } }

/**
 * Sanity reports a failed mutation as `{error: {type: 'mutationError', description: 'Mutation(s)
 * failed with 1 error(s)', items: [{error, index}]}}` with 409 for conflicts (existing document,
 * missing document, revision mismatch) and 400 for malformed input; `@sanity/client` appends each
 * item's description to its error message. The lake stops at the first failure, so there is
 * always one item.
 */
export function mutationError(status: number, item: FailedItem): LakeError {
  return new LakeError(status, 'mutationError', 'Mutation(s) failed with 1 error(s)', { items: [item] })
}

/** The Actions API reports failures as `{error: {type: 'actionError', description, items}}`. */
export function actionError(status: number, item: FailedItem): LakeError {
  return new LakeError(status, 'actionError', 'Action(s) failed with 1 error(s)', { items: [item] })
}

/** Raised inside the write engine; mutate/actions wrap it with the index of the failing item. */
export class ConflictError extends Error {
  readonly status: number
  readonly type: string
  readonly id: string | undefined

  constructor(type: string, description: string, id?: string, status = 409) {
    super(description)
    this.name = 'ConflictError'
    this.type = type
    this.id = id
    this.status = status
  }
}
