/**
 * The scheduler: publishes due schedules (editorial/lake/service.ts runSchedule).
 *
 * Schedules are documents in SQLite, so they survive restarts; the loop looks for due ones once
 * a second and once right at start, so a lift that fell while the lake was down runs as soon as it
 * is back (its `executedAt` then says how late). One tick at a time, and one schedule at a time
 * through the lake's writer queue, so two ticks never publish the same schedule twice.
 */
import type { Clock } from '../../lake/clock'
import type { Store } from '../../lake/store'
import { SCHEDULE_TYPE, type ScheduleDoc } from '../state'
import type { Workflow } from './service'
import { startPeriodic } from '../../lake/periodic'
import type { BackgroundWork } from '../../lake/plugin'

export type Scheduler = BackgroundWork

export function startScheduler(store: Store, workflow: Workflow, options: { intervalMs?: number; log?: (message: string) => void; clock?: Clock } = {}): Scheduler {
  async function runDue(isClosed: () => boolean): Promise<void> {
    const now = options.clock?.now() ?? Date.now()
    for (const dataset of store.datasetNames()) {
      const due = workflow
        .schedules(dataset)
        .filter((schedule: ScheduleDoc) => schedule._type === SCHEDULE_TYPE && schedule.state === 'scheduled' && Date.parse(schedule.publishAt) <= now)
        .sort((a, b) => a.publishAt.localeCompare(b.publishAt))
      for (const schedule of due) {
        if (isClosed()) return
        await workflow.runSchedule(dataset, schedule._id)
        const after = store.get(dataset, schedule._id)
        options.log?.(`Schedule ${schedule._id} (${dataset}, due ${schedule.publishAt}): ${String(after?.state)}${after?.failureReason ? ` — ${String(after.failureReason)}` : ''}`)
      }
    }
  }

  return startPeriodic('scheduler', runDue, options.intervalMs)
}
