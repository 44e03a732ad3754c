/**
 * Trust promises checked against the production build (`npm start`):
 *
 * 1. No leaks: drafts, unpublished documents and an expired share link carry unique markers; a
 *    crawler walks every public surface (pages reachable from the home page, the sitemap and
 *    search, feeds, calendars, Open Graph images, robots.txt, briefing PDFs' text, the anonymous
 *    lake API in every perspective, doc, listen, live, history and assets) and finds none. A
 *    published canary with its own marker proves the crawler can see what is public.
 * 4. Bad input on the portal: odd slugs, dates and query strings get a proper page, never a 5xx.
 * 5. Security headers: CSP without violations on every template, frame-ancestors letting only the
 *    Studio frame the portal, HSTS in production, share-link cookies HttpOnly + SameSite.
 * 6. Stays up: with the lake stopped, a second portal on the same build keeps serving the pages it
 *    rendered and shows a friendly error page for the rest, and recovers when the lake returns.
 */
import { pdfPageTexts } from './support/pdf'
import { EDITORIAL_PLUGIN } from '../scripts/lib/processes'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { E2E } from './support/env'
import { expect, test } from './support/test'
import type { SanityClient } from '@sanity/client'
import sharp from 'sharp'
import { hashShareToken } from '../editorial/share-rules'
import { createLakeToken, lakeClient } from './support/lake'
import { freePort } from '../scripts/lib/ports'

const MARK = `zqleak${randomBytes(4).toString('hex')}`
const MARKERS = { draft: `${MARK}draft`, unpublished: `${MARK}unpub`, share: `${MARK}share`, meeting: `${MARK}meeting`, official: `${MARK}official` }
const CANARY = `${MARK}canary`

test.describe.configure({ mode: 'serial' })

function lakeUrl(pathname: string): string {
  return `http://127.0.0.1:${process.env.LAKE_HTTP_PORT}${pathname}`
}

