/**
 * Identity, sign-in and project endpoints the Studio calls (shapes: shared notes,
 * "studio-on-local-lake.md"; they are Sanity's internal contracts, not a published spec).
 *
 * Sign-in: /auth/providers lists one provider whose URL is the lake's own /login page. The page
 * is a plain HTML form; a correct email and password create a session and redirect to
 * `<origin>#sid=<one-time id>`, and the Studio exchanges the sid at /auth/fetch for the session
 * token it then sends as `Authorization: Bearer`. `origin` must belong to an allowed CORS origin,
 * so the page cannot be used to bounce people (or sids) to other sites.
 *
 * Permissions: /projects/{p}/datasets/{ds}/acl derives grants from the caller's role; the lake
 * enforces the same rule on writes (auth.ts requireWrite), the grants only tell the Studio what to
 * offer.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { LakeError, badRequest } from '../errors'
import type { User } from '../accounts'
import type { Caller, StudioContext } from '../studio/context'
import { callerOf, requestOrigin, requireSignedIn } from '../studio/context'
import type { TokenRole } from '../types'
import { studioNameOf } from '../plugin'
import { SignInThrottle } from '../sign-in-throttle'
import type { App } from './common'
import { isRecord } from './common'

const ROLE_TITLES: Record<TokenRole, string> = { viewer: 'Viewer', editor: 'Editor', administrator: 'Administrator' }
// The Studio's own keys include `$` (the structure tool names its root pane `$root`).
const KEY = /^[A-Za-z0-9_.:$-]{1,200}$/
const MAX_FAILURES = 10
const FAILURE_WINDOW_MS = 15 * 60 * 1000
/** Sign-in attempts from one address over all emails in the window (password spraying). */
const MAX_ATTEMPTS_PER_ADDRESS = 50

function me(caller: Caller) {
  const role = caller.principal.role as TokenRole
  const roles = [{ name: role, title: ROLE_TITLES[role] ?? role }]
  if (caller.user) {
    return { id: caller.user.id, name: caller.user.name, email: caller.user.email, profileImage: null, provider: 'local', role, roles }
  }
  // An API token (scripts, tests): a robot user named after the token's label.
  return { id: caller.principal.id, name: caller.tokenLabel ?? 'API token', email: '', profileImage: null, provider: 'token', role, roles, isRobot: true }
}

function publicUser(user: User) {
  return { id: user.id, projectId: 'local', displayName: user.name, familyName: null, givenName: null, middleName: null, imageUrl: null, email: user.email, createdAt: user.createdAt }
}

