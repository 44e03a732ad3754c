/**
 * Builds a Fastify app serving Sanity's HTTP API from a shared LakeContext.
 *
 * Two apps run side by side on one context (store + event hub + tokens):
 * - HTTPS with HTTP/2 (and HTTP/1.1 fallback) for browsers: the Studio holds 7–10 SSE streams
 *   per tab, more than HTTP/1.1's six connections per host, so it needs HTTP/2, and browsers only
 *   speak HTTP/2 over TLS;
 * - plain HTTP on 127.0.0.1 for server-side clients (Next.js, scripts, tests), which need neither.
 *
 * Both accept any Host header (the client puts the project id in a subdomain such as
 * `local.localhost`, or sends `X-Sanity-Project-ID`): the lake serves a single project.
 */
import cors from '@fastify/cors'
import Fastify from 'fastify'
import type { FastifyError, FastifyReply, FastifyServerOptions } from 'fastify'
import { LakeError } from './errors'
import type { ErrorBody } from './errors'
import type { App, LakeContext } from './routes/common'
import { assetRoutes } from './routes/assets'
import { datasetRoutes } from './routes/datasets'
import { docRoutes } from './routes/doc'
import { eventRoutes } from './routes/events'
import { releaseRoutes } from './routes/releases'
import { exportRoutes } from './routes/export'
import { historyRoutes } from './routes/history'
import { listenRoutes } from './routes/listen'
import { liveRoutes } from './routes/live'
import { mutateRoutes } from './routes/mutate'
import { clockRoutes } from './routes/clock'
import { pingRoutes } from './routes/ping'
import { queryRoutes } from './routes/query'
import { userRoutes } from './routes/users'

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024

export type AppOptions = {
  bodyLimit?: number
  corsOrigins: string[]
  /** Key and certificate for HTTPS + HTTP/2; without them the app speaks plain HTTP/1.1. */
  tls?: { key: string; cert: string }
}

/** `/v1/...`, `/vX/...` and `/v2025-02-19/...` all map to the unversioned route. */
const VERSION_PREFIX = /^\/v(?:1|X|\d{4}-\d{2}-\d{2})(?=\/|\?|$)/

export function stripApiVersion(url: string): string {
  const stripped = url.replace(VERSION_PREFIX, '')
  return stripped === '' || stripped.startsWith('?') ? `/${stripped}` : stripped
}

function errorBody(type: string, description: string): ErrorBody {
  return { error: { type, description } }
}

/**
 * Lets `app.close()` finish while clients hold connections open. Node's server only closes once
 * every connection has ended, and browsers keep HTTP/2 sessions (and HTTP/1.1 keep-alive
 * sockets) open for minutes. On close, each HTTP/2 session gets a GOAWAY and idle sockets are
 * closed so in-flight requests can finish; whatever is still open half a second later is
 * destroyed. (Listener streams have already been ended by the hub at that point.)
 */
type Closable = { destroy(): void; destroyed: boolean; once(event: string, listener: () => void): void }

function closeConnectionsOnShutdown(app: App, secure: boolean): void {
  const sessions = new Set<Closable & { close(): void; closed: boolean }>()
  const sockets = new Set<Closable>()
  const server = app.server as unknown as NodeJS.EventEmitter & { closeIdleConnections?: () => void }
  server.on('session', (session: Closable & { close(): void; closed: boolean }) => {
    sessions.add(session)
    session.once('close', () => sessions.delete(session))
  })
  server.on(secure ? 'secureConnection' : 'connection', (socket: Closable) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  app.addHook('preClose', (done) => {
    for (const session of sessions) if (!session.closed) session.close()
    server.closeIdleConnections?.()
    const timer = setTimeout(() => {
      for (const session of sessions) if (!session.destroyed) session.destroy()
      for (const socket of sockets) if (!socket.destroyed) socket.destroy()
    }, 500)
    timer.unref()
    done()
  })
}

export function buildApp(context: LakeContext, options: AppOptions): App {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const common = {
    logger: false,
    bodyLimit,
    // Listener streams stay open for hours; never time a connection out on our side.
    connectionTimeout: 0,
    rewriteUrl: (request: { url?: string }) => stripApiVersion(request.url ?? '/'),
    // Document-id lists (`/data/doc/{ids}`, `/data/history/.../{ids}`) outgrow Fastify's 100-character
    // default for a path parameter, which answers 414; Sanity takes lists of many ids.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 8192 },
    // Errors Fastify raises before a route runs (a malformed %-escape in the path) get the same
    // JSON error shape as everything else instead of Fastify's own.
    frameworkErrors: (error: FastifyError, _request: unknown, reply: unknown) => {
      // Typed loosely so one handler fits both the HTTP/2 and the HTTP/1 server's option types.
      void (reply as unknown as FastifyReply)
        .status(400)
        .send(errorBody('badRequestError', error.code === 'FST_ERR_BAD_URL' ? 'The request path is not a valid URL (malformed %-escape)' : error.message))
    },
  } satisfies FastifyServerOptions
  const app: App = options.tls ? Fastify({ ...common, http2: true, https: { allowHTTP1: true, key: options.tls.key, cert: options.tls.cert } }) : Fastify(common)
  closeConnectionsOnShutdown(app, Boolean(options.tls))

  const allowed = new Set(options.corsOrigins)
  void app.register(cors, {
    // Echo allowed origins (never "*": requests carry credentials), answer preflights with 204
    // and reflect Access-Control-Request-Headers, since the client sends custom headers
    // (Authorization, x-sanity-app, ...).
    origin: (origin, callback) => callback(null, origin === undefined || allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    optionsSuccessStatus: 204,
    maxAge: 600,
  })

  app.setErrorHandler((error: FastifyError | LakeError | Error, request, reply) => {
    if (error instanceof LakeError) return reply.status(error.status).send(error.body)
    const code = 'code' in error ? error.code : undefined
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(errorBody('requestEntityTooLargeError', `Request body is larger than the limit of ${bodyLimit} bytes`))
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(errorBody('unsupportedMediaTypeError', 'Send the request body as application/json'))
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx errors (malformed JSON, bad headers) carry safe, generic messages.
      const type = error instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'invalidJsonError' : 'badRequestError'
      return reply.status(status).send(errorBody(type, error.message))
    }
    // A bug: log it here, tell the client nothing about its internals.
    console.error(`[lake] ${request.method} ${request.url} failed:`, error)
    return reply.status(500).send(errorBody('internalError', 'Internal server error'))
  })

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('notFoundError', `No such endpoint: ${request.method} ${request.url.split('?')[0]}`))
  })

  // Routes live in a plugin registered after @fastify/cors so its hooks cover every route.
  void app.register(async (scoped: App) => {
    pingRoutes(scoped)
    clockRoutes(scoped, context)
    queryRoutes(scoped, context)
    docRoutes(scoped, context)
    mutateRoutes(scoped, context)
    listenRoutes(scoped, context)
    historyRoutes(scoped, context)
    eventRoutes(scoped, context)
    releaseRoutes(scoped, context)
    liveRoutes(scoped, context)
    exportRoutes(scoped, context)
    datasetRoutes(scoped, context)
    // What the lake's plugins serve beside Sanity's API (lake/plugin.ts).
    for (const plugin of context.plugins) plugin.routes?.(scoped)
    // These two add their own body parsers (login form, raw uploads): encapsulated plugins.
    void scoped.register(async (child: App) => userRoutes(child, context))
    void scoped.register(async (child: App) => assetRoutes(child, context))
  })
  return app
}