test.describe('no leaks', () => {
  let unpublishedSlug = ''
  let expiredToken = ''
  /** The image the published canary shows: the asset scan below must be able to fetch it. */
  let canaryImage = ''
  let editor: SanityClient
  /** What beforeAll wrote, removed by afterAll so no other spec meets it. */
  const written: string[] = []

  test.beforeAll(async () => {
    editor = lakeClient(createLakeToken('editor', `trust-leaks-${MARK}`))
    // The spec uploads the image it needs (the seed has none), so it stands without the Studio spec.
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .png()
      .toBuffer()
    const asset = await editor.assets.upload('image', png, { filename: `canary-${MARK}.png` })
    canaryImage = asset._id
    const trip = await editor.fetch<Record<string, unknown> & { _id: string }>('*[_type == "trip" && !(_id in path("drafts.**"))][0]')
    const official = await editor.fetch<Record<string, unknown> & { _id: string }>('*[_type == "official" && !(_id in path("drafts.**"))][0]')
    const meeting = await editor.fetch<Record<string, unknown> & { _id: string }>('*[_type == "meeting" && !(_id in path("drafts.**"))][0]')
    unpublishedSlug = `trust-${MARK}`
    const strip = ({ _rev: _r, _createdAt: _c, _updatedAt: _u, ...rest }: Record<string, unknown>) => rest
    expiredToken = randomBytes(32).toString('base64url')
    await editor
      .transaction()
      // A draft over a published trip, meeting and official: the public must keep seeing the published text.
      .createOrReplace({ ...strip(trip), _id: `drafts.${trip._id}`, title: `${trip.title as string} ${MARKERS.draft}`, summary: MARKERS.draft } as never)
      .createOrReplace({ ...strip(meeting), _id: `drafts.${meeting._id}`, title: `${MARKERS.meeting} talks`, notes: MARKERS.meeting } as never)
      .createOrReplace({ ...strip(official), _id: `drafts.${official._id}`, name: `${MARKERS.official} Person` } as never)
      // A trip that was never published, with its own slug.
      .createOrReplace({
        ...strip(trip),
        _id: `drafts.trust-unpublished-${MARK}`,
        title: `${MARKERS.unpublished} trip`,
        summary: MARKERS.unpublished,
        slug: { _type: 'slug', current: unpublishedSlug },
      } as never)
      // An expired share link to it.
      .createOrReplace({
        _id: `envoy-share.trust${MARK}`,
        _type: 'system.envoyShareLink',
        documentId: `trust-unpublished-${MARK}`,
        documentType: 'trip',
        tokenHash: await hashShareToken(expiredToken),
        expiresAt: '2020-01-01T00:00:00Z',
        publishedRev: null,
        note: MARKERS.share,
      })
      // The canary: published, so every scan below must be able to find it.
      .createOrReplace({
        _id: `trust-canary-${MARK}`,
        _type: 'official',
        name: `${CANARY} Canary`,
        slug: { _type: 'slug', current: `canary-${MARK}` },
        portrait: { _type: 'image', asset: { _type: 'reference', _ref: canaryImage }, alt: 'Canary portrait' },
      })
      .commit()
    written.push(`drafts.${trip._id}`, `drafts.${meeting._id}`, `drafts.${official._id}`, `drafts.trust-unpublished-${MARK}`, `envoy-share.trust${MARK}`, `trust-canary-${MARK}`)
  })

  test.afterAll(async () => {
    const tx = editor.transaction()
    for (const id of written) tx.delete(id)
    await tx.commit()
    await editor.delete(canaryImage)
  })

  test('the crawler finds no marker on any public surface, and finds the published canary', async ({ request }) => {
    test.setTimeout(300_000)
    const found: string[] = []
    const visited = new Map<string, number>()
    const kinds = new Set<string>()
    let canarySeen = false
    const scan = (where: string, raw: string) => {
      // Search pages echo the query ("Search results for …"): only what else the page shows counts.
      const q = new URL(where, 'http://x').searchParams.get('q')
      const text = q ? raw.split(q).join('') : raw
      for (const [name, marker] of Object.entries(MARKERS)) if (text.includes(marker)) found.push(`${name} marker on ${where}`)
      if (text.includes(`/officials/canary-${MARK}`)) canarySeen = true
    }

    const queue: string[] = [
      '/',
      '/robots.txt',
      '/sitemap.xml',
      '/feed.xml',
      '/briefing-book.pdf',
      `/search?q=${MARK}`,
      `/search?q=${MARKERS.draft}`,
      `/search?q=${CANARY}`,
      `/trips/${unpublishedSlug}`,
      `/trips/${unpublishedSlug}/briefing`,
      `/trips/${unpublishedSlug}/briefing.pdf`,
      `/trips/${unpublishedSlug}/calendar.ics`,
      `/trips/${unpublishedSlug}/opengraph-image`,
      `/share/${expiredToken}`,
    ]
    const enqueue = (href: string) => {
      const url = new URL(href, 'http://portal.invalid')
      if (url.host !== 'portal.invalid' && url.origin !== new URL(test.info().project.use.baseURL ?? 'http://x').origin) return
      const target = `${url.pathname}${url.search}`
      if (target.startsWith('/_next/') || target.startsWith('/api/draft-mode') || visited.has(target) || queue.includes(target)) return
      queue.push(target)
      // Derived public surfaces of a trip or an official page.
      const trip = /^\/trips\/([^/?]+)$/.exec(url.pathname)
      if (trip) for (const suffix of ['/calendar.ics', '/opengraph-image', '/briefing.pdf', '/briefing']) enqueue(`${url.pathname}${suffix}`)
      const official = /^\/officials\/([^/?]+)$/.exec(url.pathname)
      if (official) for (const suffix of ['/feed.xml', '/calendar.ics']) enqueue(`${url.pathname}${suffix}`)
    }

    while (queue.length > 0 && visited.size < 400) {
      const target = queue.shift() as string
      const response = await request.get(target, { maxRedirects: 0, timeout: 120_000 })
      visited.set(target, response.status())
      expect(response.status(), target).toBeLessThan(500)
      const type = response.headers()['content-type'] ?? ''
      const body = await response.body()
      if (type.includes('application/pdf')) {
        kinds.add('pdf')
        scan(target, (await pdfPageTexts(body)).join('\n'))
        continue
      }
      if (type.startsWith('image/')) {
        // Open Graph images are drawn from the page's published data; their bytes carry no text to scan.
        kinds.add('image')
        continue
      }
      const text = body.toString('utf8')
      scan(target, text)
      if (type.includes('calendar')) kinds.add('ics')
      if (type.includes('xml')) kinds.add('xml')
      if (type.includes('html')) {
        kinds.add('html')
        for (const match of text.matchAll(/\shref="([^"#]+)"/g)) enqueue((match[1] as string).replace(/&amp;/g, '&'))
        for (const match of text.matchAll(/<meta property="og:image" content="([^"]+)"/g)) enqueue(match[1] as string)
      }
      if (target === '/sitemap.xml') for (const match of text.matchAll(/<loc>([^<]+)<\/loc>/g)) enqueue(match[1] as string)
    }
    console.log(`# crawled ${visited.size} portal addresses (${[...kinds].join(', ')})`)
    expect(visited.size).toBeGreaterThan(20)
    expect([...kinds].sort()).toEqual(['html', 'ics', 'image', 'pdf', 'xml'])
    // The unpublished trip's addresses are plain 404s; the expired link is gone.
    expect(visited.get(`/trips/${unpublishedSlug}`)).toBe(404)
    expect(visited.get(`/trips/${unpublishedSlug}/calendar.ics`)).toBe(404)
    expect([404, 410]).toContain(visited.get(`/share/${expiredToken}`))
    expect(canarySeen, 'the published canary shows in search: the crawler can see public content').toBe(true)
    expect(found).toEqual([])
  })

  test('the anonymous lake API shows no marker: every perspective, doc, listen, live, history, assets', async ({ request }) => {
    const found: string[] = []
    let canarySeen = false
    const scan = (where: string, text: string) => {
      for (const [name, marker] of Object.entries(MARKERS)) if (text.includes(marker)) found.push(`${name} marker in ${where}`)
      if (text.includes(CANARY)) canarySeen = true
    }
    for (const perspective of ['published', 'drafts', 'previewDrafts', 'raw', 'drafts,published']) {
      const response = await request.get(lakeUrl(`/v2025-02-19/data/query/production?query=${encodeURIComponent('*')}&perspective=${perspective}`))
      expect(response.status()).toBe(200)
      scan(`query (${perspective})`, await response.text())
    }
    const post = await request.post(lakeUrl('/v2025-02-19/data/query/production'), { data: { query: '*[_id in path("**")]', perspective: 'raw' } })
    expect(post.status()).toBe(200)
    scan('POST query', await post.text())
    const ids = [`drafts.trust-unpublished-${MARK}`, `envoy-share.trust${MARK}`, `trust-unpublished-${MARK}`]
    const doc = await request.get(lakeUrl(`/v2025-02-19/data/doc/production/${ids.join(',')}`))
    expect(doc.status()).toBe(200)
    const docText = await doc.text()
    scan('doc', docText)
    expect(JSON.parse(docText).omitted).toContainEqual({ id: `drafts.trust-unpublished-${MARK}`, reason: 'permission' })
    for (const history of [
      `/data/history/production/transactions/${ids[0]}`,
      `/data/history/production/documents/${ids[0]}?lastRevision=true`,
      `/data/history/production/events/documents/${ids[0]}`,
    ]) {
      const response = await request.get(lakeUrl(`/v2025-02-19${history}`))
      expect(response.status(), history).toBe(401)
      scan(history, await response.text())
    }
    // Assets are public (as on Sanity's CDN): none may be reachable that a query does not list.
    const assets = await request.get(lakeUrl(`/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_type in ["sanity.imageAsset", "sanity.fileAsset"]].url')}`))
    expect(assets.status()).toBe(200)
    const listed = ((await assets.json()) as { result: string[] }).result
    expect(
      listed.some((url) => url.includes(canaryImage.replace(/^image-/, '').replace(/-png$/, ''))),
      'the canary portrait is listed',
    ).toBe(true)
    for (const url of listed.slice(0, 20)) {
      const asset = await request.get(lakeUrl(new URL(url).pathname), { ignoreHTTPSErrors: true })
      expect(asset.status(), url).toBe(200)
    }
    // Listeners: an anonymous listener on everything sees no draft edit and no share-link write.
    const editor = lakeClient(createLakeToken('editor', `trust-listen-${MARK}`))
    const controller = new AbortController()
    const listen = await fetch(lakeUrl(`/v2025-02-19/data/listen/production?query=${encodeURIComponent('*')}&includeResult=true`), { signal: controller.signal })
    const live = await fetch(lakeUrl('/v2025-02-19/data/live/events/production'), { signal: controller.signal })
    expect([listen.status, live.status]).toEqual([200, 200])
    expect((await request.get(lakeUrl('/v2025-02-19/data/live/events/production?includeDrafts=true'))).status()).toBe(401)
    // Each stream is read until the published canary's edit (the last write) has reached the
    // listener, so every earlier event has arrived too; a deadline keeps a silent stream bounded.
    let canaryHeard = 0
    const read = async (response: Response, isListener: boolean) => {
      const reader = (response.body as ReadableStream<Uint8Array>).getReader()
      let text = ''
      const deadline = Date.now() + 20_000
      // One read in flight at a time: a read abandoned to the timer would swallow the chunk it gets.
      let pending = reader.read()
      while (Date.now() < deadline && !(canaryHeard && Date.now() > canaryHeard + 500)) {
        const chunk = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), 250))])
        if (chunk?.done) break
        if (chunk) {
          text += new TextDecoder().decode(chunk.value)
          pending = reader.read()
        }
        if (isListener && !canaryHeard && text.includes(`${CANARY} edited`)) canaryHeard = Date.now()
      }
      return text
    }
    const streams = Promise.all([read(listen, true), read(live, false)])
    await editor
      .patch(`drafts.trust-unpublished-${MARK}`)
      .set({ notes: `${MARKERS.unpublished} edited` })
      .commit()
    await editor
      .patch(`envoy-share.trust${MARK}`)
      .set({ note: `${MARKERS.share} edited` })
      .commit()
    await editor
      .patch(`trust-canary-${MARK}`)
      .set({ role: `${CANARY} edited` })
      .commit()
    const [listenText, liveText] = await streams
    controller.abort()
    scan('listen', listenText)
    scan('live events', liveText)
    expect(listenText, 'the listener works: it saw the published canary edit').toContain(`${CANARY} edited`)
    expect(canarySeen).toBe(true)
    expect(found).toEqual([])
  })
})

