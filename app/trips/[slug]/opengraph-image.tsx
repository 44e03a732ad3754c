import { ImageResponse } from 'next/og'
import { sanityFetch } from '@/lib/sanity/client'
import { isKnownSlug } from '@/lib/sanity/staticParams'
import { formatDateRange } from '@/lib/time'
import { TRIP_OG_QUERY } from '@/sanity/queries'
import { pageTag } from '@/lib/revalidation/tags'

/**
 * The trip's link-preview card, drawn by next/og. No font is fetched: ImageResponse falls back to
 * the font it bundles, so this works offline.
 */
export const revalidate = 60
export const alt = 'Official trip: title, dates, destinations and travelling officials'
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const trip = (await isKnownSlug('trip', slug)) ? await sanityFetch(TRIP_OG_QUERY, { slug }, [pageTag('trip', slug)], { stega: false }) : null
  const title = trip?.title ?? 'Official trip'
  const when = trip?.startDate ? formatDateRange(trip.startDate, trip.endDate) : ''
  const where = (trip?.destinations ?? []).map((d) => [d.city, d.country].filter(Boolean).join(', ')).join('; ')
  const who = (trip?.officials ?? []).filter(Boolean).join(' · ')
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#162e51', color: 'white', padding: 64 }}>
      <div style={{ fontSize: 28, color: '#d9e8f6', display: 'flex' }}>Official travel</div>
      <div style={{ fontSize: title.length > 70 ? 54 : 64, fontWeight: 700, lineHeight: 1.15, marginTop: 24, display: 'flex' }}>{title}</div>
      <div style={{ flexGrow: 1, display: 'flex' }} />
      <div style={{ fontSize: 34, display: 'flex' }}>{[when, where].filter(Boolean).join('  ·  ')}</div>
      {who && <div style={{ fontSize: 28, color: '#d9e8f6', marginTop: 12, display: 'flex' }}>{who}</div>}
      <div style={{ height: 12, background: '#ffbe2e', marginTop: 32, display: 'flex' }} />
    </div>,
    size,
  )
}
