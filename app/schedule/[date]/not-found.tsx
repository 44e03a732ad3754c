import Link from 'next/link'

export const metadata = { title: 'No public schedule for this date', robots: { index: false } }

/**
 * A schedule address with no engagements, or no real date: answered 404, so it is not cached,
 * with the schedule's own heading and the way to today's.
 */
export default function NoSchedule() {
  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-neutral-dark">Daily public schedule</p>
      <h1 className="mt-1 text-4xl font-bold tracking-tight">No public schedule for this date</h1>
      <p className="mt-4 max-w-prose text-lg">No public engagements are scheduled for this date, or the address does not name a date (it takes the form /schedule/2021-03-16).</p>
      <p className="mt-4">
        <Link href="/schedule">See today’s schedule</Link>
      </p>
    </div>
  )
}
