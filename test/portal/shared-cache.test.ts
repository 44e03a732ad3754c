/**
 * cache/envoy.vcl in a real varnishd (as `npm run start:cached` renders and starts it), in front
 * of a small HTTP server that answers the way `next start` does (Surrogate-Key, s-maxage with
 * Next's year-long stale-while-revalidate, Set-Cookie from draft mode), and purged through the
 * portal's own purge client (lib/revalidation/sharedCache.ts): what readers get from a purged page
 * while its new render runs, when that render fails, and once its grace is over.
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
  /** The version of the /synced/* answers, counted apart so the other tests' versions stay theirs. */
  let syncedVersion = 1
  /** While set, the backend holds its answers for /trips/held-* until it resolves (a slow render). */
  let held: Promise<void> | undefined
  /** Paths the backend answers with 500 (a render that fails). */
  const failing = new Set<string>()

  const backendCalls = (path: string) => seen.filter((request) => request.path === path).length
  const get = async (path: string, headers: Record<string, string> = {}) => {
    // A reader that would wait on a held render gives up, and the test says so, instead of hanging.
    const response = await fetch(`${cacheUrl}${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(5_000) })
    return { status: response.status, cache: response.headers.get('x-cache'), headers: response.headers, body: await response.text() }
  }
  /** Reads until the cache serves the new render of `path` from its store (it runs in the background after a purge). */
  const untilFresh = async (path: string, body: RegExp) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const answer = await get(path)
      if (answer.cache === 'HIT' && body.test(answer.body)) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    assert.fail(`${path} was never served fresh from the cache (${body})`)
  }
  const purge = (keys: string[], secret = SECRET) => purgeSharedCache(keys, { port: 0, memory: '32m', purge: { url: `${cacheUrl}/`, secret } })

  before(async () => {
    const backendPort = await freePort()
    backend = createServer(async (request, response) => {
      const path = request.url ?? '/'
      seen.push({ path, headers: request.headers })
      const draft = /__prerender_bypass=/.test(request.headers.cookie ?? '')
      if (path.startsWith('/trips/held-') && held) await held
      if (failing.has(path)) {
        response.writeHead(500, { 'Content-Type': 'text/html', 'Cache-Control': 'private, no-cache, no-store' })
        return void response.end('render failed')
      }
      if (path.startsWith('/trips/')) {
        const slug = path.split('/')[2]
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': NEXT_CACHE_CONTROL, 'Surrogate-Key': `sanity trip:${slug}` })
        return void response.end(`<p>${draft ? 'DRAFT' : 'published'} ${slug} v${version}</p>`.padEnd(4000, ' '))
      }
      if (path.startsWith('/synced/')) {
        // As an answer Next cached: the route's keys, and the sync tags of what it read (lib/cache/isrCacheHandler.mjs).
        response.writeHead(200, {
          'Content-Type': 'text/html',
          'Cache-Control': NEXT_CACHE_CONTROL,
          'Surrogate-Key': 'sanity trip:synced',
          'X-Envoy-Sync-Keys': `sanity:s1:${path.slice(8)} sanity:s1:shared`,
        })
        return void response.end(`synced ${path} v${syncedVersion}`)
      }
      if (path.startsWith('/calendar/')) {
        // As the portal's calendars answer: browsers must revalidate, the cache may keep it when keyed.
        const keyed = path === '/calendar/keyed'
        response.writeHead(200, { 'Content-Type': 'text/calendar', 'Cache-Control': 'no-cache', ...(keyed ? { 'Surrogate-Key': 'sanity trip:tokyo' } : {}) })
        return void response.end(`BEGIN:VCALENDAR v${version}`)
      }
      if (path.startsWith('/search')) {
        // As the portal's search answers (lib/revalidation/surrogateKeys.ts): no-store for browsers, a few seconds for the cache.
        const told = !path.includes('untold')
        response.writeHead(200, {
          'Content-Type': 'text/html',
          'Cache-Control': 'private, no-cache, no-store, max-age=0, must-revalidate',
          'Surrogate-Key': 'sanity list:trip',
          ...(told ? { 'Surrogate-Control': 'max-age=2' } : {}),
        })
        return void response.end(`results v${version}`)
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
    const calls = backendCalls('/trips/tokyo')
    // The first reader after the purge gets the previous page at once and starts the new render...
    assert.equal((await get('/trips/tokyo')).cache, 'STALE')
    await untilFresh('/trips/tokyo', /published tokyo v2/)
    assert.equal(backendCalls('/trips/tokyo'), calls + 1)
    // ...and the untouched page is still the cached one.
    const osaka = await get('/trips/osaka')
    assert.equal(osaka.cache, 'HIT')
    assert.match(osaka.body, /v1/)
    // The site-wide key reaches every page.
    assert.ok(((await purge(['sanity'])) ?? 0) >= 2)
    assert.equal((await get('/trips/osaka')).cache, 'STALE')
    await untilFresh('/trips/osaka', /published osaka v2/)
  })

  it('purges an answer by the sync tags it names as well as by its route keys, and tells readers neither', async () => {
    for (const path of ['/synced/a', '/synced/b']) await get(path)
    assert.equal((await get('/synced/a')).cache, 'HIT')
    const answer = await get('/synced/b')
    assert.equal(answer.headers.get('x-envoy-sync-keys'), null)
    assert.equal(answer.headers.get('xkey'), null)
    const bothFresh = async () => {
      syncedVersion++
      for (const path of ['/synced/a', '/synced/b']) await untilFresh(path, new RegExp(`v${syncedVersion}$`))
    }
    // A tag both read, and the route's key, each purge both.
    assert.equal(await purge(['sanity:s1:shared']), 2)
    await bothFresh()
    assert.equal(await purge(['trip:synced']), 2)
    await bothFresh()
    // A live event naming a's own tag purges a alone.
    assert.equal(await purge(['sanity:s1:a']), 1)
    assert.equal((await get('/synced/b')).cache, 'HIT')
  })

  it("answers a purged page's readers at once while its new render runs, and every reader after it gets the new page", async () => {
    const path = '/trips/held-rome'
    await get(path)
    version = 3
    let release = () => {}
    held = new Promise<void>((resolve) => (release = resolve))
    try {
      await purge(['trip:held-rome'])
      // The render is held: none of these could be answered if they waited on it.
      const during = await Promise.all(Array.from({ length: 5 }, () => get(path)))
      for (const reader of during) {
        assert.equal(reader.status, 200)
        assert.equal(reader.cache, 'STALE')
        assert.match(reader.body, /published held-rome v2/)
      }
      assert.equal(backendCalls(path), 2, 'one render for all of them')
    } finally {
      release()
      held = undefined
    }
    await untilFresh(path, /published held-rome v3/)
    for (let reader = 0; reader < 5; reader++) assert.match((await get(path)).body, /published held-rome v3/)
    assert.equal(backendCalls(path), 2)
  })

  it("keeps serving the previous page while its new render fails, rather than the portal's error", async () => {
    const path = '/trips/lisbon'
    await get(path)
    failing.add(path)
    try {
      await purge(['trip:lisbon'])
      for (let reader = 0; reader < 3; reader++) {
        const answer = await get(path)
        assert.equal(answer.status, 200)
        assert.match(answer.body, /published lisbon/)
        // Let the background render fail before the next reader.
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      assert.ok(backendCalls(path) >= 2, 'the cache tried the render again')
    } finally {
      failing.delete(path)
    }
    await untilFresh(path, /published lisbon/)
  })

  it('never hands out a purged page once its grace after the first purge has passed, even to the first reader after a quiet spell', async () => {
    const path = '/trips/quiet'
    await get(path)
    const before = version
    version += 1
    await purge(['trip:quiet'])
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    // A second publish meanwhile does not give the stale page another ten seconds.
    await purge(['trip:quiet'])
    await new Promise((resolve) => setTimeout(resolve, 5_000))
    const reader = await get(path)
    assert.equal(reader.cache, 'MISS')
    assert.match(reader.body, new RegExp(`published quiet v${before + 1}`))
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
    assert.equal((await get('/calendar/keyed')).cache, 'STALE')
    await untilFresh('/calendar/keyed', /BEGIN:VCALENDAR/)
  })

  it('keeps a page browsers must not keep only for as long as Surrogate-Control tells it, and purges it by its keys', async () => {
    const path = '/search?q=japan'
    await get(path)
    const second = await get(path)
    assert.equal(second.cache, 'HIT')
    // Browsers are still told not to keep it, and the cache's instruction stays in the cache.
    assert.match(second.headers.get('cache-control') ?? '', /no-store/)
    assert.equal(second.headers.get('surrogate-control'), null)
    assert.equal(backendCalls(path), 1)
    version += 1
    await purge(['list:trip'])
    await untilFresh(path, new RegExp(`results v${version}`))
    // Past its two seconds (no publish needed), the cache renders it again.
    const calls = backendCalls(path)
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    assert.notEqual((await get(path)).cache, 'HIT')
    assert.ok(backendCalls(path) > calls)
    // Without the instruction, the same page passes every time.
    await get('/search?q=untold')
    assert.equal((await get('/search?q=untold')).cache, 'PASS')
  })

  it("keeps a junk URL's 404 for ten seconds at most, never for Next's year of stale-while-revalidate", async () => {
    await get('/no-such-page-123')
    assert.equal((await get('/no-such-page-123')).cache, 'HIT')
    await new Promise((resolve) => setTimeout(resolve, 11_000))
    assert.equal((await get('/no-such-page-123')).cache, 'MISS')
    assert.equal(backendCalls('/no-such-page-123'), 2)
  })
})
