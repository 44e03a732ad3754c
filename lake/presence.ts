/**
 * Presence for the Studio: `wss://…/v2022-06-30/socket/{dataset}`, JSON-RPC 2.0 over a WebSocket
 * (the protocol of @sanity/bifur-client).
 *
 * - `authorization {authorization: 'Bearer …'}` authenticates the socket (result `true`); nothing
 *   else is answered before it. An unknown token closes the socket with code 4001.
 * - `presence_subscribe` answers a subscription id; the socket then receives every other
 *   socket's presence events in the same dataset as `presence_subscription` notifications.
 * - `presence_rollcall {session}`, `presence_announce {data: {sessionId, locations}}` and
 *   `presence_disconnect {session}` are relayed to the others as `{type: 'rollCall' | 'state' |
 *   'disconnect', i: userId, …}`; a socket that closes is announced as disconnected.
 * - The server sends the `♥` heartbeat frame every 20 s.
 *
 * The upgrade happens on the raw Node servers (HTTP/1.1 upgrade, also on the HTTP/2 server,
 * which accepts HTTP/1.1): Fastify routes never see it.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type WebSocket from 'ws'
import { randomId } from './ids'
import { isValidDatasetName } from './ids'
import type { Caller, StudioContext } from './studio/context'
import { callerFor } from './studio/context'

const HEARTBEAT = '\u2665'
const HEARTBEAT_MS = 20_000
const MAX_MESSAGE_BYTES = 256 * 1024
const SOCKET_PATH = /^(?:\/v(?:1|X|\d{4}-\d{2}-\d{2}))?\/socket\/([^/?]+)(?:\?.*)?$/

type Connection = {
  socket: WebSocket
  dataset: string
  caller?: Caller
  subscriptions: Set<string>
  sessions: Set<string>
}

type RpcRequest = { jsonrpc?: string; id?: string | number; method?: string; params?: Record<string, unknown> }

export class PresenceHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  private readonly connections = new Set<Connection>()
  private readonly heartbeat: NodeJS.Timeout

  constructor(private readonly context: StudioContext) {
    this.heartbeat = setInterval(() => {
      for (const connection of this.connections) if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(HEARTBEAT)
    }, HEARTBEAT_MS)
    this.heartbeat.unref()
  }

  /** Handles WebSocket upgrades on a Node server (HTTP/1.1 or the HTTP/2 server with allowHTTP1). */
  attach(server: NodeJS.EventEmitter): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head))
  }

  get size(): number {
    return this.connections.size
  }

  close(): void {
    clearInterval(this.heartbeat)
    for (const connection of this.connections) connection.socket.terminate()
    this.connections.clear()
    this.wss.close()
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const match = SOCKET_PATH.exec(request.url ?? '')
    const dataset = match?.[1] ? decodeURIComponent(match[1]) : ''
    const origin = request.headers.origin
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    }
    if (!match || !isValidDatasetName(dataset)) return refuse('404 Not Found')
    // A browser sends its Origin; only the lake's allowed origins may open a socket (the token
    // is sent in-band, so this mostly stops other sites from probing).
    if (origin && !this.context.corsOrigins.includes(origin)) return refuse('403 Forbidden')
    this.wss.handleUpgrade(request, socket, head, (ws) => this.connected(ws, dataset))
  }

  private connected(socket: WebSocket, dataset: string): void {
    const connection: Connection = { socket, dataset, subscriptions: new Set(), sessions: new Set() }
    this.connections.add(connection)
    socket.on('message', (data, isBinary) => {
      if (isBinary) return
      const text = data.toString()
      if (text === HEARTBEAT) return
      let message: RpcRequest
      try {
        message = JSON.parse(text) as RpcRequest
      } catch {
        return this.reply(connection, null, undefined, { code: -32700, message: 'Parse error' })
      }
      this.handle(connection, message)
    })
    socket.on('close', () => {
      this.connections.delete(connection)
      if (connection.caller) {
        for (const session of connection.sessions) this.relay(connection, { type: 'disconnect', i: connection.caller.principal.id, m: { session } })
      }
    })
    socket.on('error', () => socket.terminate())
  }

  private handle(connection: Connection, message: RpcRequest): void {
    const id = message.id ?? null
    const params = (message.params ?? {}) as Record<string, unknown>
    if (message.method === 'authorization') {
      try {
        const caller = callerFor(this.context, typeof params.authorization === 'string' ? params.authorization : undefined)
        if (caller.principal.role === 'anonymous') throw new Error('anonymous')
        connection.caller = caller
        return this.reply(connection, id, true)
      } catch {
        this.reply(connection, id, undefined, { code: 4001, message: 'Unauthorized' })
        connection.socket.close(4001, 'Unauthorized')
        return
      }
    }
    const caller = connection.caller
    if (!caller) return this.reply(connection, id, undefined, { code: 4001, message: 'Unauthorized - send "authorization" first' })
    const userId = caller.principal.id
    switch (message.method) {
      case 'presence_subscribe': {
        const subscription = randomId(16)
        connection.subscriptions.add(subscription)
        return this.reply(connection, id, subscription)
      }
      case 'presence_unsubscribe': {
        connection.subscriptions.delete(String(params.subscriptionId ?? ''))
        return this.reply(connection, id, true)
      }
      case 'presence_rollcall': {
        const session = String(params.session ?? '')
        if (session) connection.sessions.add(session)
        this.relay(connection, { type: 'rollCall', i: userId, session })
        return this.reply(connection, id, true)
      }
      case 'presence_announce': {
        const data = (params.data ?? {}) as { sessionId?: unknown; locations?: unknown }
        const sessionId = String(data.sessionId ?? '')
        if (sessionId) connection.sessions.add(sessionId)
        this.relay(connection, { type: 'state', i: userId, m: { sessionId, locations: Array.isArray(data.locations) ? data.locations : [] } })
        return this.reply(connection, id, true)
      }
      case 'presence_disconnect': {
        const session = String(params.session ?? '')
        connection.sessions.delete(session)
        this.relay(connection, { type: 'disconnect', i: userId, m: { session } })
        return this.reply(connection, id, true)
      }
      default:
        return this.reply(connection, id, undefined, { code: -32601, message: `Method not found: ${String(message.method)}` })
    }
  }

  /** Sends a presence event to every other subscribed socket of the same dataset. */
  private relay(from: Connection, event: Record<string, unknown>): void {
    for (const connection of this.connections) {
      if (connection === from || connection.dataset !== from.dataset || !connection.caller) continue
      for (const subscription of connection.subscriptions) {
        this.send(connection, { jsonrpc: '2.0', method: 'presence_subscription', params: { subscription, result: event } })
      }
    }
  }

  private reply(connection: Connection, id: string | number | null, result: unknown, error?: { code: number; message: string }): void {
    this.send(connection, error ? { jsonrpc: '2.0', id, error } : { jsonrpc: '2.0', id, result })
  }

  private send(connection: Connection, message: unknown): void {
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(JSON.stringify(message))
  }
}
