import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { GovBanner } from '@/components/chrome/GovBanner'
import { Identifier } from '@/components/chrome/Identifier'
import { SiteHeader } from '@/components/chrome/SiteHeader'
import { SkipLink } from '@/components/chrome/SkipLink'
import { readSiteUrl } from '@/lib/env'
import { sanityFetch } from '@/lib/sanity/client'
import { SETTINGS_QUERY } from '@/sanity/queries'
import './globals.css'

const FALLBACK_TITLE = 'Envoy'
const FALLBACK_DESCRIPTION = 'Official government travel: trips, their meetings, the officials who take part, and sourced fact sheets.'

async function loadSettings() {
  return sanityFetch(SETTINGS_QUERY, {}, ['settings'])
}

export async function generateMetadata(): Promise<Metadata> {
  const settings = await loadSettings()
  const title = settings?.title ?? FALLBACK_TITLE
  return {
    metadataBase: new URL(readSiteUrl()),
    title: { default: title, template: `%s | ${title}` },
    description: settings?.description ?? FALLBACK_DESCRIPTION,
    applicationName: title,
  }
}

export const viewport: Viewport = { themeColor: '#162e51' }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const settings = await loadSettings()
  const title = settings?.title ?? FALLBACK_TITLE
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans text-ink antialiased">
        <SkipLink />
        <GovBanner />
        <SiteHeader siteTitle={title} />
        <main id="main-content" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <Identifier
          domain={new URL(settings?.siteUrl ?? readSiteUrl()).host}
          publisher={settings?.publisher ?? title}
          links={settings?.identifierLinks ?? []}
        />
      </body>
    </html>
  )
}
