/**
 * The endpoints the real Sanity Studio needs beyond the data API: accounts and sign-in, the user
 * and project endpoints, ACL grants, the key-value store, history events, assets with image
 * transforms, presence over WebSocket and strong-reference integrity. Real HTTP throughout.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { after, before, describe, test } from 'node:test'
import sharp from 'sharp'
import WebSocket from 'ws'
import { AccountStore } from '../../lake/accounts'
import { openDatabase } from '../../lake/db'
import { rejection, startTestLake } from './helpers'
import type { TestLake } from './helpers'

const STUDIO = 'http://localhost:3333'
const PASSWORD = 'correct horse battery staple'

async function addUser(dir: string, email: string, role: 'viewer' | 'editor' | 'administrator') {
  const db = openDatabase(dir)
  try {
    return await new AccountStore(db).addUser({ email, password: PASSWORD, role, name: email.split('@')[0] })
  } finally {
    db.close()
  }
}

/** Signs in through the login form and the sid exchange, as the Studio does; returns the token. */
async function signIn(base: string, email: string, password = PASSWORD): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ origin: `${STUDIO}/structure`, email, password }).toString(),
  })
  assert.equal(response.status, 302, `login of ${email} should redirect`)
  const location = response.headers.get('location') ?? ''
  const sid = /#sid=(.+)$/.exec(location)?.[1]
  assert.ok(location.startsWith(`${STUDIO}/structure#sid=`) && sid, location)
  const fetched = await fetch(`${base}/auth/fetch?sid=${sid}`)
  assert.equal(fetched.status, 200)
  const { token } = (await fetched.json()) as { token: string }
  return token
}

const json = async (url: string, token?: string, init: RequestInit = {}) => {
  const response = await fetch(url, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } })
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers }
}