/** Grants as the Studio reads them: a viewer reads and sees history; editors and up also write. */
export function grantsFor(role: string): { filter: string; permissions: string[] }[] {
  if (role === 'anonymous') return []
  const permissions = role === 'viewer' ? ['history', 'read'] : ['history', 'read', 'update', 'create']
  return [{ filter: '_id in path("**")', permissions }]
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** The Studio URL to return to, if its origin is one the lake trusts; otherwise undefined. */
function allowedReturnUrl(context: StudioContext, raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined
  try {
    const url = new URL(raw)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    if (!context.corsOrigins.includes(url.origin)) return undefined
    url.hash = ''
    return url.toString()
  } catch {
    return undefined
  }
}

/** What the sign-in calls the Studio: the product a plugin names (LakePlugin.studioName), else none. */
function signInWords(studioName: string | undefined) {
  return {
    provider: studioName ? `${studioName} account` : 'Lake account',
    heading: studioName ? `Sign in to ${studioName} Studio` : 'Sign in to the Studio',
    project: studioName ? `${studioName} (local lake)` : 'Local lake',
  }
}

const UNTRUSTED_ORIGIN = 'This sign-in link does not come from a Studio this lake trusts. Open the Studio and sign in from there.'

function loginPage(options: { origin: string; heading: string; email?: string; error?: string }): string {
  const error = options.error ? `<p class="error" role="alert" id="login-error">${escapeHtml(options.error)}</p>` : ''
  const describedBy = options.error ? ' aria-describedby="login-error"' : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.heading)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f3f4f6; color: #111827; }
  main { max-width: 24rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 3px rgb(0 0 0 / 0.2); }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: 0.5rem; margin-top: 0.25rem; border: 1px solid #6b7280; border-radius: 4px; }
  input:focus, button:focus { outline: 3px solid #2563eb; outline-offset: 2px; }
  button { margin-top: 1.5rem; width: 100%; font: inherit; font-weight: 600; padding: 0.6rem; border: 0; border-radius: 4px; background: #1d4ed8; color: #fff; cursor: pointer; }
  .error { background: #fef2f2; color: #991b1b; border: 1px solid #fca5a5; padding: 0.5rem 0.75rem; border-radius: 4px; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(options.heading)}</h1>
${error}
<form method="post" action="/login">
  <input type="hidden" name="origin" value="${escapeHtml(options.origin)}">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}"${describedBy}${options.error ? ' aria-invalid="true"' : ''} autofocus>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
  <button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`
}

/** `returnTo` is the validated Studio URL: the form's redirect goes there, so CSP form-action must allow it. */
function sendPage(reply: FastifyReply, status: number, html: string, returnTo?: string) {
  const formAction = returnTo ? `'self' ${new URL(returnTo).origin}` : "'self'"
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'`)
    .send(html)
}

/**
 * The Studio's feature flags the lake serves: the Studio switches a feature off when it is missing
 * (or offers it as an upsell). `contentReleases` is the Releases tool; `singleDocRelease` is
 * Scheduled Drafts, which are releases of `metadata.cardinality: "one"` and need nothing more
 * from the lake than releases do (lake/releases.ts).
 */
const LAKE_FEATURES = ['contentReleases', 'singleDocRelease']

export function userRoutes(app: App, context: StudioContext): void {
  // In SQLite (lake/sign-in-throttle.ts): one count for both servers, kept across restarts.
  // Made on first use, so registering the routes touches no database.
  let throttleOnce: SignInThrottle | undefined
  const throttle = () => (throttleOnce ??= new SignInThrottle(context.store.db))
  const words = signInWords(studioNameOf(context))

  // Login form bodies (application/x-www-form-urlencoded), for this plugin's routes only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })

  // --- Sign-in --------------------------------------------------------------------------------
  app.get('/auth/providers', async (request) => ({
    thirdPartyLogin: false,
    sso: {},
    providers: [{ name: 'local', title: words.provider, url: `${requestOrigin(request, context.projectId)}/login` }],
  }))

  app.get('/login', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>
    const origin = allowedReturnUrl(context, query.origin)
    if (!origin) return sendPage(reply, 400, loginPage({ origin: '', heading: words.heading, error: UNTRUSTED_ORIGIN }))
    return sendPage(reply, 200, loginPage({ origin, heading: words.heading }), origin)
  })

  app.post('/login', async (request, reply) => {
    const body = (isRecord(request.body) ? request.body : {}) as Record<string, unknown>
    const origin = allowedReturnUrl(context, body.origin)
    const email = typeof body.email === 'string' ? body.email.trim() : ''
    const password = typeof body.password === 'string' ? body.password : ''
    if (!origin) return sendPage(reply, 400, loginPage({ origin: '', heading: words.heading, error: UNTRUSTED_ORIGIN }))
    const limitKey = `${request.ip}|${email.toLowerCase()}`
    // Counted before the password is checked; one address is also limited across all emails.
    const allowed = throttle().reserve([
      { key: `account:${limitKey}`, rule: { maxAttempts: MAX_FAILURES, windowMs: FAILURE_WINDOW_MS } },
      { key: `address:${request.ip}`, rule: { maxAttempts: MAX_ATTEMPTS_PER_ADDRESS, windowMs: FAILURE_WINDOW_MS } },
    ])
    if (!allowed) {
      return sendPage(reply, 429, loginPage({ origin, heading: words.heading, email, error: 'Too many failed attempts. Wait 15 minutes and try again.' }), origin)
    }
    const user = email && password ? await context.accounts.authenticate(email, password) : undefined
    if (!user) {
      return sendPage(reply, 401, loginPage({ origin, heading: words.heading, email, error: 'The email or password is not right. Check both and try again.' }), origin)
    }
    throttle().clear(`account:${limitKey}`)
    const sid = context.accounts.createSid(context.accounts.createSession(user.id))
    return reply.header('cache-control', 'no-store').redirect(`${origin}#sid=${sid}`, 302)
  })

  app.get('/auth/fetch', async (request) => {
    const sid = (request.query as Record<string, string | undefined>).sid
    if (!sid) throw badRequest('"sid" is required')
    const token = context.accounts.redeemSid(sid)
    if (!token) throw new LakeError(401, 'unauthorizedError', 'Unauthorized - the sign-in link expired or was already used; sign in again')
    return { token }
  })

  // The Studio's cookie probe: the lake uses no cookies.
  app.get('/auth/id', async () => {
    throw new LakeError(401, 'unauthorizedError', 'Unauthorized - the lake uses bearer tokens, not cookies')
  })

  app.post('/auth/logout', async (request) => {
    const caller = callerOf(context, request)
    if (caller.user && caller.bearer) context.accounts.endSession(caller.bearer)
    return {}
  })

  // --- Users ----------------------------------------------------------------------------------
  app.get('/users/me', async (request) => {
    const caller = callerOf(context, request)
    requireSignedIn(caller)
    return me(caller)
  })

  const usersById = async (request: FastifyRequest) => {
    requireSignedIn(callerOf(context, request))
    const ids = String((request.params as { ids?: string }).ids ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
    const found = ids.map((id) => {
      const user = context.accounts.get(id)
      if (user) return publicUser(user)
      const token = context.tokens.list().find((info) => info.id === id)
      return token ? { id: token.id, projectId: 'local', displayName: token.label, imageUrl: null, email: null, isRobot: true } : undefined
    })
    if (ids.length === 1) return found[0] ?? {}
    return found.filter(Boolean)
  }
  app.get('/users/:ids', usersById)
  app.get('/projects/:projectId/users/:ids', usersById)

  app.get('/users/me/keyvalue/:keys', async (request) => {
    const caller = callerOf(context, request)
    requireSignedIn(caller)
    const keys = String((request.params as { keys?: string }).keys ?? '')
      .split(',')
      .filter(Boolean)
    if (keys.length === 0 || keys.some((key) => !KEY.test(key))) throw badRequest('Keys are 1–200 letters, digits, ".", "_", ":", "$" or "-"')
    return context.accounts.getValues(caller.principal.id, keys)
  })

  app.put('/users/me/keyvalue', async (request) => {
    const caller = callerOf(context, request)
    requireSignedIn(caller)
    const entries = Array.isArray(request.body) ? request.body : []
    const valid = entries.every((entry) => isRecord(entry) && typeof entry.key === 'string' && KEY.test(entry.key))
    if (!valid || entries.length === 0) throw badRequest('Body must be an array of {key, value}')
    const list = entries as { key: string; value: unknown }[]
    if (JSON.stringify(list).length > 256 * 1024) throw badRequest('Values are limited to 256 KB per request')
    context.accounts.setValues(caller.principal.id, list)
    return list.map(({ key, value }) => ({ key, value }))
  })

  // --- Project --------------------------------------------------------------------------------
  const project = async (request: FastifyRequest) => {
    const caller = callerOf(context, request)
    requireSignedIn(caller)
    const members = context.accounts.list().map((user) => ({
      id: user.id,
      role: user.role,
      roles: [{ name: user.role, title: ROLE_TITLES[user.role] }],
      isRobot: false,
      isCurrentUser: user.id === caller.principal.id,
    }))
    if (!caller.user) {
      const role = caller.principal.role as TokenRole
      members.push({ id: caller.principal.id, role, roles: [{ name: role, title: ROLE_TITLES[role] }], isRobot: true, isCurrentUser: true })
    }
    return {
      id: context.projectId,
      displayName: words.project,
      studioHost: null,
      isBlocked: false,
      isDisabled: false,
      isDisabledByUser: false,
      organizationId: null,
      metadata: {},
      features: [],
      members,
      createdAt: '2025-01-01T00:00:00Z',
    }
  }
  app.get('/projects/:projectId', project)

  // GET /projects/:projectId/datasets: routes/datasets.ts.
  app.get('/projects/:projectId/datasets/:dataset/acl', async (request) => grantsFor(callerOf(context, request).principal.role))
  app.get('/projects/:projectId/user-applications', async () => [])
  app.get('/projects/:projectId/grants', async () => ({}))
  // Content Releases and Scheduled Drafts are the lake's own (lake/releases.ts); the other hosted
  // features are not.
  app.get('/projects/:projectId/features', async () => LAKE_FEATURES)
  app.get('/features', async () => LAKE_FEATURES)
  // The project's plan, as the Studio reads it for the Releases tool's "removed on <date>" notice
  // of archived and published releases (featureTypes.retention…maxRetentionDays, read without
  // optional chaining past `featureTypes`). The lake has no plan and keeps its transaction log for
  // ever, so no retention is named and the Studio names no removal date.
  app.get('/subscriptions/project/:projectId', async (request) => {
    requireSignedIn(callerOf(context, request))
    return { projectId: context.projectId, plan: null, featureTypes: { retention: { features: [{ attributes: {} }] } } }
  })
  // The Studio asks a user without write access whether they have asked for a higher role. Roles
  // are given with `npm run lake -- user add`, so nobody has a pending request: an empty list, as
  // Sanity answers a user who made none.
  app.get('/access/requests/me', async (request) => {
    requireSignedIn(callerOf(context, request))
    return []
  })
}
