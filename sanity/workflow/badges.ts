/**
 * Document badges: the review state (Draft, In review, Changes requested, Approved) and, when
 * there is one, the scheduled release the document is in (Scheduled, Embargoed) or one that could
 * not publish (Release failed, with its reason).
 */
import type { DocumentBadgeComponent } from 'sanity'
import { STATUS_LABELS } from '../../editorial/state'
import { useDocumentReleases } from './useDocumentReleases'
import { useWorkflow } from './useWorkflow'

const COLORS = { draft: undefined, inReview: 'warning', changesRequested: 'danger', approved: 'success', published: undefined } as const

export const ReviewBadge: DocumentBadgeComponent = (props) => {
  const { info } = useWorkflow(props.id, props.draft?._rev)
  if (!info || info.status === 'published') return null
  const reason = info.status === 'changesRequested' && info.state?.reason ? `: ${info.state.reason}` : ''
  return { label: STATUS_LABELS[info.status], color: COLORS[info.status], title: `Review: ${STATUS_LABELS[info.status]}${reason}` }
}

/** The document's next scheduled release, or the last one that could not publish, with why. */
export const ScheduleBadge: DocumentBadgeComponent = (props) => {
  const { releases } = useDocumentReleases(props.id)
  const scheduled = releases?.find((release) => release.state === 'scheduled')
  if (scheduled) return { label: scheduled.title.startsWith('Embargo lift') ? 'Embargoed' : 'Scheduled', color: 'primary', title: `${scheduled.title}: publishes at ${scheduled.publishAt ?? ''}` }
  const failed = releases?.find((release) => release.state === 'active' && release.error)
  return failed ? { label: 'Release failed', color: 'danger', title: failed.error ?? undefined } : null
}
