/**
 * Asset upload and delivery.
 *
 * POST /assets/images/{dataset}?filename=… and POST /assets/files/{dataset}: the raw bytes as the
 *   body (any Content-Type), editor or administrator only. Answers `{document}` (the asset
 *   document), as Sanity does.
 * GET /images/{projectId}/{dataset}/{sha1}-{w}x{h}.{ext}?w=&h=&rect=&fit=&auto=format&dpr=&q=:
 *   the image, transformed with sharp. Public, like Sanity's image CDN for a public dataset.
 * GET /files/{projectId}/{dataset}/{sha1}.{ext}[?dl=name]: the file.
 */
import { requireWrite } from '../auth'
import { ASSET_BODY_LIMIT, mimeForExtension, readAsset, transformImage, uploadAsset } from '../assets'
import type { AssetKind } from '../assets'
import { badRequest, notFound } from '../errors'
import type { StudioContext } from '../studio/context'
import { isVisible } from '../perspective'
import { callerOf, requestOrigin } from '../studio/context'
import type { App } from './common'
import { datasetOf } from './common'

const IMAGE_NAME = /^([a-f0-9]{40})-(\d+)x(\d+)\.([a-z0-9]{1,10})$/
const FILE_NAME = /^([a-f0-9]{40})\.([a-z0-9]{1,10})$/
const IMMUTABLE = 'public, max-age=31536000, immutable'

export function assetRoutes(app: App, context: StudioContext): void {
  // Uploads are raw bytes of any type (a .json or .txt file too); these parsers only apply
  // inside this plugin.
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ASSET_BODY_LIMIT }, (_request, body, done) => done(null, body))

  for (const kind of ['images', 'files'] as const) {
    app.post(`/assets/${kind}/:dataset`, { bodyLimit: ASSET_BODY_LIMIT }, async (request) => {
      const dataset = datasetOf(request)
      const caller = callerOf(context, request)
      requireWrite(caller.principal, 'mutationError')
      const body = request.body
      if (!Buffer.isBuffer(body)) throw badRequest('Send the file as the raw request body with its own Content-Type (not JSON)')
      const query = request.query as Record<string, string | undefined>
      const document = await uploadAsset(context, {
        dataset,
        kind: (kind === 'images' ? 'image' : 'file') as AssetKind,
        bytes: body,
        contentType: request.headers['content-type']?.split(';')[0]?.trim(),
        filename: query.filename,
        fields: query as Record<string, string>,
        author: caller.principal.id,
        // The configured public HTTPS origin, whichever server took the upload: a URL on the
        // plain-HTTP loopback port would not load in browsers, and @sanity/import refuses it.
        origin: context.publicOrigin ?? requestOrigin(request, context.projectId),
        projectId: context.projectId,
      })
      return { document }
    })
  }

  app.get('/images/:projectId/:dataset/:name', async (request, reply) => {
    const dataset = datasetOf(request)
    const match = IMAGE_NAME.exec((request.params as { name: string }).name)
    if (!match) throw notFound('No such image')
    const [, sha1, , , ext] = match as unknown as [string, string, string, string, string]
    const original = readAsset(context.dir, dataset, sha1, ext)
    if (!original) throw notFound('No such image')
    const result = await transformImage(original, ext, request.query as Record<string, string | undefined>, request.headers.accept, context.transforms)
    reply.header('content-type', result.contentType).header('cache-control', IMMUTABLE).header('x-content-type-options', 'nosniff')
    // SVG can carry script: never let it run in the lake's origin.
    if (result.contentType === 'image/svg+xml') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    if (result.varyAccept) reply.header('vary', 'Accept')
    return reply.send(result.body)
  })

  app.get('/files/:projectId/:dataset/:name', async (request, reply) => {
    const dataset = datasetOf(request)
    const match = FILE_NAME.exec((request.params as { name: string }).name)
    if (!match) throw notFound('No such file')
    const [, sha1, ext] = match as unknown as [string, string, string]
    const asset = context.store.get(dataset, `file-${sha1}-${ext}`)
    // A file (and its original name) reaches anonymous callers only once a published document
    // references it: an attachment of a draft or an embargoed trip stays private until then.
    if (!asset || !isVisible(context.store, dataset, callerOf(context, request).principal, asset)) throw notFound('No such file')
    const bytes = readAsset(context.dir, dataset, sha1, ext)
    if (!bytes) throw notFound('No such file')
    const mime = typeof asset?.mimeType === 'string' ? asset.mimeType : mimeForExtension(ext)
    const dl = (request.query as Record<string, string | undefined>).dl
    // Files are served as downloads unless they are plain images: an uploaded HTML file must not
    // render (and run script) in the lake's origin.
    const inline = /^image\/(png|jpeg|gif|webp|avif)$/.test(mime) && dl === undefined
    const filename = (dl || (typeof asset?.originalFilename === 'string' ? asset.originalFilename : `${sha1}.${ext}`)).replace(/["\\\r\n]/g, '_')
    reply
      .header('content-type', mime)
      .header('cache-control', IMMUTABLE)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${filename}"`)
    return reply.send(bytes)
  })
}
