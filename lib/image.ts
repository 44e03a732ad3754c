/**
 * Image URLs through @sanity/image-url: sized and cropped (honouring the editor's hotspot) by the
 * image pipeline, whether that is Sanity's CDN or the lake's /images route, which speaks the same
 * URL scheme. The host is taken from the asset's own URL, so both sources work unchanged.
 */
import { createImageUrlBuilder } from '@sanity/image-url'

interface ImageValue {
  asset: { _id: string; url: string | null } | null
  hotspot?: { x?: number; y?: number; height?: number; width?: number } | null
  crop?: { top?: number; bottom?: number; left?: number; right?: number } | null
}

/** The image at the given size, or null when there is no asset. */
export function imageUrl(image: ImageValue | null | undefined, width: number, height: number): string | null {
  const asset = image?.asset
  if (!asset?._id || !asset.url) return null
  // ".../images/<projectId>/<dataset>/<file>": project and dataset sit in the path.
  const url = new URL(asset.url)
  const [, , projectId, dataset] = url.pathname.split('/')
  if (!projectId || !dataset) return asset.url
  const builder = createImageUrlBuilder({ projectId, dataset, baseUrl: url.origin })
  return builder
    .image({ asset: { _ref: asset._id }, hotspot: image?.hotspot ?? undefined, crop: image?.crop ?? undefined })
    .width(width)
    .height(height)
    .fit('crop')
    .auto('format')
    .url()
}
