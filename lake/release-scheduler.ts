/**
 * Publishes scheduled releases at their `publishAt`, by the lake's clock (lake/clock.ts).
 *
 * Runs whether or not the editorial workflow is on (scheduled releases are Sanity's own). Release
 * documents are in SQLite, so a release that fell due while the lake was down publishes as soon as
 * it is back. Each release publishes in one transaction through the writer queue (publishReleaseIn),
 * so a second tick finds it published and does nothing. When the publish is refused (a strong
 * reference its documents would break, a write guard's rule), the release goes back to `active`
 * with `error.message` saying why, which the Studio's Releases tool shows, instead of being retried
 * every second.
 */
import type { Clock } from './clock'
import { LakeError } from './errors'
import { ActionFailure } from './action-input'
import { RELEASE_TYPE, publishReleaseIn, readRelease, type Release } from './releases'
import { changesAsMutations, runWrite, type WriteContext, type WriteTransaction } from './write'
import { startPeriodic } from './periodic'
import type { BackgroundWork } from './plugin'

/** Author of the transactions that publish scheduled releases. */
export const RELEASE_SCHEDULER_AUTHOR = 'lake-release-scheduler'

export type ReleaseScheduler = BackgroundWork

export type ReleaseSchedulerOptions = {
  intervalMs?: number
  log?: (message: string) => void
  clock?: Clock
  /** The write guard every publish passes (the editorial workflow's, when it is on). */
  guard?: (dataset: string) => ((tx: WriteTransaction) => void) | undefined
}

function scheduledReleases(context: WriteContext, dataset: string): Release[] {
  return context.store.memo(dataset, 'releases:scheduled', (docs) =>
    docs.flatMap((doc) => {
      if (doc._type !== RELEASE_TYPE) return []
      const release = readRelease(doc)
      return release?.state === 'scheduled' && release.publishAt ? [release] : []
    }),
  )
}

/** Publishes one due release, or records why it could not be. */
export async function publishDueRelease(context: WriteContext, dataset: string, releaseDocId: string, options: ReleaseSchedulerOptions = {}): Promise<void> {
  const isDue = (release: Release | null, tx: WriteTransaction): release is Release =>
    release?.state === 'scheduled' && release.publishAt !== undefined && Date.parse(release.publishAt) <= tx.time.getTime()
  try {
    await runWrite(
      context,
      { dataset, author: RELEASE_SCHEDULER_AUTHOR, afterBuild: options.guard?.(dataset) },
      (tx) => {
        const release = readRelease(tx.get(releaseDocId))
        if (isDue(release, tx)) publishReleaseIn(tx, release)
      },
      (_value, changes) => changesAsMutations(changes),
    )
  } catch (error) {
    const known = error instanceof LakeError || error instanceof ActionFailure
    if (!known) console.error(`[lake] scheduled release ${releaseDocId} failed:`, error)
    const message = known ? error.message : 'The lake failed while publishing the release (see its log).'
    await runWrite(
      context,
      { dataset, author: RELEASE_SCHEDULER_AUTHOR },
      (tx) => {
        const release = readRelease(tx.get(releaseDocId))
        if (!isDue(release, tx)) return
        const { _rev: _ignored, ...doc } = release.doc
        tx.put({ ...doc, state: 'active', error: { message: `Not published at ${release.publishAt}: ${message}` } })
      },
      (_value, changes) => changesAsMutations(changes),
    )
  }
}

export function startReleaseScheduler(context: WriteContext, options: ReleaseSchedulerOptions = {}): ReleaseScheduler {
  async function runDue(isClosed: () => boolean): Promise<void> {
    const now = options.clock?.now() ?? Date.now()
    for (const dataset of context.store.datasetNames()) {
      const due = scheduledReleases(context, dataset)
        .filter((release) => Date.parse(release.publishAt ?? '') <= now)
        .sort((a, b) => (a.publishAt ?? '').localeCompare(b.publishAt ?? ''))
      for (const release of due) {
        if (isClosed()) return
        await publishDueRelease(context, dataset, release.doc._id, options)
        const after = readRelease(context.store.get(dataset, release.doc._id))
        options.log?.(`Release ${release.releaseId} (${dataset}, due ${release.publishAt}): ${after?.state ?? 'gone'}`)
      }
    }
  }

  return startPeriodic('release scheduler', runDue, options.intervalMs)
}
