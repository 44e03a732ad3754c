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
 * Messages that are not failures of Envoy. Each says why; keep the list short.
 */
const CONSOLE_ALLOWLIST: { pattern: RegExp; why: string }[] = [
  // Chromium logs the status of every document a test navigates to on purpose (a 404 page, a
  // refused share link); the navigation's own status is asserted by the test, and subresources
  // with a 4xx are reported separately below.
  { pattern: /^Failed to load resource: the server responded with a status of 4\d\d/, why: 'navigations the test asserts' },
]

/** Elements or text that mean a page is showing an error instead of itself. */
const ERROR_SCREENS: { selector: string; what: string }[] = [
  { selector: '[data-testid="studio-error-screen"]', what: "the Studio's crash screen" },
  { selector: 'nextjs-portal', what: "Next's error overlay" },
  { selector: 'text=Application error: a client-side exception has occurred', what: "Next's client-side error page" },
  { selector: '[data-testid="portal-error"]', what: "the portal's error page" },
]

function watchedOrigins(): string[] {
  const lakePort = E2E.lakeHttpsPort
  return [E2E.portal, E2E.portal.replace('127.0.0.1', 'localhost'), E2E.studio, E2E.lakeHttp, `https://localhost:${lakePort}`]
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

function watchContext(context: BrowserContext, report: (problem: Problem) => void, navigations: Set<string>) {
  context.on('weberror', (error) => report(`uncaught exception on ${error.page()?.url() ?? 'a page'}: ${error.error().message}`))
  context.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    const { url } = message.location()
    if (CONSOLE_ALLOWLIST.some(({ pattern }) => pattern.test(text)) && (navigations.has(url) || !isOurs(url))) return
    report(`console.error on ${message.page()?.url() ?? 'a page'}: ${text}${url ? ` (${url})` : ''}`)
  })
  context.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed'
    // ERR_ABORTED is the browser cancelling a request itself: a navigation away, a closed
    // listener, a prefetch it no longer needs. Nothing answered wrongly.
    if (failure === 'net::ERR_ABORTED' || !isOurs(request.url())) return
    report(`request failed: ${request.method()} ${request.url()}: ${failure}`)
  })
  context.on('response', (response) => {
    const status = response.status()
    const url = response.url()
    if (!isOurs(url) || status < 400) return
    const request = response.request()
    if (request.isNavigationRequest() && request.frame() === request.frame().page().mainFrame() && status < 500) {
      navigations.add(url)
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
    async ({ browser, context }, provide) => {
      const problems: Problem[] = []
      const allowed: RegExp[] = []
      const navigations = new Set<string>()
      const contexts = new Set<BrowserContext>([context])
      const report = (problem: Problem) => {
        if (!allowed.some((pattern) => pattern.test(problem))) problems.push(problem)
      }
      watchContext(context, report, navigations)

      // Contexts the test makes itself (a second editor, JavaScript off): browser.newPage() goes
      // through newContext() too. Put back when the test ends.
      const newContext = browser.newContext.bind(browser)
      browser.newContext = async (options) => {
        const made = await newContext(options)
        contexts.add(made)
        watchContext(made, report, navigations)
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