test.describe('bad input on the portal', () => {
  const ODD = [
    '/trips/..%2F..%2Fetc%2Fpasswd',
    '/trips/%00',
    '/trips/%E2%80%AE',
    `/trips/${'a'.repeat(2000)}`,
    '/trips/<script>alert(1)<%2Fscript>',
    '/trips/drafts.anything',
    "/trips/'%20OR%201=1--",
    '/trips/2021-03-tokyo-2plus2/briefing/%20',
    '/trips/2021-03-tokyo-2plus2/briefing/drafts.x',
    '/trips/nope/calendar.ics',
    '/trips/nope/briefing.pdf',
    '/trips/nope/opengraph-image',
    '/officials/%F0%9F%92%A9',
    '/officials/nope/feed.xml',
    '/officials/nope/calendar.ics',
    '/countries/..',
    '/countries/%2e%2e',
    '/trips?year=abcd',
    '/trips?year=-1',
    '/trips?year=99999999999999999999',
    '/trips?year=2021&year=2022',
    '/trips?country=%00&official=%FF',
    '/trips?topic[]=x',
    '/trips?page=-5',
    '/facts?topic=<b>&country=../../',
    '/facts?from=2021-02-30&to=not-a-date',
    '/search?q=' + 'x'.repeat(5000),
    '/search?q=%22%7D%5D%2A%5B',
    '/search?q=*[_type=="trip"]',
    '/search?q=$param',
    '/search?q=%E0%A4%A',
    '/search?q[]=1&q[]=2',
    '/feed.xml?limit=-1',
    '/sitemap.xml?x=%00',
    '/share/not-a-token',
    `/share/${'a'.repeat(43)}`,
    '/share/..%2F..%2F',
    '/briefing-book?date=2021-13-45',
    '/api/revalidate',
  ]

  test('odd slugs, dates and query strings get a proper page, never a server error', async ({ request }) => {
    const problems: string[] = []
    for (const target of ODD) {
      const response = await request.get(target, { maxRedirects: 0 })
      const status = response.status()
      const text = await response.text()
      if (status >= 500) problems.push(`${target}: ${status}`)
      // A proper page: the site's not-found page, or a route's own titled page (share links: "Preview link not found").
      else if (status >= 400 && (response.headers()['content-type'] ?? '').includes('html') && !/Page not found|<h1[^>]*>[^<]*(not found|no longer|expired)/i.test(text))
        problems.push(`${target}: ${status} without a proper error page`)
      if (/at .*\.(js|ts):\d+|node_modules|Error: /.test(text)) problems.push(`${target}: a stack trace or internal error text`)
    }
    expect(problems).toEqual([])
  })

  // Requests Next.js itself cannot read (lib/http/malformed.ts, proxy.ts): each was a bare 500
  // without the security headers, on every page rendered per request.
  const validState = encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }]))
  const BAD_STATES = ['%7Bbad', '["x"]', '%E0%A4%A', encodeURIComponent('["",{"children":["__PAGE__",{}]},null,null,true]'), encodeURIComponent(`${'['.repeat(500)}${']'.repeat(500)}`)]
  const COUSINS: Record<string, string>[] = [
    { RSC: '2' },
    { RSC: '1', 'Next-Router-Prefetch': '9', 'Next-Router-State-Tree': validState },
    { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-Segment-Prefetch': '/../%%' },
    { RSC: '1', 'Next-Router-Segment-Prefetch': '/_tree' },
    { RSC: '1', 'Next-Url': '%E0%A4%A', 'Next-Router-State-Tree': validState },
    { 'Next-Action': 'a'.repeat(42) },
    { RSC: '1', 'Next-Action': 'abc', 'Next-Router-State-Tree': validState },
  ]
  const DYNAMIC = ['/search?q=japan', '/briefing-book', '/trips/2021-03-tokyo-2plus2', '/trips?year=2021', '/']

  test('broken % escapes and unreadable router state get a 400 page with the security headers', async ({ request }) => {
    const problems: string[] = []
    const check = async (target: string, headers: Record<string, string>, want: number[]) => {
      const response = await request.get(target, { headers, maxRedirects: 5 })
      const label = `${target} ${JSON.stringify(headers).slice(0, 80)}`
      if (!want.includes(response.status())) problems.push(`${label}: ${response.status()}, expected ${want.join(' or ')}`)
      if (!response.headers()['content-security-policy']?.includes("frame-ancestors 'self'")) problems.push(`${label}: no security headers`)
      if (response.status() === 400 && !/<h1>Bad (address|request)<\/h1>/.test(await response.text())) problems.push(`${label}: no readable page`)
    }
    for (const target of ['/trips/%E0%A4%A', '/officials/%FF', '/trips/x%ZZ', '/search/%C0%AF']) await check(target, {}, [400])
    for (const target of DYNAMIC) {
      for (const state of BAD_STATES) {
        await check(target, { RSC: '1', 'Next-Router-State-Tree': state }, [400])
        // A prefetch (Next-Router-Prefetch: 1) carries it too.
        await check(target, { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-State-Tree': state }, [400])
      }
      // The router state a browser sends still navigates.
      await check(target, { RSC: '1', 'Next-Router-State-Tree': validState }, [200])
      // The cousins Next reads leniently: junk is ignored, never a 500.
      for (const headers of COUSINS) {
        await check(target, headers, [200, 404])
      }
    }
    expect(problems).toEqual([])
  })

  test('oversized request headers are refused by the HTTP server before the portal reads them', async ({ baseURL }) => {
    // Node's parser answers 431 with no body past 16 KB of headers (40,000 is Next's own limit
    // for the router state), so nothing of the page is rendered or sent.
    const oversized: Record<string, string>[] = [{ 'X-Junk': 'y'.repeat(20_000) }, { RSC: '1', 'Next-Router-State-Tree': 'a'.repeat(40_001) }]
    for (const headers of oversized) {
      const response = await fetch(`${baseURL}/search?q=japan`, { headers })
      expect(response.status).toBe(431)
      expect(await response.text()).toBe('')
    }
  })
})

test.describe('security headers', () => {
  const TEMPLATES = [
    '/',
    '/trips',
    '/search?q=japan',
    '/facts',
    '/countries',
    '/countries/japan',
    '/trips/2021-03-tokyo-2plus2',
    '/trips/2021-03-tokyo-2plus2/briefing',
    '/officials',
    '/officials/antony-j-blinken',
    '/about',
    '/briefing-book',
    '/no-such-page',
  ]

  test('every template loads in Chromium with no CSP violation', async ({ page }) => {
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(`${page.url()}: ${message.text()}`)
    })
    for (const target of TEMPLATES) {
      const response = await page.goto(target)
      const csp = response?.headers()['content-security-policy'] ?? ''
      expect(csp, target).toContain("frame-ancestors 'self' http://localhost:")
      expect(csp).toContain("object-src 'none'")
      expect(response?.headers()['strict-transport-security'], 'HSTS in production').toContain('max-age=')
      expect(response?.headers()['x-content-type-options']).toBe('nosniff')
      await page.waitForLoadState('networkidle')
    }
    expect(violations).toEqual([])
  })

  // Chromium here renders every cross-origin iframe as chrome-error (a sandbox limitation seen for
  // the lake's own /ping too), so framing is checked on the policy the browser enforces.
  test('only the Studio may frame the portal: frame-ancestors names just this site and the Studio', async ({ request }) => {
    const studioPort = new URL(E2E.studio).port
    for (const target of ['/', '/trips/2021-03-tokyo-2plus2', '/no-such-page', '/feed.xml']) {
      const response = await request.get(target)
      const directive = (response.headers()['content-security-policy'] ?? '')
        .split(';')
        .map((part) => part.trim())
        .find((part) => part.startsWith('frame-ancestors'))
      expect(directive, target).toBe(`frame-ancestors 'self' http://localhost:${studioPort} http://127.0.0.1:${studioPort}`)
      expect(response.headers()['x-frame-options'], 'no X-Frame-Options DENY that would block the Studio').toBeUndefined()
    }
  })

  test('a share link sets an HttpOnly, SameSite cookie (Secure when served over HTTPS)', async ({ request }) => {
    const editor = lakeClient(createLakeToken('editor', `trust-cookie-${MARK}`))
    const token = randomBytes(32).toString('base64url')
    const trip = await editor.fetch<{ _id: string; _rev: string }>('*[_type == "trip" && !(_id in path("drafts.**"))][0]{_id, _rev}')
    // A share link shows a draft: the spec makes the one it shares (and removes it below).
    const published = await editor.getDocument(trip._id)
    await editor.createOrReplace({ ...published!, _id: `drafts.${trip._id}`, summary: `Shared draft ${MARK}` })
    await editor.createOrReplace({
      _id: `envoy-share.cookie${MARK}`,
      _type: 'system.envoyShareLink',
      documentId: trip._id,
      documentType: 'trip',
      tokenHash: await hashShareToken(token),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      publishedRev: trip._rev,
    })
    const response = await request.get(`/share/${token}`, { maxRedirects: 0 })
    expect(response.status()).toBe(303)
    const cookies = response
      .headersArray()
      .filter((header) => header.name.toLowerCase() === 'set-cookie')
      .map((header) => header.value)
      // Cookies being cleared (empty value) carry nothing worth protecting.
      .filter((cookie) => !/^[^=]+=;/.test(cookie))
    expect(cookies.length).toBeGreaterThan(0)
    for (const cookie of cookies) {
      expect(cookie, cookie).toMatch(/HttpOnly/i)
      expect(cookie, cookie).toMatch(/SameSite=(Lax|None|Strict)/i)
    }
    await editor.transaction().delete(`drafts.${trip._id}`).delete(`envoy-share.cookie${MARK}`).commit()
  })
})

