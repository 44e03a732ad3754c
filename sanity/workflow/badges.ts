/**
 * Document badges: the review state (Draft, In review, Changes requested, Approved) and, when
 * there is one, the latest schedule (Scheduled, or Schedule failed with its reason).
 */
import type { DocumentBadgeComponent } from 'sanity'
import { STATUS_LABELS } from '../../editorial/state'
import { useWorkflow } from './useWorkflow'

const COLORS = { draft: undefined, inReview: 'warning', changesRequested: 'danger', approved: 'success', published: undefined } as const

export const ReviewBadge: DocumentBadgeComponent = (props) => {
  const { info } = useWorkflow(props.id, props.draft?._rev)
  if (!info || info.status === 'published') return null
  const reason = info.status === 'changesRequested' && info.state?.reason ? `: ${info.state.reason}` : ''
  return { label: STATUS_LABELS[info.status], color: COLORS[info.status], title: `Review: ${STATUS_LABELS[info.status]}${reason}` }
}

export const ScheduleBadge: DocumentBadgeComponent = (props) => {
  const { info } = useWorkflow(props.id, props.draft?._rev)
  const latest = info?.schedules[0]
  if (!latest || latest.state === 'cancelled' || latest.state === 'succeeded') return null
  if (latest.state === 'failed') return { label: 'Schedule failed', color: 'danger', title: latest.failureReason ?? undefined }
  return { label: latest.kind === 'embargo' ? 'Embargoed' : 'Scheduled', color: 'primary', title: `Publishes at ${latest.publishAt}` }
}
