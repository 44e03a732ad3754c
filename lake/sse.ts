/**
 * The Server-Sent Events plumbing shared by the lake's streams (/data/listen and
 * /data/live/events): the raw response and its headers, a keep-alive comment so proxies and
 * clients do not time an idle stream out, and one close path for every way a stream ends (the
 * client leaves, the socket fails, or the lake shuts down through the hub's closeAll).
 */
import type { ServerResponse } from 'node:http'
import { clearInterval, setInterval } from 'node:timers'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ListenHub } from './listen'

const KEEPALIVE_MS = 25_000

export type EventStream = {
  /** Writes raw event-stream text; does nothing once the stream is closed. */
  write: (chunk: string) => void
  /** Runs `cleanup` (typically an unsubscribe) once, when the stream closes. */
  onClose: (cleanup: () => void) => void
  /** Ends the stream from the lake's side (a listener whose filter went over its budget). */
  close: () => void
}

/** Takes `reply` over as an event stream, open until the client, the socket or the lake ends it. */
export function openEventStream(request: FastifyRequest, reply: FastifyReply, hub: ListenHub): EventStream {
  // From here on the response is a raw stream; CORS and other headers set by hooks on `reply`
  // are copied over by hand. No Connection header: it is illegal in HTTP/2.
  reply.hijack()
  const raw = reply.raw as ServerResponse
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
  })
  let open = true
  const write = (chunk: string) => {
    if (open) raw.write(chunk)
  }
  const cleanups: (() => void)[] = []
  const keepalive = setInterval(() => write(': keepalive\n\n'), KEEPALIVE_MS)
  keepalive.unref()
  const close = () => {
    if (!open) return
    open = false
    clearInterval(keepalive)
    for (const cleanup of cleanups) cleanup()
    untrack()
    if (!raw.writableEnded) raw.end()
  }
  const untrack = hub.trackStream(close)
  request.raw.on('close', close)
  raw.on('close', close)
  raw.on('error', close)
  return {
    write,
    close,
    onClose: (cleanup) => {
      if (open) cleanups.push(cleanup)
      else cleanup()
    },
  }
}
