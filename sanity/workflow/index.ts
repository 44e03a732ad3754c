/**
 * Editorial workflow in the Studio: document actions, badges and the review desk tool for sanity.config.ts.
 * Rules: editorial/state.ts; enforcement: editorial/lake/service.ts.
 */
import type { DocumentActionComponent, DocumentBadgeComponent } from 'sanity'
import { ApproveAction, ForcePublishAction, RequestChangesAction, ScheduleAction, SubmitForReviewAction, SubmitForReviewLaterAction, withReview } from './actions'
import { ReviewBadge, ScheduleBadge } from './badges'

export { reviewDeskTool } from './ReviewDesk'

/**
 * Scheduling. A trip goes public with its meetings, the facts of its fact sheet and the new
 * officials it names, so it is scheduled (or its embargo lift is) with Envoy's dialog, which puts
 * that whole group in one release (editorial/group.ts); the Studio's own single-document "Schedule
 * publish" (Scheduled Drafts) is not offered there, since it would publish the trip alone. Every
 * other document is scheduled with the Studio's own Scheduled Drafts: Sanity's primitive for one
 * document, and one "Schedule publish" in each menu.
 */
const GROUP_SCHEDULED_TYPES = new Set(['trip'])

/**
 * Publish waits for approval. The footer's primary button is the first action that shows: the
 * review steps where review is required (each returns null when it does not apply), else Publish.
 */
export function workflowActions(actions: DocumentActionComponent[], schemaType: string): DocumentActionComponent[] {
  const groupScheduled = GROUP_SCHEDULED_TYPES.has(schemaType)
  const wrapped = actions.filter((action) => !(groupScheduled && action.action === 'schedule')).map((action) => (action.action === 'publish' ? withReview(action) : action))
  const publishIndex = wrapped.findIndex((action) => action.action === 'publish')
  // Request changes comes after Publish: once approved, Publish must be the primary button.
  const steps = [SubmitForReviewAction, ApproveAction]
  const extras = [RequestChangesAction, SubmitForReviewLaterAction, ...(groupScheduled ? [ScheduleAction] : []), ForcePublishAction]
  if (publishIndex < 0) return [...wrapped, ...steps, ...extras]
  return [...steps, ...wrapped.slice(0, publishIndex + 1), ...extras, ...wrapped.slice(publishIndex + 1)]
}

export function workflowBadges(badges: DocumentBadgeComponent[]): DocumentBadgeComponent[] {
  return [...badges, ReviewBadge, ScheduleBadge]
}
