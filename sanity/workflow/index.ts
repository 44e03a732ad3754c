/**
 * Editorial workflow in the Studio: document actions, badges and the review desk tool for sanity.config.ts.
 * Rules: editorial/state.ts; enforcement: editorial/lake/service.ts.
 */
import type { DocumentActionComponent, DocumentBadgeComponent } from 'sanity'
import { ApproveAction, ForcePublishAction, RequestChangesAction, ScheduleAction, SubmitForReviewAction, SubmitForReviewLaterAction, withReview } from './actions'
import { ReviewBadge, ScheduleBadge } from './badges'

export { reviewDeskTool } from './ReviewDesk'

/**
 * Publish waits for approval. The footer's primary button is the first action that shows: the
 * review steps where review is required (each returns null when it does not apply), else Publish.
 */
export function workflowActions(actions: DocumentActionComponent[]): DocumentActionComponent[] {
  const wrapped = actions.map((action) => (action.action === 'publish' ? withReview(action) : action))
  const publishIndex = wrapped.findIndex((action) => action.action === 'publish')
  // Request changes comes after Publish: once approved, Publish must be the primary button.
  const steps = [SubmitForReviewAction, ApproveAction]
  const extras = [RequestChangesAction, SubmitForReviewLaterAction, ScheduleAction, ForcePublishAction]
  if (publishIndex < 0) return [...wrapped, ...steps, ...extras]
  return [...steps, ...wrapped.slice(0, publishIndex + 1), ...extras, ...wrapped.slice(publishIndex + 1)]
}

export function workflowBadges(badges: DocumentBadgeComponent[]): DocumentBadgeComponent[] {
  return [...badges, ReviewBadge, ScheduleBadge]
}
