/**
 * What the Studio's Publish button does, given whether the editorial review service answers.
 *
 * The review rules run in the lake (its `/data/workflow` endpoints); hosted Sanity has no such
 * service and answers 404. The Studio must not then fall back to the stock Publish button: that
 * would publish unreviewed, embargo or not. So Publish is switched off, with the reason, unless the
 * deployment says it runs without review on purpose (SANITY_STUDIO_REVIEW=off, sanity/env.ts).
 * Only an absent service is opted out: one that fails or has not answered yet still blocks.
 */

/** Whether the Studio requires the review service (`on`, the default) or may publish without one. */
export type ReviewSetting = 'on' | 'off'

/** What the Studio knows of the review service for the open document. */
export type ReviewService =
  | { kind: 'loading' }
  | { kind: 'ready' }
  /** The endpoints are not there (404): a back end without the editorial plugin. */
  | { kind: 'absent' }
  | { kind: 'failed'; message: string }

export type PublishGate =
  /** The review-aware Publish (approval, embargo, change note). */
  | { kind: 'workflow' }
  /** Sanity's own Publish, unchanged. */
  | { kind: 'stock' }
  /** Publish shown disabled, `title` saying why. */
  | { kind: 'blocked'; title: string }

export const NO_REVIEW_SERVICE =
  'Publishing is switched off here: this deployment has no editorial review service, so nothing can be reviewed or held for an embargo before it goes public. Ask an administrator.'

export function publishGate(service: ReviewService, setting: ReviewSetting): PublishGate {
  switch (service.kind) {
    case 'ready':
      return { kind: 'workflow' }
    case 'absent':
      return setting === 'off' ? { kind: 'stock' } : { kind: 'blocked', title: NO_REVIEW_SERVICE }
    case 'loading':
      return { kind: 'blocked', title: 'Checking the editorial review service…' }
    case 'failed':
      return { kind: 'blocked', title: `Publishing waits for the editorial review service, which did not answer: ${service.message}` }
  }
}

/** SANITY_STUDIO_REVIEW, validated: unset means `on`; anything but `on`/`off` is refused with the reason. */
export function parseReviewSetting(value: string | undefined): ReviewSetting {
  if (value === undefined) return 'on'
  const normalised = value.trim().toLowerCase()
  if (normalised === 'on' || normalised === 'off') return normalised
  throw new Error(`SANITY_STUDIO_REVIEW must be "on" or "off", not "${value}". Leave it unset (on) unless this deployment publishes without editorial review on purpose.`)
}
