/**
 * Dataset endpoints as `@sanity/client`'s `datasets` API (and so `sanity dataset list/create/
 * delete`) calls them: GET /datasets (or /projects/{id}/datasets when the client does not use a
 * project hostname) → `[{name, aclMode, createdAt, …}]`; PUT /datasets/{name} `{aclMode}` →
 * `{datasetName, aclMode}`; PATCH the same; DELETE /datasets/{name} → `{deleted: true}`.
 * Listing needs any signed-in caller; creating, editing and deleting need an administrator.
 */
import { checkAclMode, createDataset, datasetExists, deleteDataset, listDatasets } from '../datasets'
import { notFound } from '../errors'
import type { App, LakeContext } from './common'
import { datasetOf, principalOf, requireAdministrator, requireSignedIn } from './common'

export function datasetRoutes(app: App, context: LakeContext): void {
  const list = async (request: Parameters<typeof principalOf>[1]) => {
    requireSignedIn(principalOf(context, request))
    return listDatasets(context.store)
  }
  app.get('/datasets', list)
  app.get('/projects/:projectId/datasets', list)

  for (const prefix of ['', '/projects/:projectId']) {
    app.put(`${prefix}/datasets/:dataset`, async (request) => {
      requireAdministrator(principalOf(context, request), 'Managing datasets')
      const name = datasetOf(request)
      checkAclMode(request.body)
      const created = createDataset(context.store, name)
      return { datasetName: created.name, aclMode: created.aclMode }
    })
    app.patch(`${prefix}/datasets/:dataset`, async (request) => {
      requireAdministrator(principalOf(context, request), 'Managing datasets')
      const name = datasetOf(request)
      checkAclMode(request.body)
      if (!datasetExists(context.store, name)) throw notFound(`Dataset "${name}" not found`)
      return { datasetName: name, aclMode: 'public' }
    })
    app.delete(`${prefix}/datasets/:dataset`, async (request) => {
      requireAdministrator(principalOf(context, request), 'Managing datasets')
      await deleteDataset(context.store, context.dir, datasetOf(request))
      return { deleted: true }
    })
  }
}
