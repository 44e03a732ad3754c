import type { Metadata } from 'next'
import { loadSiteIdentity } from '@/lib/publisher'

export const revalidate = 60

export const metadata: Metadata = {
  title: 'Accessibility statement',
  description: 'The accessibility standard this portal aims to meet, how it is checked, and its known limitations.',
  alternates: { canonical: '/accessibility' },
}

export default async function AccessibilityPage() {
  const { title } = await loadSiteIdentity()
  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <div className="max-w-prose space-y-4 text-lg leading-relaxed">
        <h1 className="text-4xl font-bold tracking-tight">Accessibility statement</h1>
        <p>{title} aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, the standard Section 508 of the Rehabilitation Act builds on.</p>
        <h2 className="pt-4 text-2xl font-bold">What we do</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>Every page works with JavaScript turned off: search, filters and paging are ordinary links and forms.</li>
          <li>Every page can be used with a keyboard alone, starting with a link that skips to the main content.</li>
          <li>Maps are drawn with a text list of the same places beside them.</li>
          <li>Text and its background meet the WCAG contrast ratios, and the site uses the reader’s system fonts.</li>
          <li>Trip pages and briefing sheets print without the site’s navigation.</li>
          <li>Each page template is checked automatically with the axe accessibility engine before release.</li>
        </ul>
        <h2 className="pt-4 text-2xl font-bold">Known limitations</h2>
        <p>
          Automated checks find only some kinds of problems. Documents linked from this site, such as official readouts on other websites, are outside our control and may not meet the same standard.
        </p>
        <h2 className="pt-4 text-2xl font-bold">Tell us about a problem</h2>
        <p>If something on this site is hard to use, please tell the office that publishes it, and say which page and what you were trying to do.</p>
      </div>
    </div>
  )
}
