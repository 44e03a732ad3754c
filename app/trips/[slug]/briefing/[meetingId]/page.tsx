import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { BriefingSheet } from '@/components/briefing/BriefingSheet'
import { PrintControls } from '@/components/briefing/PrintControls'
import { RunningTitle } from '@/components/briefing/RunningTitle'
import { loadBriefing } from '@/lib/briefing/load'
import { readSiteUrl } from '@/lib/env'

/**
 * The sheet for a single engagement: /trips/<slug>/briefing/<meeting id>. It lives under the
 * trip's briefing, since it is that briefing narrowed to one meeting (the trip's facts and
 * figures stay, as context). Cached and expired like the trip's sheet (lib/briefing/load.ts); each
 * engagement's sheet is rendered on its first request, then served from the cache.
 */
export const revalidate = 60

/** None at build time: each engagement's sheet is cached from its first request. */
export async function generateStaticParams(): Promise<Params[]> {
  return []
}

type Params = { slug: string; meetingId: string }

async function load(params: Promise<Params>, stega: boolean) {
  const { slug, meetingId } = await params
  const loaded = await loadBriefing(slug, { stega })
  const meeting = loaded?.trip.meetings.find((m) => m._id === meetingId)
  return loaded && meeting ? { loaded, meeting, slug } : null
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const found = await load(params, false)
  if (!found) return { title: 'Briefing not found' }
  return {
    title: `Briefing sheet: ${found.meeting.title}`,
    alternates: { canonical: `/trips/${found.slug}/briefing/${found.meeting._id}` },
  }
}

export default async function MeetingBriefingPage({ params }: { params: Promise<Params> }) {
  const found = await load(params, true)
  if (!found) notFound()
  const { loaded, meeting, slug } = found
  return (
    <div className="bg-neutral-lightest px-2 py-6 print:bg-white print:p-0">
      <RunningTitle text={`Briefing sheet: ${meeting.title} (${loaded.trip.title ?? 'Trip'})`} />
      <div className="mx-auto mb-4 flex max-w-[8.5in] flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/trips/${slug}/briefing`}>← The whole trip’s briefing</Link>
        <div className="flex flex-wrap items-center gap-3">
          <a href={`/trips/${slug}/briefing.pdf?meeting=${encodeURIComponent(meeting._id)}`}>Download PDF</a>
          <PrintControls />
        </div>
      </div>
      <BriefingSheet loaded={loaded} meetingId={meeting._id} liveUrl={`${readSiteUrl()}/trips/${slug}/briefing/${meeting._id}`} />
    </div>
  )
}
