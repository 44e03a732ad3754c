import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http2 from 'node:http2'
import path from 'node:path'
import { checkServerIdentity } from 'node:tls'
import { after, before, describe, test } from 'node:test'
import { promisify } from 'node:util'
import { startTestLake } from './helpers'
import type { TestLake } from './helpers'

type H2Response = { status: number; headers: http2.IncomingHttpHeaders; body: string }

function h2Request(session: http2.ClientHttp2Session, headers: http2.OutgoingHttpHeaders, until?: RegExp): Promise<H2Response> {
  return new Promise((resolve, reject) => {
    const stream = session.request(headers)
    let responseHeaders: http2.IncomingHttpHeaders = {}
    let body = ''
    stream.setEncoding('utf8')
    stream.on('response', (received) => {
      responseHeaders = received
    })
    stream.on('data', (chunk: string) => {
      body += chunk
      // For streams that never end (SSE), stop once the expected text arrived.
      if (until?.test(body)) {
        stream.close()
        resolve({ status: Number(responseHeaders[':status']), headers: responseHeaders, body })
      }
    })
    stream.on('end', () => resolve({ status: Number(responseHeaders[':status']), headers: responseHeaders, body }))
    stream.on('error', reject)
    stream.end()
  })
}

describe('transport and errors', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake()
    await t.editor.create({ _id: 'trip-1', _type: 'trip', title: 'Paris' })
  })
  after(() => t.stop())

  test('the HTTPS port speaks HTTP/2 (queries and listener streams)', async () => {
    const session = http2.connect(t.lake.httpsUrl, { rejectUnauthorized: false })
    try {
      await new Promise<void>((resolve, reject) => {
        session.once('connect', () => resolve())
        session.once('error', reject)
      })
      assert.equal(session.alpnProtocol, 'h2')
      const query = await h2Request(session, {
        ':method': 'GET',
        ':path': `/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_type == "trip"][0].title')}`,
        // The client's project subdomain; any host is the same lake.
        ':authority': `local.localhost:${t.lake.port}`,
      })
      assert.equal(query.status, 200)
      assert.equal((JSON.parse(query.body) as { result: string }).result, 'Paris')
      const listen = await h2Request(
        session,
        {
          ':method': 'GET',
          ':path': `/v2025-02-19/data/listen/production?query=${encodeURIComponent('*')}`,
          authorization: `Bearer ${t.tokens.viewer}`,
        },
        /event: welcome/,
      )
      assert.equal(listen.status, 200)
      assert.match(String(listen.headers['content-type']), /text\/event-stream/)
    } finally {
      session.close()
    }
  })

  test('the HTTPS port still answers HTTP/1.1 clients', async () => {
    const { request } = await import('node:https')
    const status = await new Promise<number>((resolve, reject) => {
      request(`${t.lake.httpsUrl}/ping`, { rejectUnauthorized: false }, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
        .on('error', reject)
        .end()
    })
    assert.equal(status, 200)
  })

  test('ping endpoints', async () => {
    assert.equal((await fetch(`${t.lake.httpUrl}/ping`)).status, 200)
    assert.equal((await fetch(`${t.lake.httpUrl}/v2025-03-01/ping?tag=sanity.studio.protocol-check`)).status, 200)
    const ping = await fetch(`${t.lake.httpUrl}/v1/data/ping/production`)
    assert.equal(ping.status, 200)
    assert.equal(ping.headers.get('x-sanity-shard'), 'local')
  })

  test('X-Sanity-Project-ID and odd Host headers are accepted', async () => {
    const response = await fetch(`${t.lake.httpUrl}/v1/data/query/production?query=count(*)`, {
      headers: { 'x-sanity-project-id': 'local', host: 'local.api.example' },
    })
    assert.equal(response.status, 200)
  })

  test('unknown routes are 404 JSON', async () => {
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/nope/nothing`)
    assert.equal(response.status, 404)
    assert.match(String(response.headers.get('content-type')), /application\/json/)
    const body = (await response.json()) as { error: { type: string; description: string } }
    assert.equal(body.error.type, 'notFoundError')
  })

  test('an oversize body is a 413 JSON error', async () => {
    const huge = JSON.stringify({ mutations: [{ create: { _type: 'blob', data: 'x'.repeat(11 * 1024 * 1024) } }] })
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.editor}` },
      body: huge,
    })
    assert.equal(response.status, 413)
    const body = (await response.json()) as { error: { type: string } }
    assert.equal(typeof body.error.type, 'string')
  })

  test('malformed JSON is a 400 without internals, and the server keeps serving', async () => {
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.editor}` },
      body: '{"mutations": [',
    })
    assert.equal(response.status, 400)
    const text = await response.text()
    assert.doesNotMatch(text, /at .*\.(ts|js):\d+/, 'no stack trace')
    assert.ok(JSON.parse(text).error)
    assert.equal(await t.viewer.fetch('count(*)'), 1)
  })

  test('CORS: allowed origins are echoed with credentials, preflights get 204', async () => {
    const preflight = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/query/production`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3333',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,x-sanity-app',
      },
    })
    assert.equal(preflight.status, 204)
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://localhost:3333')
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true')
    assert.match(String(preflight.headers.get('access-control-allow-headers')), /authorization,x-sanity-app/)
    // Listener streams bypass Fastify's reply, so their CORS headers are copied by hand.
    const controller = new AbortController()
    const listen = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/listen/production?query=*`, {
      headers: { origin: 'http://127.0.0.1:3000' },
      signal: controller.signal,
    })
    assert.equal(listen.headers.get('access-control-allow-origin'), 'http://127.0.0.1:3000')
    assert.equal(listen.headers.get('access-control-allow-credentials'), 'true')
    controller.abort()
    const denied = await fetch(`${t.lake.httpUrl}/ping`, { headers: { origin: 'http://evil.example' } })
    assert.equal(denied.headers.get('access-control-allow-origin'), null)
  })
})

/**
 * A Node client given only `apiHost: lake.httpsUrl` (as Sanity's starters are configured) calls the
 * project subdomain, https://local.localhost:PORT, and checks the certificate against that name.
 */
describe('HTTPS for a client with only apiHost', () => {
  let t: TestLake
  before(async () => {
    t = await startTestLake({ editorialWorkflow: false })
    await t.editor.create({ _id: 'post-1', _type: 'post', title: 'Hello' })
  })
  after(() => t.stop())

  test("the certificate names the project subdomain Node's TLS checks (it takes no *.localhost)", () => {
    const cert = new X509Certificate(readFileSync(path.join(t.dir, 'tls-cert.pem')))
    const peer = { subject: { CN: 'localhost' }, subjectaltname: cert.subjectAltName } as Parameters<typeof checkServerIdentity>[1]
    assert.equal(checkServerIdentity('localhost', peer), undefined)
    assert.equal(checkServerIdentity('local.localhost', peer)?.message, undefined)
  })

  test('@sanity/client with apiHost only (project hostname on) reads over HTTPS, trusting the lake certificate', async () => {
    // *.localhost is loopback (RFC 6761) where systemd-resolved or nss-myhostname answers; glibc
    // alone does not, so the child resolves it as they would. Nothing else is changed.
    const script = `
      const dns = await import('node:dns')
      const lookup = dns.default.lookup
      dns.default.lookup = (host, ...rest) => lookup(host.endsWith('.localhost') ? 'localhost' : host, ...rest)
      const { createClient } = await import('@sanity/client')
      const client = createClient({ projectId: 'local', dataset: 'production', apiHost: process.argv[1], apiVersion: '2025-02-19', useCdn: false, token: process.argv[2] })
      const title = await client.fetch('*[_id == "post-1"][0].title')
      process.stdout.write(JSON.stringify({ url: client.config().url, title }))
    `
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, t.lake.httpsUrl, t.tokens.viewer], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(t.dir, 'tls-cert.pem') },
    }).catch((error: { stderr?: string }) => assert.fail(error.stderr ?? String(error)))
    const result = JSON.parse(stdout) as { url: string; title: string }
    assert.equal(result.url, `${t.lake.httpsUrl.replace('https://localhost', 'https://local.localhost')}/v2025-02-19`)
    assert.equal(result.title, 'Hello')
  })
})
