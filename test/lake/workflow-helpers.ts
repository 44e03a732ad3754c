/** Envoy's workflow endpoints, called with fetch (they are the lake's own, not @sanity/client's). */
import type { TestLake } from './helpers'

export type Json = Record<string, unknown>

export type WorkflowCall = (token: string | undefined, method: string, path: string, body?: unknown) => Promise<{ status: number; body: Json }>

export function workflowApi(t: TestLake): WorkflowCall {
  return async function call(token, method, path, body) {
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    })
    return { status: response.status, body: (await response.json()) as Json }
  }
}

export const description = (body: Json) => String((body.error as Json | undefined)?.description ?? '')

/** Polls `check` until it returns a value (not undefined), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`Condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
