/**
 * The Studio's Publish button fails closed: where the editorial review service is missing (hosted
 * Sanity without the plugin answers its endpoints with 404), not answering, or not yet asked,
 * Publish is disabled with the reason; Sanity's own button comes back only where the deployment
 * opts out with SANITY_STUDIO_REVIEW=off, and only for a missing service.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { NO_REVIEW_SERVICE, parseReviewSetting, publishGate, type ReviewService } from '../../sanity/workflow/publishGate'

const SERVICES: ReviewService[] = [{ kind: 'loading' }, { kind: 'ready' }, { kind: 'absent' }, { kind: 'failed', message: 'Request error while attempting to reach https://lake' }]

describe('the Studio Publish button without a review service', () => {
  it('uses the review-aware Publish wherever the service answers', () => {
    assert.deepEqual(publishGate({ kind: 'ready' }, 'on'), { kind: 'workflow' })
    assert.deepEqual(publishGate({ kind: 'ready' }, 'off'), { kind: 'workflow' })
  })

  it('is disabled, saying plainly that publishing is off, where the service is absent', () => {
    const gate = publishGate({ kind: 'absent' }, 'on')
    assert.deepEqual(gate, { kind: 'blocked', title: NO_REVIEW_SERVICE })
    assert.match(NO_REVIEW_SERVICE, /Publishing is switched off here: this deployment has no editorial review service/)
  })

  it('is disabled while the service has not answered or fails, opted out or not', () => {
    for (const setting of ['on', 'off'] as const) {
      assert.equal(publishGate({ kind: 'loading' }, setting).kind, 'blocked')
      const failed = publishGate({ kind: 'failed', message: 'Request error while attempting to reach https://lake' }, setting)
      assert.equal(failed.kind, 'blocked')
      assert.match(failed.kind === 'blocked' ? failed.title : '', /did not answer: Request error/)
    }
  })

  it('gives back the stock button only for an absent service in a deployment that opted out', () => {
    const stock = SERVICES.flatMap((service) => (['on', 'off'] as const).filter((setting) => publishGate(service, setting).kind === 'stock').map((setting) => `${service.kind}/${setting}`))
    assert.deepEqual(stock, ['absent/off'])
  })
})

describe('SANITY_STUDIO_REVIEW', () => {
  it('defaults to on and accepts on/off in any case', () => {
    assert.equal(parseReviewSetting(undefined), 'on')
    assert.equal(parseReviewSetting('off'), 'off')
    assert.equal(parseReviewSetting(' OFF '), 'off')
    assert.equal(parseReviewSetting('on'), 'on')
  })

  it('refuses anything else with the reason, rather than guessing', () => {
    for (const value of ['false', '0', 'no', 'disabled', 'of']) {
      assert.throws(() => parseReviewSetting(value), /SANITY_STUDIO_REVIEW must be "on" or "off"/)
    }
  })
})