// --- 6. Stays up ------------------------------------------------------------------------------

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      const response = await fetch(url)
      if (response.status < 500) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not come up`)
}

/**
 * Stops a child started in its own process group (`detached`) together with everything under it:
 * `npx next start` runs next-server as a grandchild, which would outlive a signal to npx alone.
 */
function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  const pid = child.pid
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    process.kill(-pid, 'SIGTERM')
  })
}

test.describe('stays up when the lake is down', () => {
  const children: { lake?: ChildProcess; portal?: ChildProcess } = {}
  const dir = mkdtempSync(path.join(tmpdir(), 'trust-staysup-'))
  let env: NodeJS.ProcessEnv = { ...process.env }
  let portalUrl = ''
  let lakePing = ''

  const startLake = async () => {
    children.lake = spawn(process.execPath, ['--import', 'tsx', 'lake/cli.ts', 'serve', '--plugin', EDITORIAL_PLUGIN, '--seed', 'sanity/seed/seed.ndjson'], { env, stdio: 'ignore', detached: true })
    await waitFor(lakePing)
  }

  test.beforeAll(async () => {
    test.setTimeout(120_000)
    const [port, lakePort, lakeHttpPort] = [await freePort(), await freePort(), await freePort()]
    env = { ...process.env, LAKE_DIR: dir, PORT: String(port), LAKE_PORT: String(lakePort), LAKE_HTTP_PORT: String(lakeHttpPort), LAKE_WEBHOOK_URL: '' }
    portalUrl = `http://127.0.0.1:${port}`
    lakePing = `http://127.0.0.1:${lakeHttpPort}/ping`
    await startLake()
    // The same production build, a second `next start` reading this lake.
    children.portal = spawn('npx', ['next', 'start', '-p', String(port)], { env, stdio: 'ignore', detached: true })
    await waitFor(`${portalUrl}/about`)
  })

  test.afterAll(async () => {
    await stop(children.portal)
    await stop(children.lake)
    rmSync(dir, { recursive: true, force: true })
  })

  test('rendered pages stay up (stale), the rest get a friendly error page, and it recovers by itself', async ({ page, browserProblems }) => {
    test.setTimeout(180_000)
    // With the lake down, a page never rendered before fails on the server on purpose: Chromium
    // logs its 500, and React logs the server render error (#441, its production code for "an
    // error occurred in the Server Components render") that the friendly error page catches.
    browserProblems.allow(/status of 500 \(Internal Server Error\) \(http:\/\/127\.0\.0\.1:\d+\/search\?q=never-rendered-/, 'the page under test')
    browserProblems.allow(/Minified React error #441/, 'the server render error the error page shows')
    const rendered = ['/', '/trips/2021-03-tokyo-2plus2', '/officials', '/search?q=japan']
    for (const target of rendered) expect((await page.goto(`${portalUrl}${target}`))?.status(), target).toBe(200)

    await stop(children.lake)
    await expect
      .poll(async () =>
        fetch(lakePing).then(
          () => 'up',
          () => 'down',
        ),
      )
      .toBe('down')
    for (const target of rendered.slice(0, 3)) {
      // Twice: the first request may trigger a background regeneration, which fails and keeps the old page.
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await page.goto(`${portalUrl}${target}`)
        expect(response?.status(), `${target} with the lake down`).toBe(200)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      }
    }
    // A page never rendered before: the friendly error page, no stack trace.
    const fresh = await page.goto(`${portalUrl}/search?q=never-rendered-${MARK}`)
    expect(fresh?.status()).toBeGreaterThanOrEqual(500)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/can’t be shown right now|temporarily unavailable/)
    await page.screenshot({ path: test.info().outputPath('lake-down.png'), fullPage: true })
    expect(await page.content()).not.toMatch(/ECONNREFUSED|node_modules|at .*\.js:\d+/)

    await startLake()
    await expect.poll(async () => (await page.goto(`${portalUrl}/search?q=recovered-${MARK}`))?.status(), { timeout: 60_000 }).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Search results/)
  })
})
