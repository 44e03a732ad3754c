/**
 * cache/envoy.vcl in a real varnishd (as `npm run start:cached` renders and starts it), in front
 * of a small HTTP server that answers the way `next start` does (Surrogate-Key, s-maxage with
 * Next's year-long stale-while-revalidate, Set-Cookie from draft mode), and purged through the
 * portal's own purge client (lib/revalidation/sharedCache.ts).
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { purgeSharedCache } from '../../lib/revalidation/sharedCache'
import { freePort } from '../../scripts/lib/ports'
import { prepareVarnish } from '../../scripts/lib/varnish'

const SECRET = 'test-secret-0123456789abcdef'
const NEXT_CACHE_CONTROL = 's-maxage=60, stale-while-revalidate=31535940'

type Seen = { path: string; headers: IncomingHttpHeaders }

describe('the shared cache (cache/envoy.vcl in varnishd)', () => {
  const seen: Seen[] = []
  let backend: Server
  let varnish: ChildProcess
  let workDir: string
  let cacheUrl: string
  let version = 1

  const backendCalls = (path: string) => seen.filter((request) => request.path === path).length
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${cacheUrl}${path}`, { headers, redirect: 'manual' })
    return { status: response.status, cache: response.headers.get('x-cache'), headers: response.headers, body: await response.text() }
  }
  const purge = (keys: string[], secret = SECRET) => purgeSharedCache(keys, { port: 0, memory: '32m', purge: { url: `${cacheUrl}/`, secret } })

  before(async () => {
    const backendPort = await freePort()
    backend = createServer((request, response) => {
      const path = request.url ?? '/'
      seen.push({ path, headers: request.headers })
      const draft = /__prerender_bypass=/.test(request.headers.cookie ?? '')
      if (path.startsWith('/trips/')) {
        const slug = path.split('/')[2]
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': NEXT_CACHE_CONTROL, 'Surrogate-Key': `sanity trip:${slug}` })
        return void response.end(`<p>${draft ? 'DRAFT' : 'published'} ${slug} v${version}</p>`.padEnd(4000, ' '))
      }
      if (path.startsWith('/calendar/')) {
        // As the portal's calendars answer: browsers must revalidate, the cache may keep it when keyed.
        const keyed = path === '/calendar/keyed'
        response.writeHead(200, { 'Content-Type': 'text/calendar', 'Cache-Control': 'no-cache', ...(keyed ? { 'Surrogate-Key': 'sanity trip:tokyo' } : {}) })
        return void response.end(`BEGIN:VCALENDAR v${version}`)
      }
      if (path === '/sets-cookie') {
        response.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': NEXT_CACHE_CONTROL, 'Set-Cookie': 'a=b; Path=/' })
        return void response.end('cookie')
      }
      if (path.startsWith('/api/')) {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': NEXT_CACHE_CONTROL })
        return void response.end('{}')
      }
      response.writeHead(404, { 'Content-Type': 'text/html', 'Cache-Control': NEXT_CACHE_CONTROL, 'Surrogate-Key': 'sanity' })
      response.end('not found')
    })
    await new Promise<void>((resolve) => backend.listen(backendPort, '127.0.0.1', resolve))
    const port = await freePort()
    cacheUrl = `http://127.0.0.1:${port}`
    const run = prepareVarnish({ port, host: '127.0.0.1', backendPort, purgeSecret: SECRET, memory: '32m' })
    workDir = run.workDir
    varnish = spawn(`exec ${run.command}`, { shell: true, stdio: 'ignore', detached: true })
    const deadline = Date.now() + 20_000
    for (;;) {
      try {
        await fetch(`${cacheUrl}/up`)
        break
      } catch {
        if (Date.now() > deadline) throw new Error(`varnishd did not start (${run.command})`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
  })

  after(() => {
    if (varnish?.pid) process.kill(-varnish.pid, 'SIGTERM')
    backend?.close()
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  })

  it('serves a page from the cache after the first request, compressed by the cache once', async () => {
    const first = await get('/trips/tokyo', { 'accept-encoding': 'gzip' })
    const second = await get('/trips/tokyo', { 'accept-encoding': 'gzip' })
    assert.equal(first.cache, 'MISS')
    assert.equal(second.cache, 'HIT')
    assert.equal(second.headers.get('content-encoding'), 'gzip')
    assert.match(second.body, /published tokyo v1/)
    assert.equal(backendCalls('/trips/tokyo'), 1)
    // The portal is asked for plain bytes; the surrogate keys stay between portal and cache.
    assert.equal(seen.find((request) => request.path === '/trips/tokyo')?.headers['accept-encoding'], undefined)
    assert.equal(second.headers.get('surrogate-key'), null)
    assert.equal(second.headers.get('xkey'), null)
    // A client that takes no gzip gets the same page, unzipped by the cache.
    assert.match((await get('/trips/tokyo', { 'accept-encoding': 'identity' })).body, /published tokyo v1/)
  })

  it('purges exactly the pages of the purged keys, and only with the secret', async () => {
    await get('/trips/osaka')
    await get('/trips/tokyo')
    version = 2
    await assert.rejects(purge(['trip:tokyo'], 'wrong-secret-0123456789'), /403/)
    assert.equal((await get('/trips/tokyo')).cache, 'HIT')
    const forged = await fetch(`${cacheUrl}/`, { method: 'PURGE', headers: { 'X-Envoy-Purge-Keys': 'sanity' } })
    assert.equal(forged.status, 403)

    assert.equal(await purge(['trip:tokyo', 'list:trip']), 1)
    const tokyo = await get('/trips/tokyo')
    assert.equal(tokyo.cache, 'MISS')
    assert.match(tokyo.body, /published tokyo v2/)
    const osaka = await get('/trips/osaka')
    assert.equal(osaka.cache, 'HIT')
    assert.match(osaka.body, /v1/)
    // The site-wide key reaches every page.
    assert.ok(((await purge(['sanity'])) ?? 0) >= 2)
    assert.equal((await get('/trips/osaka')).cache, 'MISS')
  })

  it('never serves a preview request from the cache, and never keeps its page', async () => {
    await get('/trips/kyoto')
    const calls = backendCalls('/trips/kyoto')
    for (const cookie of ['__prerender_bypass=x', 'a=1; __next_preview_data=x', 'envoy-preview=x', 'envoy-share=x', 'sanity-preview-perspective=drafts']) {
      const preview = await get('/trips/kyoto', { cookie: cookie.includes('__prerender_bypass') ? cookie : `__prerender_bypass=x; ${cookie}` })
      assert.equal(preview.cache, 'PASS', cookie)
      assert.match(preview.body, /DRAFT/)
      const staffOnly = await get('/trips/kyoto', { cookie })
      assert.equal(staffOnly.cache, 'PASS', cookie)
    }
    assert.equal(backendCalls('/trips/kyoto'), calls + 10)
    const reader = await get('/trips/kyoto')
    assert.equal(reader.cache, 'HIT')
    assert.doesNotMatch(reader.body, /DRAFT/)
  })

  it('drops other cookies, so a reader with one still gets the cached page', async () => {
    await get('/trips/nara')
    const withCookie = await get('/trips/nara', { cookie: '_ga=GA1.1.1' })
    assert.equal(withCookie.cache, 'HIT')
  })

  it('does not keep a response that sets a cookie, nor the API', async () => {
    await get('/sets-cookie')
    const second = await get('/sets-cookie')
    assert.equal(second.cache, 'PASS')
    assert.equal(backendCalls('/sets-cookie'), 2)
    await get('/api/revalidate')
    assert.equal((await get('/api/revalidate')).cache, 'PASS')
    assert.equal(backendCalls('/api/revalidate'), 2)
  })

  it('keeps a no-cache response only when it names its surrogate keys, and still hands browsers no-cache', async () => {
    await get('/calendar/keyed')
    const keyed = await get('/calendar/keyed')
    assert.equal(keyed.cache, 'HIT')
    assert.equal(keyed.headers.get('cache-control'), 'no-cache')
    await get('/calendar/unkeyed')
    assert.equal((await get('/calendar/unkeyed')).cache, 'PASS')
    await purge(['trip:tokyo'])
    assert.equal((await get('/calendar/keyed')).cache, 'MISS')
  })

  it("keeps a junk URL's 404 for ten seconds at most, never for Next's year of stale-while-revalidate", async () => {
    await get('/no-such-page-123')
    assert.equal((await get('/no-such-page-123')).cache, 'HIT')
    await new Promise((resolve) => setTimeout(resolve, 11_000))
    assert.equal((await get('/no-such-page-123')).cache, 'MISS')
    assert.equal(backendCalls('/no-such-page-123'), 2)
  })
})
