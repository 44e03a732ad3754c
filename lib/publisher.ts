/** Site title and publisher name from the Settings document, with the same fallbacks as the layout. */
import { sanityFetch } from '@/lib/sanity/client'
import { SETTINGS_QUERY } from '@/sanity/queries'

export const FALLBACK_TITLE = 'Envoy'

export async function loadSiteIdentity() {
  const settings = await sanityFetch(SETTINGS_QUERY, {}, ['settings'], { stega: false })
  const title = settings?.title ?? FALLBACK_TITLE
  return { title, publisher: settings?.publisher ?? title, description: settings?.description ?? null, settings }
}
