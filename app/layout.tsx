import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { GovBanner } from '@/components/chrome/GovBanner'
import { Identifier } from '@/components/chrome/Identifier'
import { SiteHeader } from '@/components/chrome/SiteHeader'
import { SkipLink } from '@/components/chrome/SkipLink'
import { JsonLd } from '@/components/JsonLd'
import { PreviewBanner } from '@/components/preview/PreviewBanner'
import { PreviewEditing } from '@/components/preview/PreviewEditing'
import { PreviewLive } from '@/components/preview/PreviewLive'
import { readSiteUrl } from '@/lib/env'
import { organizationLd } from '@/lib/jsonld'
import { isDraftModeOn, previewMode } from '@/lib/preview/mode'
import { sanityFetch } from '@/lib/sanity/client'
import { SETTINGS_QUERY } from '@/sanity/queries'
import './globals.css'

const FALLBACK_TITLE = 'Envoy'
const FALLBACK_DESCRIPTION = 'Official government travel: trips, their meetings, the officials who take part, and sourced fact sheets.'

/** `stega: false` for metadata; the header and footer text stays click-to-edit (JsonLd cleans its own). */
async function loadSettings(stega: boolean) {
  return sanityFetch(SETTINGS_QUERY, {}, ['settings'], { stega })
}

export async function generateMetadata(): Promise<Metadata> {
  const settings = await loadSettings(false)
  const title = settings?.title ?? FALLBACK_TITLE
  return {
    metadataBase: new URL(readSiteUrl()),
    title: { default: title, template: `%s | ${title}` },
    description: settings?.description ?? FALLBACK_DESCRIPTION,
    applicationName: title,
    // Announced on every page, so feed readers find it wherever a reader starts.
    alternates: { types: { 'application/atom+xml': [{ url: '/feed.xml', title: `${title}: trips (Atom feed)` }] } },
    openGraph: { siteName: title, type: 'website', locale: 'en_US' },
    // Preview (staff or share link) is never indexed; proxy.ts adds the X-Robots-Tag header too.
    ...((await isDraftModeOn()) ? { robots: { index: false, follow: false } } : {}),
  }
}

export const viewport: Viewport = { themeColor: '#162e51' }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const settings = await loadSettings(true)
  const title = settings?.title ?? FALLBACK_TITLE
  const site = readSiteUrl()
  const sameAs = (settings?.identifierLinks ?? []).flatMap((link) => (link.url ? [link.url] : []))
  const preview = await previewMode()
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans text-ink antialiased">
        <JsonLd data={organizationLd(site, settings?.publisher ?? title, sameAs)} />
        <SkipLink />
        {preview.kind !== 'off' && <PreviewBanner mode={preview} />}
        <GovBanner />
        <SiteHeader siteTitle={title} agency={settings?.publisher ?? null} logo={settings?.agencyLogo ?? null} />
        <main id="main-content" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <Identifier
          domain={new URL(settings?.siteUrl ?? readSiteUrl()).host}
          siteTitle={title}
          publisher={settings?.publisher ?? title}
          parentAgency={settings?.parentAgency ?? null}
          logo={settings?.agencyLogo ?? null}
          pressContact={settings?.pressContact ?? null}
          links={settings?.identifierLinks ?? []}
          required={settings?.requiredLinks ?? null}
        />
        {preview.kind === 'staff' && (
          <>
            <PreviewEditing />
            <PreviewLive />
          </>
        )}
      </body>
    </html>
  )
}
