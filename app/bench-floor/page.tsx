/**
 * The benchmarks' floor (scripts/bench-pages.ts, scripts/bench-weight.ts): the least a page of this
 * build can be — the site's layout around one static paragraph, prerendered, no data of its own.
 * Trip pages are measured against it on the same `next start`, so the figures say what a trip page
 * costs on top of the platform and the shared layout, on the same machine at the same moment.
 *
 * It ships to readers only in the sense that the URL answers: it is not linked, not in the
 * sitemap, marked noindex and disallowed in robots.txt. Keeping it in the build (rather than
 * adding it for a benchmark run only) is what makes it "the same build" as the pages it is
 * compared with.
 */
import type { Metadata } from 'next'

export const dynamic = 'force-static'

export const metadata: Metadata = {
  title: 'Benchmark floor',
  robots: { index: false, follow: false },
}

export default function BenchFloorPage() {
  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <p>This page is a fixed reference for performance measurements.</p>
    </div>
  )
}
