/**
 * Trust, promise 5: access control.
 *
 * - A table of every lake endpoint (the list is read from the routes server.ts registers, so a
 *   new endpoint without a row fails this test) against anonymous, viewer, editor and
 *   administrator callers: each cell is "allow" (anything but 401/403) or "deny" (401 or 403),
 *   and denied calls change nothing on disk.
 * - Secrets at rest: the raw bytes of the SQLite file and its WAL contain no API token, no
 *   password, no session token and no one-time sign-in id.
 * - Sign-in is throttled after repeated failures, even for the right password.
 * - CORS answers only allowlisted origins.
 */
import { systemClock } from '../../lake/clock'
import assert from 'node:assert/strict'
import { readFileSync, existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { AccountStore } from '../../lake/accounts'
import { openDatabase } from '../../lake/db'
import type { LakeContext } from '../../lake/routes/common'
import { buildApp } from '../../lake/server'
import { Store } from '../../lake/store'
import { editorialPlugin } from '../../editorial/lake/plugin'
import { startTestLake, tempDir } from '../lake/helpers'
import type { TestLake } from '../lake/helpers'
import { fingerprint } from './helpers'

type Role = 'anonymous' | 'viewer' | 'editor' | 'administrator'
type Cell = 'allow' | 'deny'
const ROLES: Role[] = ['anonymous', 'viewer', 'editor', 'administrator']

const PUBLIC: Record<Role, Cell> = { anonymous: 'allow', viewer: 'allow', editor: 'allow', administrator: 'allow' }
const READERS: Record<Role, Cell> = { anonymous: 'deny', viewer: 'allow', editor: 'allow', administrator: 'allow' }
const WRITERS: Record<Role, Cell> = { anonymous: 'deny', viewer: 'deny', editor: 'allow', administrator: 'allow' }
const ADMINS: Record<Role, Cell> = { anonymous: 'deny', viewer: 'deny', editor: 'deny', administrator: 'allow' }
const NOBODY: Record<Role, Cell> = { anonymous: 'deny', viewer: 'deny', editor: 'deny', administrator: 'deny' }

const STUDIO = 'http://studio.test'
const PNG_1X1 = new Blob([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')])

type Row = {
  /** Route as registered: `METHOD /pattern`. */
  route: string
  path: string
  body?: string | Blob
  contentType?: string
  stream?: boolean
  access: Record<Role, Cell>
}

const json = (value: unknown) => JSON.stringify(value)

/** One request per registered route; the path fills in the route's parameters. */
const TABLE: Row[] = [
  { route: 'GET /ping', path: '/ping', access: PUBLIC },
  { route: 'GET /data/ping/:dataset', path: '/v1/data/ping/production', access: PUBLIC },
  // The lake's time, for scheduling relative to it; moving it exists only on a manual clock (test/lake/clock.test.ts).
  { route: 'GET /clock', path: '/v1/clock', access: PUBLIC },
  { route: 'GET /data/query/:dataset', path: '/v1/data/query/production?query=*', access: PUBLIC },
  { route: 'POST /data/query/:dataset', path: '/v1/data/query/production', body: json({ query: 'count(*)' }), access: PUBLIC },
  { route: 'GET /data/doc/:dataset/:ids', path: '/v1/data/doc/production/acl-doc', access: PUBLIC },
  { route: 'POST /data/mutate/:dataset', path: '/v1/data/mutate/production', body: json({ mutations: [{ createOrReplace: { _id: 'acl-written', _type: 'note' } }] }), access: WRITERS },
  {
    route: 'POST /data/actions/:dataset',
    path: '/v1/data/actions/production',
    body: json({ actions: [{ actionType: 'sanity.action.document.create', publishedId: 'acl-action', attributes: { _id: 'drafts.acl-action', _type: 'note' }, ifExists: 'ignore' }] }),
    access: WRITERS,
  },
  { route: 'GET /data/listen/:dataset', path: '/v1/data/listen/production?query=*', stream: true, access: PUBLIC },
  { route: 'GET /data/history/:dataset/transactions/:ids', path: '/v1/data/history/production/transactions/acl-doc', access: READERS },
  { route: 'GET /data/history/:dataset/documents/:ids', path: '/v1/data/history/production/documents/acl-doc?lastRevision=true', access: READERS },
  { route: 'GET /data/history/:dataset/events/documents/:id', path: '/v1/data/history/production/events/documents/acl-doc', access: READERS },
  { route: 'GET /data/workflow/:dataset/settings', path: '/v1/data/workflow/production/settings', access: READERS },
  { route: 'PUT /data/workflow/:dataset/settings', path: '/v1/data/workflow/production/settings', body: json({ reviewRequired: false }), access: ADMINS },
  { route: 'GET /data/workflow/:dataset/documents/:documentId', path: '/v1/data/workflow/production/documents/acl-doc', access: READERS },
  { route: 'POST /data/workflow/:dataset', path: '/v1/data/workflow/production', body: json({ documentId: 'acl-doc', action: 'submit' }), access: WRITERS },
  { route: 'POST /envoy/share/:dataset/open', path: '/v1/envoy/share/production/open', body: json({ token: 'x'.repeat(43) }), access: READERS },
  { route: 'GET /envoy/share/:dataset/links/:linkId', path: '/v1/envoy/share/production/links/shareLink.none', access: READERS },
  { route: 'GET /data/live/events/:dataset', path: '/v1/data/live/events/production', stream: true, access: PUBLIC },
  { route: 'GET /check/cors', path: '/v1/check/cors', access: PUBLIC },
  { route: 'GET /auth/providers', path: '/v1/auth/providers', access: PUBLIC },
  { route: 'GET /login', path: `/login?origin=${encodeURIComponent(STUDIO)}`, access: PUBLIC },
  // The form itself is public; a wrong password is a 401 for everyone, the right one signs in.
  {
    route: 'POST /login',
    path: '/login',
    body: `origin=${encodeURIComponent(STUDIO)}&email=reader%40envoy.test&password=correct-horse-battery`,
    contentType: 'application/x-www-form-urlencoded',
    access: PUBLIC,
  },
  { route: 'GET /auth/fetch', path: '/v1/auth/fetch?sid=unknown', access: NOBODY },
  // The lake uses bearer tokens, never cookies: the Studio's cookie probe is always a 401.
  { route: 'GET /auth/id', path: '/v1/auth/id', access: NOBODY },
  { route: 'POST /auth/logout', path: '/v1/auth/logout', body: '{}', access: PUBLIC },
  { route: 'GET /users/me', path: '/v1/users/me', access: READERS },
  { route: 'GET /users/:ids', path: '/v1/users/u-none', access: READERS },
  { route: 'GET /projects/:projectId/users/:ids', path: '/v1/projects/local/users/u-none', access: READERS },
  { route: 'GET /users/me/keyvalue/:keys', path: '/v1/users/me/keyvalue/studio.layout', access: READERS },
  { route: 'PUT /users/me/keyvalue', path: '/v1/users/me/keyvalue', body: json([{ key: 'studio.layout', value: 'grid' }]), access: READERS },
  { route: 'GET /projects/:projectId', path: '/v1/projects/local', access: READERS },
  { route: 'GET /projects/:projectId/datasets', path: '/v1/projects/local/datasets', access: READERS },
  { route: 'GET /datasets', path: '/v1/datasets', access: READERS },
  // Administrators manage datasets; the allowed calls create, change and delete scratch datasets, in that order.
  { route: 'PUT /datasets/:dataset', path: '/v1/datasets/acl-scratch', body: json({ aclMode: 'public' }), access: ADMINS },
  { route: 'PATCH /datasets/:dataset', path: '/v1/datasets/acl-scratch', body: json({ aclMode: 'public' }), access: ADMINS },
  { route: 'DELETE /datasets/:dataset', path: '/v1/datasets/acl-scratch', access: ADMINS },
  { route: 'PUT /projects/:projectId/datasets/:dataset', path: '/v1/projects/local/datasets/acl-scratch-two', body: json({ aclMode: 'public' }), access: ADMINS },
  { route: 'PATCH /projects/:projectId/datasets/:dataset', path: '/v1/projects/local/datasets/acl-scratch-two', body: json({ aclMode: 'public' }), access: ADMINS },
  { route: 'DELETE /projects/:projectId/datasets/:dataset', path: '/v1/projects/local/datasets/acl-scratch-two', access: ADMINS },
  // A whole-dataset export includes drafts: signed-in readers only.
  { route: 'GET /data/export/:dataset', path: '/v1/data/export/production', access: READERS },
  // Grants are derived from the caller: anonymous gets an empty list (checked below), not a 401.
  { route: 'GET /projects/:projectId/datasets/:dataset/acl', path: '/v1/projects/local/datasets/production/acl', access: PUBLIC },
  { route: 'GET /projects/:projectId/user-applications', path: '/v1/projects/local/user-applications', access: PUBLIC },
  { route: 'GET /projects/:projectId/grants', path: '/v1/projects/local/grants', access: PUBLIC },
  { route: 'GET /projects/:projectId/features', path: '/v1/projects/local/features', access: PUBLIC },
  // What the Studio's Releases tool reads: the release limit, a release's activity, the plan.
  { route: 'GET /projects/:projectId/new-content-release-allowed', path: '/v1/projects/local/new-content-release-allowed', access: READERS },
  { route: 'GET /data/history/:dataset/events/releases/:releaseId', path: '/v1/data/history/production/events/releases/rnone', access: READERS },
  { route: 'GET /subscriptions/project/:projectId', path: '/v1/subscriptions/project/local', access: READERS },
  { route: 'GET /features', path: '/v1/features', access: PUBLIC },
  { route: 'GET /access/requests/me', path: '/v2024-07-01/access/requests/me', access: READERS },
  { route: 'POST /assets/images/:dataset', path: '/v1/assets/images/production?filename=dot.png', body: PNG_1X1, contentType: 'image/png', access: WRITERS },
  { route: 'POST /assets/files/:dataset', path: '/v1/assets/files/production?filename=note.txt', body: 'hello', contentType: 'text/plain', access: WRITERS },
  { route: 'GET /images/:projectId/:dataset/:name', path: '/images/local/production/0000000000000000000000000000000000000000-1x1.png', access: PUBLIC },
  { route: 'GET /files/:projectId/:dataset/:name', path: '/files/local/production/0000000000000000000000000000000000000000.txt', access: PUBLIC },
]

/** Every `METHOD /url` buildApp registers (HEAD and OPTIONS are Fastify's and CORS's own). */
async function registeredRoutes(): Promise<string[]> {
  // Registration reads nothing else of the context (handlers do): the editorial plugin, as npm
  // start loads it, adds its routes (its setup only prepares statements on the store), and the
  // system clock has no route to move it (a manual clock's is tested in test/lake/clock.test.ts).
  const dir = tempDir()
  const store = new Store(dir)
  const context = { store, clock: systemClock, plugins: [] } as unknown as LakeContext
  const plugin = editorialPlugin()
  context.plugins = [{ name: plugin.name, ...plugin.setup?.(context) }]
  const app = buildApp(context, { corsOrigins: [] })
  const routes: string[] = []
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${route.url}`)
  })
  await app.ready()
  await app.close()
  store.close()
  rmSync(dir, { recursive: true, force: true })
  return [...new Set(routes)].sort()
}

describe('access control', () => {
  let t: TestLake
  let tokens: Record<Role, string | undefined>
  const password = 'correct-horse-battery'

  before(async () => {
    t = await startTestLake({ corsOrigins: [STUDIO] })
    tokens = { anonymous: undefined, viewer: t.tokens.viewer, editor: t.tokens.editor, administrator: t.tokens.admin }
    await t.admin.createOrReplace({ _id: 'acl-doc', _type: 'note', title: 'Public' })
    await t.admin.createOrReplace({ _id: 'drafts.acl-doc', _type: 'note', title: 'Draft' })
    const db = openDatabase(t.dir)
    try {
      await new AccountStore(db).addUser({ email: 'reader@envoy.test', password, role: 'viewer' })
    } finally {
      db.close()
    }
  })
  after(() => t.stop())

  async function call(row: Row, role: Role): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = {}
    const token = tokens[role]
    if (token) headers.authorization = `Bearer ${token}`
    if (row.body !== undefined) headers['content-type'] = row.contentType ?? 'application/json'
    const controller = new AbortController()
    const response = await fetch(`${t.lake.httpUrl}${row.path}`, {
      method: row.route.split(' ')[0],
      headers,
      body: row.body,
      redirect: 'manual',
      signal: controller.signal,
    })
    if (row.stream) {
      controller.abort()
      return { status: response.status, text: '' }
    }
    return { status: response.status, text: await response.text() }
  }

  test('the table covers every endpoint the lake registers', async () => {
    assert.deepEqual(TABLE.map((row) => row.route).sort(), await registeredRoutes())
  })

  test('each role gets exactly the access in the table; denied calls change nothing', async () => {
    const problems: string[] = []
    // Denied calls first, with a fingerprint of the database around them.
    const before = fingerprint(t.dir)
    for (const row of TABLE) {
      for (const role of ROLES) {
        if (row.access[role] !== 'deny') continue
        const { status, text } = await call(row, role)
        if (status !== 401 && status !== 403) problems.push(`${row.route} as ${role}: expected 401/403, got ${status} ${text.slice(0, 120)}`)
      }
    }
    assert.equal(fingerprint(t.dir), before, 'a denied call changed the lake')
    for (const row of TABLE) {
      for (const role of ROLES) {
        if (row.access[role] !== 'allow') continue
        const { status, text } = await call(row, role)
        if (status === 401 || status === 403 || status >= 500) problems.push(`${row.route} as ${role}: expected access, got ${status} ${text.slice(0, 120)}`)
      }
    }
    assert.deepEqual(problems, [])
  })

  test('anonymous grants are empty; a viewer may read but not write; an editor may write', async () => {
    const grants = async (token?: string) =>
      (await (await fetch(`${t.lake.httpUrl}/v1/projects/local/datasets/production/acl`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).json()) as { permissions: string[] }[]
    assert.deepEqual(await grants(), [])
    assert.deepEqual((await grants(t.tokens.viewer))[0]?.permissions, ['history', 'read'])
    assert.ok((await grants(t.tokens.editor))[0]?.permissions.includes('update'))
  })

  test('no secret is stored in plain text: API tokens, passwords, session tokens, sign-in ids', async () => {
    // Sign in the way the Studio does: the form redirects with a one-time sid, exchanged for a session token.
    const login = await fetch(`${t.lake.httpUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `origin=${encodeURIComponent(STUDIO)}&email=reader%40envoy.test&password=${password}`,
      redirect: 'manual',
    })
    assert.equal(login.status, 302)
    const sid = /#sid=([\w-]+)/.exec(login.headers.get('location') ?? '')?.[1]
    assert.ok(sid, 'no sid in the redirect')
    // Before the sid is redeemed, its session already exists: neither may be readable at rest.
    const pending = readAtRest(t.dir)
    const fetched = (await (await fetch(`${t.lake.httpUrl}/v1/auth/fetch?sid=${sid}`)).json()) as { token: string }
    assert.match(fetched.token, /^sklakeu/)
    const me = await fetch(`${t.lake.httpUrl}/v1/users/me`, { headers: { authorization: `Bearer ${fetched.token}` } })
    assert.equal(me.status, 200)
    const atRest = pending + readAtRest(t.dir)
    for (const [name, secret] of Object.entries({ password, sid, session: fetched.token, ...t.tokens })) {
      assert.ok(!atRest.includes(secret), `${name} is stored in plain text`)
    }
    // And the checks can see what is there: a known stored value is found.
    assert.ok(atRest.includes('reader@envoy.test'))
  })

  test('sign-in is throttled after 10 failures, even with the right password then', async () => {
    const attempt = (pass: string) =>
      fetch(`${t.lake.httpUrl}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `origin=${encodeURIComponent(STUDIO)}&email=reader%40envoy.test&password=${pass}`,
        redirect: 'manual',
      })
    for (let index = 0; index < 10; index++) assert.equal((await attempt(`wrong-password-${index}`)).status, 401)
    const blocked = await attempt(password)
    assert.equal(blocked.status, 429)
    assert.match(await blocked.text(), /Too many failed attempts/)
  })

  test('CORS answers allowlisted origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.lake.httpUrl}/v1/data/query/production`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      })
    const allowed = await preflight(STUDIO)
    assert.equal(allowed.headers.get('access-control-allow-origin'), STUDIO)
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true')
    const evil = await preflight('https://evil.example')
    assert.equal(evil.headers.get('access-control-allow-origin'), null)
    const simple = await fetch(`${t.lake.httpUrl}/v1/data/query/production?query=1`, { headers: { origin: 'https://evil.example' } })
    assert.equal(simple.headers.get('access-control-allow-origin'), null)
    const check = (await (await fetch(`${t.lake.httpUrl}/v1/check/cors`, { headers: { origin: 'https://evil.example' } })).json()) as { result: { allowed: boolean } }
    assert.equal(check.result.allowed, false)
  })
})

/** The database file and its write-ahead log as text (latin1 keeps every byte). */
function readAtRest(dir: string): string {
  return ['lake.db', 'lake.db-wal']
    .map((name) => path.join(dir, name))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('\n')
}
