/**
 * The lake's clock (lake/clock.ts). `GET /clock` tells anyone the lake's time (`{now}`, ISO), so
 * a client can schedule relative to it. On a lake started with `LAKE_CLOCK=manual` (tests only),
 * `POST /clock {advanceMs}` lets an administrator move it forward, then publishes whatever that
 * made due before answering: a test's schedules and embargo lifts fall due at once, without
 * waiting for the wall clock. A lake on the system clock has no such route (404).
 */
import { badRequest } from '../errors'
import type { App, LakeContext } from './common'
import { isRecord, principalOf, requireAdministrator } from './common'
import { MAX_ADVANCE_MS } from '../clock'

export function clockRoutes(app: App, context: LakeContext): void {
  const now = () => ({ now: new Date(context.clock.now()).toISOString() })
  app.get('/clock', async () => now())
  const advance = context.clock.advance
  if (!advance) return
  app.post('/clock', async (request) => {
    requireAdministrator(principalOf(context, request), 'Moving the lake clock')
    const body: unknown = request.body
    const ms = isRecord(body) ? body.advanceMs : undefined
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms <= 0 || ms > MAX_ADVANCE_MS) {
      throw badRequest(`"advanceMs" must be a whole number of milliseconds from 1 to ${MAX_ADVANCE_MS}`)
    }
    advance(ms)
    await context.runDue?.()
    return now()
  })
}
