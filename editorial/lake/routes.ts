/**
 * The workflow's HTTP endpoints (Envoy's own review; schedules and embargo lifts are Content
 * Releases, through Sanity's own Actions API, editorial/release-schedule.ts):
 *
 *   GET  /data/workflow/{ds}/settings                → {reviewRequired, reviewTypes}
 *   PUT  /data/workflow/{ds}/settings                {reviewRequired}   (administrator)
 *   GET  /data/workflow/{ds}/documents/{id}          → status, last editor, state
 *   POST /data/workflow/{ds}                         {documentId, action: submit|approve|reject|forcePublish, reason?, revision?}
 *
 * Reading needs a token or session (viewer and up); changing needs write access (editor and
 * up); forcePublish and the settings need an administrator.
 */
import { requireWrite } from '../../lake/auth'
import { LakeError } from '../../lake/errors'
import type { App, LakeContext } from '../../lake/routes/common'
import { datasetOf, principalOf } from '../../lake/routes/common'
import type { Principal } from '../../lake/types'
import type { Workflow } from './service'

function requireReader(principal: Principal): void {
  if (principal.role === 'anonymous') throw new LakeError(401, 'unauthorizedError', 'Unauthorized - workflow state needs a token or a signed-in user')
}

export function workflowRoutes(app: App, context: LakeContext, workflow: Workflow): void {
  app.get('/data/workflow/:dataset/settings', async (request) => {
    requireReader(principalOf(context, request))
    return workflow.settings(datasetOf(request))
  })

  app.put('/data/workflow/:dataset/settings', async (request) => {
    const body = (request.body ?? {}) as { reviewRequired?: unknown }
    return workflow.setReviewRequired(datasetOf(request), principalOf(context, request), body.reviewRequired)
  })

  app.get('/data/workflow/:dataset/documents/:documentId', async (request) => {
    requireReader(principalOf(context, request))
    return workflow.describe(datasetOf(request), (request.params as { documentId: string }).documentId)
  })

  app.post('/data/workflow/:dataset', async (request) => {
    const dataset = datasetOf(request)
    const principal = principalOf(context, request)
    requireWrite(principal, 'actionError')
    return workflow.act(dataset, principal, request.body)
  })
}
