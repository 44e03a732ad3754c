import Link from 'next/link'

export const metadata = { title: 'All trips: no match', robots: { index: false } }

/**
 * A filtered view with nothing to show (components/lists/TripsList.tsx): answered 404, so it is not
 * cached, with the list's own heading and a way back to the whole list.
 */
export default function NoMatch() {
  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <h1 className="text-4xl font-bold tracking-tight">All trips</h1>
      <h2 className="mt-8 text-2xl font-bold">No trips match</h2>
      <p className="mt-3">
        No trip matches these filters. <Link href="/trips">See all trips</Link>.
      </p>
    </div>
  )
}
