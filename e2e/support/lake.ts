/**
 * Access to the lake the e2e run started (scripts/e2e.ts passes its folder and ports in env):
 * tokens are made with the lake's own CLI, writes go through the real `@sanity/client`.
 */
import { execFileSync } from 'node:child_process'
import { createClient, type SanityClient } from '@sanity/client'

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the e2e tests with "npm run test:e2e"`)
  return value
}

/** Creates a token with the lake CLI, as a press officer would, and returns it. */
export function createLakeToken(role: 'viewer' | 'editor' | 'administrator', label: string): string {
  const output = execFileSync('npx', ['tsx', 'lake/cli.ts', 'token', 'create', '--role', role, '--label', label], {
    env: process.env,
    encoding: 'utf8',
  })
  const token = output.match(/\bsklake[A-Za-z0-9_-]{20,}/)?.[0]
  if (!token) throw new Error(`No token in the lake CLI's output:\n${output}`)
  return token
}

export function lakeClient(token?: string): SanityClient {
  return createClient({
    projectId: 'local',
    dataset: 'production',
    apiHost: `http://127.0.0.1:${required('LAKE_HTTP_PORT')}`,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
    token,
  })
}

/**
 * The e2e lake runs on a manual clock (LAKE_CLOCK=manual, lake/clock.ts): schedules and embargo
 * lifts are set ahead of lake time and fall due when a test moves the clock, not by waiting.
 */
export async function lakeNow(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${required('LAKE_HTTP_PORT')}/v1/clock`)
  if (!response.ok) throw new Error(`The lake's clock answered ${response.status}`)
  const { now } = (await response.json()) as { now: string }
  return Date.parse(now)
}

/** Moves lake time forward by `ms`; resolves once whatever fell due has been published. */
export async function advanceLakeClock(adminToken: string, ms: number): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${required('LAKE_HTTP_PORT')}/v1/clock`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  })
  if (!response.ok) throw new Error(`Moving the lake's clock answered ${response.status}: ${await response.text()}`)
}
