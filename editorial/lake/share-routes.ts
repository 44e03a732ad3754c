/**
 * Envoy's share-link endpoints (not part of Sanity's API; see editorial/lake/share.ts):
 * - POST /envoy/share/{dataset}/open  body `{token}`: checks the link and records the opening;
 * - GET  /envoy/share/{dataset}/links/{linkId}: the link's state, recording nothing.
 * Both answer `{state, linkId, documentId, documentType, expiresAt}`: 200 when active, 410 when
 * revoked, expired or published, 404 for an unknown link. They need a token (the portal's viewer
 * token): an anonymous caller learns nothing, not even whether a link exists.
 */
import { LakeError, badRequest } from '../../lake/errors'
import { openShareLink, checkShareLink } from './share'
import type { ShareCheck } from './share'
import { SHARE_LINK_ID_PREFIX, SHARE_TOKEN_PATTERN, shareLinkMessage } from '../share-rules'
import type { App, LakeContext } from '../../lake/routes/common'
import { datasetOf, isRecord, principalOf } from '../../lake/routes/common'

function requireReader(context: LakeContext, request: Parameters<typeof principalOf>[1]) {
  const principal = principalOf(context, request)
  if (principal.role === 'anonymous') throw new LakeError(401, 'unauthorizedError', 'Unauthorized - share links are checked with a token')
  return principal
}

function answer(result: ShareCheck) {
  if (!result.found) throw new LakeError(404, 'notFoundError', 'No such preview link')
  const body = { state: result.state, linkId: result.linkId, documentId: result.documentId, documentType: result.documentType, expiresAt: result.expiresAt }
  if (result.state !== 'active') throw new LakeError(410, 'goneError', shareLinkMessage(result.state), body)
  return body
}

export function shareRoutes(app: App, context: LakeContext): void {
  app.post('/envoy/share/:dataset/open', async (request) => {
    const dataset = datasetOf(request)
    const principal = requireReader(context, request)
    const token = isRecord(request.body) ? request.body.token : undefined
    if (typeof token !== 'string' || !SHARE_TOKEN_PATTERN.test(token)) throw new LakeError(404, 'notFoundError', 'No such preview link')
    return answer(await openShareLink(context, dataset, token, principal))
  })

  app.get('/envoy/share/:dataset/links/:linkId', async (request) => {
    const dataset = datasetOf(request)
    requireReader(context, request)
    const linkId = (request.params as { linkId?: string }).linkId ?? ''
    if (!linkId.startsWith(SHARE_LINK_ID_PREFIX)) throw badRequest('Not a preview link id')
    return answer(checkShareLink(context.store, dataset, linkId))
  })
}