describe('Studio endpoints', () => {
  let t: TestLake
  let base: string
  let editorToken: string
  let viewerToken: string
  let editorId: string

  before(async () => {
    t = await startTestLake({ corsOrigins: [STUDIO] })
    base = t.lake.httpUrl
    editorId = (await addUser(t.dir, 'editor@example.gov', 'editor')).id
    await addUser(t.dir, 'viewer@example.gov', 'viewer')
    editorToken = await signIn(base, 'editor@example.gov')
    viewerToken = await signIn(base, 'viewer@example.gov')
  })
  after(() => t.stop())

  test('user CLI adds (password from stdin, never echoed), lists and removes users', () => {
    const run = (args: string[], input?: string) => execFileSync('npx', ['tsx', 'lake/cli.ts', ...args, '--dir', t.dir], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })
    const added = run(['user', 'add', 'cli@example.gov', '--role', 'viewer', '--name', 'Cli Person', '--password-stdin'], 'a long enough password\n')
    assert.match(added, /Added viewer cli@example\.gov/)
    assert.doesNotMatch(added, /a long enough password/)
    assert.match(run(['user', 'list']), /cli@example\.gov/)
    assert.match(run(['user', 'remove', 'cli@example.gov']), /Removed/)
    assert.doesNotMatch(run(['user', 'list']), /cli@example\.gov/)
  })

  test('passwords are stored as scrypt hashes', () => {
    const db = openDatabase(t.dir)
    try {
      const row = db.prepare('SELECT password FROM users WHERE email = ?').get('editor@example.gov') as { password: string }
      assert.match(row.password, /^scrypt\$/)
      assert.ok(!row.password.includes(PASSWORD))
    } finally {
      db.close()
    }
  })

  test('auth providers point at the lake login page', async () => {
    const { body } = await json(`${base}/v2021-06-07/auth/providers`)
    assert.deepEqual(
      (body as { providers: { name: string; url: string }[] }).providers.map((p) => [p.name, p.url]),
      [['local', `${base}/login`]],
    )
  })

  test('login page: accessible form, refuses untrusted origins and wrong passwords', async () => {
    const page = await fetch(`${base}/login?origin=${encodeURIComponent(STUDIO)}&projectId=local&type=dual`)
    assert.equal(page.status, 200)
    const html = await page.text()
    assert.match(html, /<label for="email">Email<\/label>/)
    assert.match(html, /<label for="password">Password<\/label>/)
    assert.match(html, /<html lang="en">/)
    const evil = await fetch(`${base}/login?origin=${encodeURIComponent('https://evil.example/')}`)
    assert.equal(evil.status, 400)
    const post = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ origin: 'https://evil.example/', email: 'editor@example.gov', password: PASSWORD }).toString(),
    })
    assert.equal(post.status, 400, 'no redirect to an untrusted origin')
    const wrong = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ origin: STUDIO, email: 'editor@example.gov', password: 'not the password' }).toString(),
    })
    assert.equal(wrong.status, 401)
    assert.match(await wrong.text(), /role="alert"/)
  })

  test('a sid works once', async () => {
    const response = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ origin: STUDIO, email: 'editor@example.gov', password: PASSWORD }).toString(),
    })
    const sid = /#sid=(.+)$/.exec(response.headers.get('location') ?? '')?.[1]
    assert.equal((await fetch(`${base}/auth/fetch?sid=${sid}`)).status, 200)
    assert.equal((await fetch(`${base}/auth/fetch?sid=${sid}`)).status, 401)
  })

  test('/users/me: 401 signed out, the user with their role signed in; /auth/id is 401', async () => {
    assert.equal((await json(`${base}/v2026-05-04/users/me`)).status, 401)
    const me = (await json(`${base}/v2026-05-04/users/me`, editorToken)).body as { id: string; email: string; role: string; roles: { name: string }[] }
    assert.equal(me.email, 'editor@example.gov')
    assert.equal(me.role, 'editor')
    assert.deepEqual(
      me.roles.map((r) => r.name),
      ['editor'],
    )
    assert.equal((await json(`${base}/auth/id`, editorToken)).status, 401)
    const users = (await json(`${base}/users/${me.id}`, editorToken)).body as { id: string; displayName: string }
    assert.equal(users.displayName, 'editor')
  })

  test("ACL grants follow the role, and the lake refuses a viewer's writes", async () => {
    const acl = async (token: string) => ((await json(`${base}/v2021-06-07/projects/local/datasets/production/acl`, token)).body as { permissions: string[] }[])[0]?.permissions
    assert.deepEqual(await acl(viewerToken), ['history', 'read'])
    assert.ok((await acl(editorToken))?.includes('update'))
    const write = await json(`${base}/v2025-02-19/data/mutate/production`, viewerToken, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [{ create: { _id: 'drafts.x', _type: 'trip' } }] }),
    })
    assert.equal(write.status, 403)
    const query = await json(`${base}/v2025-02-19/data/query/production?query=${encodeURIComponent('count(*)')}`, viewerToken)
    assert.equal(query.status, 200, 'a viewer reads')
  })

  test('session writes are recorded under the user id; logout ends the session', async () => {
    const token = await signIn(base, 'editor@example.gov')
    const write = await json(`${base}/v2025-02-19/data/mutate/production`, token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [{ create: { _id: 'by-session', _type: 'trip' } }] }),
    })
    assert.equal(write.status, 200)
    const history = await fetch(`${base}/data/history/production/transactions/by-session`, { headers: { authorization: `Bearer ${token}` } })
    assert.equal(JSON.parse((await history.text()).trim()).author, editorId)
    assert.equal((await json(`${base}/auth/logout`, token, { method: 'POST' })).status, 200)
    assert.equal((await json(`${base}/users/me`, token)).status, 401)
  })

  test('project, datasets and features', async () => {
    const project = (await json(`${base}/projects/local`, editorToken)).body as { id: string; members: { id: string; isCurrentUser: boolean }[] }
    assert.equal(project.id, 'local')
    assert.ok(project.members.some((m) => m.id === editorId && m.isCurrentUser))
    assert.deepEqual((await json(`${base}/features`, editorToken)).body, ['contentReleases', 'singleDocRelease'])
    assert.ok(((await json(`${base}/projects/local/datasets`, editorToken)).body as { name: string }[]).some((d) => d.name === 'production'))
  })

  test('key-value store is per user and persisted', async () => {
    const put = await json(`${base}/users/me/keyvalue`, editorToken, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ key: 'studio.structure-tool.layout', value: { list: 'compact' } }]),
    })
    assert.deepEqual(put.body, [{ key: 'studio.structure-tool.layout', value: { list: 'compact' } }])
    const get = await json(`${base}/users/me/keyvalue/studio.structure-tool.layout,other`, editorToken)
    assert.deepEqual(get.body, [
      { key: 'studio.structure-tool.layout', value: { list: 'compact' } },
      { key: 'other', value: null },
    ])
    const viewers = await json(`${base}/users/me/keyvalue/studio.structure-tool.layout`, viewerToken)
    assert.deepEqual(viewers.body, [{ key: 'studio.structure-tool.layout', value: null }])
    // The structure tool asks for its root pane's layout by this key when Presentation opens a document.
    const root = await json(`${base}/users/me/keyvalue/studio.structure-tool.layout.$root,studio.structure-tool.sort-order.$root`, editorToken)
    assert.deepEqual(root.body, [
      { key: 'studio.structure-tool.layout.$root', value: null },
      { key: 'studio.structure-tool.sort-order.$root', value: null },
    ])
    const junk = await json(`${base}/users/me/keyvalue/${encodeURIComponent('a b')}`, editorToken)
    assert.equal(junk.status, 400)
  })

  test('history events: create, publish and delete of a document group', async () => {
    await t.editor.action({ actionType: 'sanity.action.document.create', publishedId: 'ev-1', attributes: { _id: 'drafts.ev-1', _type: 'trip', title: 'A' }, ifExists: 'fail' })
    await t.editor.action({ actionType: 'sanity.action.document.edit', publishedId: 'ev-1', draftId: 'drafts.ev-1', patch: { set: { title: 'B' } } })
    await t.editor.action({ actionType: 'sanity.action.document.publish', publishedId: 'ev-1', draftId: 'drafts.ev-1' })
    const response = await json(`${base}/data/history/production/events/documents/ev-1?limit=10`, editorToken)
    const events = (response.body as { events: Record<string, { type: string; versionRevisionId?: string }[]> }).events['ev-1'] ?? []
    assert.deepEqual(
      events.map((e) => e.type),
      ['publishDocumentVersion', 'createDocumentVersion'],
    )
    await t.editor.action({ actionType: 'sanity.action.document.delete', publishedId: 'ev-1', includeDrafts: [] })
    const later = await json(`${base}/data/history/production/events/documents/drafts.ev-1?limit=10`, editorToken)
    const types = ((later.body as { events: Record<string, { type: string }[]> }).events['drafts.ev-1'] ?? []).map((e) => e.type)
    assert.equal(types[0], 'deleteDocumentGroup')
    assert.equal((await json(`${base}/data/history/production/events/documents/ev-1`)).status, 401)
  })

  test('image upload: asset document via the store, listener event, transforms with sharp', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .png()
      .toBuffer()
    const events: string[] = []
    const subscription = t.editor.listen('*[_type == "sanity.imageAsset"]').subscribe((event) => {
      if (event.type === 'mutation') events.push(event.documentId)
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const viewerUpload = await json(`${base}/v2026-05-04/assets/images/production?filename=red.png`, viewerToken, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png })
    assert.equal(viewerUpload.status, 403)
    const upload = await json(`${base}/v2026-05-04/assets/images/production?filename=red.png`, editorToken, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png })
    assert.equal(upload.status, 200)
    const doc = (upload.body as { document: { _id: string; url: string; path: string; metadata: { dimensions: { width: number; height: number } } } }).document
    assert.match(doc._id, /^image-[a-f0-9]{40}-400x300-png$/)
    assert.deepEqual([doc.metadata.dimensions.width, doc.metadata.dimensions.height], [400, 300])
    // Anonymous readers see an asset document only once a published document references it.
    assert.equal(await t.anonymous.fetch('*[_id == $id][0]._id', { id: doc._id }), null, 'an unreferenced asset is not public')
    assert.equal(await t.viewer.fetch('*[_id == $id][0]._id', { id: doc._id }), doc._id)
    await new Promise((resolve) => setTimeout(resolve, 300))
    subscription.unsubscribe()
    assert.deepEqual(events, [doc._id])

    const original = await fetch(`${base}/${doc.path}`)
    assert.equal(original.status, 200)
    assert.equal((await original.arrayBuffer()).byteLength, png.length)
    const resized = await fetch(`${base}/${doc.path}?w=100&h=100&fit=crop&auto=format`, { headers: { accept: 'image/webp,image/*' } })
    assert.equal(resized.headers.get('content-type'), 'image/webp')
    const meta = await sharp(Buffer.from(await resized.arrayBuffer())).metadata()
    assert.deepEqual([meta.width, meta.height], [100, 100])
    const rect = await fetch(`${base}/${doc.path}?rect=0,0,200,150&w=50&dpr=2&fm=jpg&q=50`)
    const rectMeta = await sharp(Buffer.from(await rect.arrayBuffer())).metadata()
    assert.deepEqual([rectMeta.format, rectMeta.width, rectMeta.height], ['jpeg', 100, 75])
    assert.equal((await fetch(`${base}/images/local/production/${'0'.repeat(40)}-1x1.png`)).status, 404)

    const file = await json(`${base}/assets/files/production?filename=notes.txt`, editorToken, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' })
    const fileDoc = (file.body as { document: { path: string; mimeType: string } }).document
    assert.equal(fileDoc.mimeType, 'text/plain')
    // An unreferenced file is staff-only; anonymous readers get it once a published document uses it.
    assert.equal((await fetch(`${base}/${fileDoc.path}`)).status, 404)
    const download = await fetch(`${base}/${fileDoc.path}`, { headers: { authorization: `Bearer ${editorToken}` } })
    assert.equal(await download.text(), 'hello')
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment/)
  })

  test('strong references block delete and unpublish of the referenced document (409 naming the referrer)', async () => {
    await t.editor
      .transaction()
      .create({ _id: 'official-ref', _type: 'official', name: 'Referenced' })
      .create({ _id: 'meeting-ref', _type: 'meeting', title: 'Referrer', officials: [{ _key: 'a', _type: 'reference', _ref: 'official-ref' }] })
      .create({ _id: 'weak-ref', _type: 'official', name: 'Weakly referenced' })
      .create({ _id: 'meeting-weak', _type: 'meeting', title: 'Weak referrer', officials: [{ _key: 'a', _type: 'reference', _ref: 'weak-ref', _weak: true }] })
      .commit()
    const deletion = await rejection(t.editor.action({ actionType: 'sanity.action.document.delete', publishedId: 'official-ref', includeDrafts: [] }))
    assert.equal(deletion.statusCode, 409)
    assert.match(deletion.message, /meeting-ref/)
    const unpublish = await rejection(t.editor.action({ actionType: 'sanity.action.document.unpublish', publishedId: 'official-ref', draftId: 'drafts.official-ref' }))
    assert.equal(unpublish.statusCode, 409)
    const mutation = await rejection(t.editor.delete('official-ref'))
    assert.equal(mutation.statusCode, 409)
    assert.match(mutation.message, /meeting-ref/)
    assert.ok(await t.editor.getDocument('official-ref'))
    await t.editor.delete('weak-ref')
    // Deleting the referrer and the referenced document together is fine.
    await t.editor.transaction().delete('meeting-ref').delete('official-ref').commit()
    assert.equal(await t.editor.getDocument('official-ref'), undefined)
  })

  test('presence over WebSocket: authorization, subscribe, announce relayed to others', async () => {
    const url = `${t.lake.httpsUrl.replace(/^https/, 'wss')}/v2022-06-30/socket/production?tag=sanity.studio`
    const open = (headers: Record<string, string> = {}) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(url, { rejectUnauthorized: false, headers })
        ws.once('open', () => resolve(ws))
        ws.once('error', reject)
      })
    let nextId = 0
    const call = (ws: WebSocket, method: string, params: Record<string, unknown> = {}) =>
      new Promise<{ result?: unknown; error?: unknown }>((resolve) => {
        const id = `r${++nextId}`
        const onMessage = (data: WebSocket.RawData) => {
          const message = JSON.parse(data.toString()) as { id?: string }
          if (message.id === id) {
            ws.off('message', onMessage)
            resolve(message as { result?: unknown })
          }
        }
        ws.on('message', onMessage)
        ws.send(JSON.stringify({ jsonrpc: '2.0', method, params, id }))
      })
    const a = await open()
    const b = await open()
    try {
      assert.ok((await call(a, 'presence_subscribe')).error, 'nothing before authorization')
      assert.equal((await call(a, 'authorization', { authorization: `Bearer ${editorToken}` })).result, true)
      assert.equal((await call(b, 'authorization', { authorization: `Bearer ${viewerToken}` })).result, true)
      const subscription = (await call(b, 'presence_subscribe')).result
      const received = new Promise<{ params: { subscription: string; result: { type: string; i: string; m: { sessionId: string } } } }>((resolve) => {
        b.on('message', (data) => {
          const message = JSON.parse(data.toString()) as { method?: string }
          if (message.method === 'presence_subscription') resolve(message as never)
        })
      })
      await call(a, 'presence_announce', { data: { sessionId: 's1', locations: [{ type: 'document', documentId: 'trip-1', path: ['title'], lastActiveAt: new Date().toISOString() }] } })
      const event = await received
      assert.equal(event.params.subscription, subscription)
      assert.equal(event.params.result.type, 'state')
      assert.equal(event.params.result.i, editorId)
      assert.equal(event.params.result.m.sessionId, 's1')
      await assert.rejects(open({ origin: 'https://evil.example' }))
      const c = await open()
      const closed = new Promise<number>((resolve) => c.once('close', (code) => resolve(code)))
      await call(c, 'authorization', { authorization: 'Bearer sklakeu-not-a-session' })
      assert.equal(await closed, 4001)
    } finally {
      a.close()
      b.close()
    }
  })
})

