/**
 * The one `test` every spec imports: Playwright's, with an automatic fixture that fails the test
 * when a browser page it drove went wrong, even if every assertion passed.
 *
 * It watches every browser context the test uses (the built-in `context`/`page`, and every
 * `browser.newContext()` / `browser.newPage()` the test makes) for:
 * - an uncaught exception in a page (`weberror`);
 * - a `console.error` (React reports errors its boundaries caught this way, which is how a crashed
 *   Studio dialog shows up), apart from the short allowlist below;
 * - a request to the portal, the Studio or the lake that failed at the network level, or that was
 *   answered with a 5xx; and a 4xx for anything but a page the test navigated to itself;
 * - an error screen left on a page when the test ends: the Studio's crash screen, Next's error
 *   overlay or its "Application error" page, the portal's own error page.
 *
 * A test that means to cause one of these says so with `browserProblems.allow(pattern, why)`.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { E2E } from './env'

export { expect }

/** What the watcher saw, one line each. */
type Problem = string

/**
 * Console errors that are not failures of Envoy. Each says why; keep the list short.
 */
const CONSOLE_ALLOWLIST: { pattern: RegExp; why: string }[] = [
  // The Studio's auto-update check asks Sanity's module CDN for the latest version; this machine
  // reaches no outside host (the request itself is an outside one, ignored below).
  { pattern: /^Failed to fetch version for package/, why: 'no outside network' },
  // When a Studio page reloads or navigates away, the Studio sends its last presence message on
  // a socket the browser is already closing, and Chromium logs the send; seen only at
  // `page.reload()` (e2e/zones.spec.ts). Presence itself is tested in test/lake/studio.test.ts.
  { pattern: /^WebSocket is already in CLOSING or CLOSED state\.$/, why: 'the Studio unloading' },
]

/**
 * Answers from the lake that the Studio asks for and handles, as it does on hosted Sanity
 * (../shared/notes/studio-on-local-lake.md): 401 from `/users/me` and `/auth/id` before sign-in
 * (the cookie probe), and 404 from Sanity-hosted services the lake does not imitate, which the
 * Studio treats as "nothing to show" (module version help, onboarding journeys, schema
 * descriptor upload).
 */
const EXPECTED_LAKE_ANSWERS: { path: RegExp; status: number }[] = [
  { path: /^\/v[\d-]+\/users\/me$/, status: 401 },
  { path: /^\/v[\d-]+\/auth\/id$/, status: 401 },
  { path: /^\/v1\/help$/, status: 404 },
  { path: /^\/v[\d-]+\/journey\/[\w-]+$/, status: 404 },
  { path: /^\/v[\d-]+\/descriptors\/claim$/, status: 404 },
  // Telemetry consent: a 404 reads as "no consent", so the Studio sends nothing.
  { path: /^\/v[\d-]+\/intake\/telemetry-status$/, status: 404 },
]

function isLake(url: URL): boolean {
  return url.port === E2E.lakeHttpsPort || url.origin === E2E.lakeHttp
}

/** Elements or text that mean a page is showing an error instead of itself. */
const ERROR_SCREENS: { selector: string; what: string }[] = [
  { selector: '[data-testid="studio-error-screen"]', what: "the Studio's crash screen" },
  { selector: 'nextjs-portal', what: "Next's error overlay" },
  { selector: 'text=Application error: a client-side exception has occurred', what: "Next's client-side error page" },
  { selector: '[data-testid="portal-error"]', what: "the portal's error page" },
]

function watchedOrigins(): string[] {
  const lakePort = E2E.lakeHttpsPort
  return [E2E.portal, E2E.portal.replace('127.0.0.1', 'localhost'), E2E.cache, E2E.studio, E2E.lakeHttp, `https://localhost:${lakePort}`]
}

function isOurs(url: string): boolean {
  try {
    const { origin, host, hostname, port } = new URL(url)
    // The Studio reaches the lake as https://<projectId>.localhost:<port> as well.
    if (hostname.endsWith('.localhost') && port === E2E.lakeHttpsPort) return true
    return watchedOrigins().some((watched) => watched === origin || watched === host)
  } catch {
    return false
  }
}

