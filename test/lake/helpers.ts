/** Starts a lake on free ports in a temporary folder and builds real @sanity/client clients for it. */
import { editorialPlugin, type EditorialPluginOptions } from '../../editorial/lake/plugin'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient } from '@sanity/client'
import type { SanityClient } from '@sanity/client'
import { createToken, startLake } from '../../lake/index'
import type { RunningLake, StartLakeOptions } from '../../lake/index'

export const API_VERSION = '2025-02-19'

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'lake-test-'))
}

export function clientFor(lake: RunningLake, token?: string, dataset = 'production'): SanityClient {
  return createClient({
    projectId: 'local',
    dataset,
    apiHost: lake.httpUrl,
    useProjectHostname: false,
    apiVersion: API_VERSION,
    useCdn: false,
    token,
  })
}

export type TestLake = {
  lake: RunningLake
  dir: string
  editor: SanityClient
  viewer: SanityClient
  admin: SanityClient
  anonymous: SanityClient
  tokens: { editor: string; viewer: string; admin: string }
  stop(options?: { keepDir?: boolean }): Promise<void>
}

/**
 * A lake as `npm start` runs it, with Envoy's editorial plugin, unless `editorialWorkflow: false`
 * asks for plain Sanity (no review, embargo lock or share links).
 */
export type TestLakeOptions = StartLakeOptions & EditorialPluginOptions & { editorialWorkflow?: boolean }

export async function startTestLake(options: TestLakeOptions = {}): Promise<TestLake> {
  const { editorialWorkflow = true, reviewRequired, reviewTypes, ...lakeOptions } = options
  const dir = options.dir ?? tempDir()
  // Review before publish is off unless a test asks for it (test/lake/workflow*.test.ts do):
  // the other tests publish directly, as a lake with review switched off allows.
  const plugins = editorialWorkflow ? [editorialPlugin({ reviewRequired: reviewRequired ?? false, reviewTypes })] : []
  const lake = await startLake({ port: 0, httpPort: 0, quiet: true, plugins, ...lakeOptions, dir })
  const tokens = {
    editor: createToken({ dir, role: 'editor', label: `editor-${Math.random().toString(36).slice(2)}` }).token,
    viewer: createToken({ dir, role: 'viewer', label: `viewer-${Math.random().toString(36).slice(2)}` }).token,
    admin: createToken({ dir, role: 'administrator', label: `admin-${Math.random().toString(36).slice(2)}` }).token,
  }
  return {
    lake,
    dir,
    tokens,
    editor: clientFor(lake, tokens.editor),
    viewer: clientFor(lake, tokens.viewer),
    admin: clientFor(lake, tokens.admin),
    anonymous: clientFor(lake),
    async stop({ keepDir = false } = {}) {
      await lake.close()
      if (!keepDir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A seeded pseudo-random generator (mulberry32) for generated tests: the same seed, the same cases. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Resolves with the error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { statusCode?: number; response?: { body?: unknown } }> {
  try {
    await promise
  } catch (error) {
    return error as Error & { statusCode?: number }
  }
  throw new Error('Expected the promise to reject')
}

export type SseEvent = { event: string; id?: string; data: string }

/**
 * Takes the complete server-sent events off the front of `buffer` (blocks end with a blank line)
 * and returns them with what is left, for tests that read a raw event stream.
 */
export function takeSseEvents(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = []
  let rest = buffer
  let end: number
  while ((end = rest.indexOf('\n\n')) >= 0) {
    const block = rest.slice(0, end)
    rest = rest.slice(end + 2)
    const event = /^event: (.*)$/m.exec(block)?.[1]
    if (event) events.push({ event, id: /^id: (.*)$/m.exec(block)?.[1], data: /^data: (.*)$/m.exec(block)?.[1] ?? '' })
  }
  return { events, rest }
}