describe('Sign-in wording', () => {
  /** What a Studio's sign-in shows from the lake: the provider's title, the login page's heading, the project's name. */
  async function signInWords(t: TestLake) {
    const base = t.lake.httpUrl
    const providers = (await json(`${base}/v2021-06-07/auth/providers`)).body as { providers: { title: string }[] }
    const page = await (await fetch(`${base}/login?origin=${encodeURIComponent(STUDIO)}&projectId=local&type=dual`)).text()
    const untrusted = await (await fetch(`${base}/login?origin=${encodeURIComponent('https://evil.example/')}`)).text()
    const project = (await json(`${base}/v2021-06-07/projects/local`, t.tokens.editor)).body as { displayName: string }
    return {
      provider: providers.providers.map((p) => p.title),
      heading: /<h1>([^<]*)<\/h1>/.exec(page)?.[1],
      title: /<title>([^<]*)<\/title>/.exec(page)?.[1],
      untrusted,
      project: project.displayName,
    }
  }

  test('a plain lake (no plugin) names no product: any Studio signs in on it', async () => {
    const t = await startTestLake({ corsOrigins: [STUDIO], editorialWorkflow: false })
    try {
      const words = await signInWords(t)
      assert.deepEqual(words.provider, ['Lake account'])
      assert.equal(words.heading, 'Sign in to the Studio')
      assert.equal(words.title, 'Sign in to the Studio')
      assert.equal(words.project, 'Local lake')
      assert.match(words.untrusted, /does not come from a Studio this lake trusts/)
      assert.doesNotMatch(JSON.stringify(words), /Envoy/)
    } finally {
      await t.stop()
    }
  })

  test("a plugin's studioName names the product: the editorial plugin's lake says Envoy", async () => {
    const t = await startTestLake({ corsOrigins: [STUDIO] })
    try {
      const words = await signInWords(t)
      assert.deepEqual(words.provider, ['Envoy account'])
      assert.equal(words.heading, 'Sign in to Envoy Studio')
      assert.equal(words.project, 'Envoy (local lake)')
    } finally {
      await t.stop()
    }
  })

  test('the name is escaped on the login page', async () => {
    const t = await startTestLake({ corsOrigins: [STUDIO], editorialWorkflow: false, plugins: [{ name: 'named', studioName: 'A&B <Co>' }] })
    try {
      const words = await signInWords(t)
      assert.deepEqual(words.provider, ['A&B <Co> account'])
      assert.equal(words.heading, 'Sign in to A&#38;B &#60;Co&#62; Studio')
    } finally {
      await t.stop()
    }
  })
})