export type BrowserProblems = {
  /** Lets problems matching `pattern` pass in this test; `why` is for the reader of the spec. */
  allow(pattern: RegExp, why: string): void
  /** What was seen so far, for tests that assert on it. */
  readonly seen: readonly string[]
}

/**
 * Responses that are not failures, by URL: pages the test navigated to itself (their status is
 * the test's to assert) and the lake answers above. Chromium logs each as "Failed to load
 * resource", which is then not a failure either.
 */
type Expected = Set<string>

function watchContext(context: BrowserContext, report: (problem: Problem) => void, expected: Expected, javaScript: boolean) {
  context.on('weberror', (error) => report(`uncaught exception on ${error.page()?.url() ?? 'a page'}: ${error.error().message}`))
  context.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    const { url } = message.location()
    if (CONSOLE_ALLOWLIST.some(({ pattern }) => pattern.test(text))) return
    if (text.startsWith('Failed to load resource') && (expected.has(url) || !isOurs(url))) return
    report(`console.error on ${message.page()?.url() ?? 'a page'}: ${text}${url ? ` (${url})` : ''}`)
  })
  context.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed'
    // ERR_ABORTED is the browser cancelling a request itself: a navigation away, a closed
    // listener, a prefetch it no longer needs. Nothing answered wrongly. With JavaScript off,
    // Chromium refuses every script itself and reports it as "csp".
    if (failure === 'net::ERR_ABORTED' || (!javaScript && failure === 'csp') || !isOurs(request.url())) return
    report(`request failed: ${request.method()} ${request.url()}: ${failure}`)
  })
  context.on('response', (response) => {
    const status = response.status()
    const url = response.url()
    if (!isOurs(url) || status < 400) return
    const request = response.request()
    const parsed = new URL(url)
    const lakeAnswer = isLake(parsed) && EXPECTED_LAKE_ANSWERS.some((answer) => answer.status === status && answer.path.test(parsed.pathname))
    const ownNavigation = request.isNavigationRequest() && request.frame() === request.frame().page().mainFrame() && status < 500
    if (lakeAnswer || ownNavigation) {
      expected.add(url)
      return
    }
    report(`${status} for ${request.method()} ${url}`)
  })
}

async function errorScreens(page: Page): Promise<Problem[]> {
  if (page.isClosed()) return []
  const found: Problem[] = []
  for (const { selector, what } of ERROR_SCREENS) {
    const count = await page
      .locator(selector)
      .count()
      .catch(() => 0)
    if (count > 0) found.push(`${what} is showing on ${page.url()}`)
  }
  return found
}

export const test = base.extend<{ browserProblems: BrowserProblems }>({
  browserProblems: [
    async ({ browser, context, javaScriptEnabled }, provide) => {
      const problems: Problem[] = []
      const allowed: RegExp[] = []
      const expected: Expected = new Set()
      const contexts = new Set<BrowserContext>([context])
      const report = (problem: Problem) => {
        if (!allowed.some((pattern) => pattern.test(problem))) problems.push(problem)
      }
      watchContext(context, report, expected, javaScriptEnabled !== false)

      // Contexts the test makes itself (a second editor, JavaScript off): browser.newPage() goes
      // through newContext() too. Put back when the test ends.
      const newContext = browser.newContext.bind(browser)
      browser.newContext = async (options) => {
        const made = await newContext(options)
        contexts.add(made)
        watchContext(made, report, expected, options?.javaScriptEnabled !== false)
        return made
      }
      try {
        await provide({
          allow: (pattern) => {
            allowed.push(pattern)
          },
          get seen() {
            return problems
          },
        })
        for (const watched of contexts) for (const page of watched.pages()) for (const problem of await errorScreens(page)) report(problem)
      } finally {
        browser.newContext = newContext
      }
      expect(problems, 'the browser saw no errors').toEqual([])
    },
    { auto: true },
  ],
})
