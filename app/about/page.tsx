import type { Metadata } from 'next'
import Link from 'next/link'
import { loadSiteIdentity } from '@/lib/publisher'

export const revalidate = 60

export const metadata: Metadata = {
  title: 'About this portal',
  description: 'What this portal publishes, where its content comes from, and how to follow it.',
  alternates: { canonical: '/about' },
}

export default async function AboutPage() {
  const { title, publisher } = await loadSiteIdentity()
  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <div className="max-w-prose space-y-4 text-lg leading-relaxed">
        <h1 className="text-4xl font-bold tracking-tight">About {title}</h1>
        <p>
          {title} publishes official government travel: each trip with its dates and destinations, the meetings on its programme, the officials who take part, and a fact sheet in which every fact
          carries its source and the date it speaks for. It is published by {publisher}.
        </p>
        <h2 className="pt-4 text-2xl font-bold">Where the content comes from</h2>
        <p>
          Trip pages are written from official announcements, and each one names the announcement it is based on. Facts are given word for word as their source states them. Times are shown on the
          local clock where a meeting takes place, with Washington time beside them; a time is only shown once it has been announced.
        </p>
        <h2 className="pt-4 text-2xl font-bold">Changes and withdrawals</h2>
        <p>
          Every trip page says when it was published and last updated. Significant changes are described in the page’s change history. A trip that is withdrawn keeps its page, with a notice explaining
          why.
        </p>
        <h2 className="pt-4 text-2xl font-bold">Following new trips</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <a href="/feed.xml" type="application/atom+xml">
              The Atom feed of trips
            </a>
            , and a feed for each official on their page.
          </li>
          <li>A calendar file (.ics) for each trip and each official, which calendar applications can subscribe to.</li>
          <li>
            <Link href="/search">Search</Link> covers trips, meetings, officials and facts.
          </li>
        </ul>
      </div>
    </div>
  )
}
