/**
 * Health checks. The Studio probes `GET /ping?tag=sanity.studio.protocol-check` to see which HTTP
 * version it got, and sends `GET /data/ping/{dataset}` without auth to read `X-Sanity-Shard`.
 */
import type { App } from './common'

export function pingRoutes(app: App): void {
  app.get('/ping', async (_request, reply) => {
    reply.header('content-type', 'text/plain; charset=utf-8')
    return 'PONG'
  })
  app.get('/data/ping/:dataset', async (_request, reply) => {
    reply.header('x-sanity-shard', 'local')
    reply.header('content-type', 'text/plain; charset=utf-8')
    return 'PONG'
  })
}
