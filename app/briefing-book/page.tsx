import type { Metadata } from 'next'
import Link from 'next/link'
import { BriefingSheet } from '@/components/briefing/BriefingSheet'
import { RunningTitle } from '@/components/briefing/RunningTitle'
import { PrintControls } from '@/components/briefing/PrintControls'
import { bookQuery, loadBook, parseBookSelection } from '@/lib/briefing/book'
import { readSiteUrl } from '@/lib/env'
import { listTag } from '@/lib/revalidation/tags'
import { sanityFetch } from '@/lib/sanity/client'
import { formatDate, formatDateRange } from '@/lib/time'
import { BRIEFING_BOOK_CHOICES_QUERY } from '@/sanity/queries'

/**
 * Rendered per request: a book is whatever selection its query string names. Its content is read
 * through the same tagged cache as the sheets it binds (lib/briefing/load.ts), which every publish
 * expires, so it is as current as they are.
 */
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Briefing book',
  description: 'Combine the briefing sheets of several trips or engagements into one printable document.',
  robots: { index: false },
}

type Search = Promise<Record<string, string | string[] | undefined>>

export default async function BriefingBookPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams
  const selection = parseBookSelection(search)
  // Set by the form's hidden field: the reader asked for a book, so an empty one needs saying why.
  const asked = search.make !== undefined
  const [choices, book] = await Promise.all([sanityFetch(BRIEFING_BOOK_CHOICES_QUERY, {}, ['trip', 'meeting'].map(listTag)), loadBook(selection)])
  const site = readSiteUrl()
  const query = bookQuery(selection)
  const chosenMeetings = new Set(selection.meetings.map((m) => `${m.slug}~${m.meetingId}`))

  return (
    <div className="briefing-book bg-neutral-lightest px-2 py-6 print:bg-white print:p-0">
      <div className="mx-auto max-w-[8.5in] print:hidden">
        <h1 className="text-3xl font-bold">Briefing book</h1>
        <p className="mt-2">Choose the trips or single engagements of a principal’s week; they print as one document with a contents page, in calendar order.</p>

        <form method="get" action="/briefing-book" className="mt-4 rounded-sm border border-neutral-light bg-white p-4">
          <fieldset>
            <legend className="font-bold">Sheets to include</legend>
            <ul className="mt-2 space-y-2">
              {choices.map((trip) =>
                trip.slug ? (
                  <li key={trip._id}>
                    <label className="flex items-start gap-2">
                      <input type="checkbox" name="trips" value={trip.slug} defaultChecked={selection.trips.includes(trip.slug)} className="mt-1" />
                      <span>
                        <span className="font-semibold">{trip.title}</span>
                        {trip.startDate && <span className="text-neutral-dark"> · {formatDateRange(trip.startDate, trip.endDate)}</span>}
                      </span>
                    </label>
                    {trip.meetings.length > 0 && (
                      <details className="ml-6 mt-1" open={trip.meetings.some((m) => chosenMeetings.has(`${trip.slug}~${m._id}`))}>
                        <summary className="cursor-pointer text-sm">Or single engagements ({trip.meetings.length})</summary>
                        <ul className="mt-1 space-y-1">
                          {trip.meetings.map((m) => (
                            <li key={m._id}>
                              <label className="flex items-start gap-2 text-sm">
                                <input type="checkbox" name="meetings" value={`${trip.slug}~${m._id}`} defaultChecked={chosenMeetings.has(`${trip.slug}~${m._id}`)} className="mt-1" />
                                <span>
                                  {m.title}
                                  {m.date && <span className="text-neutral-dark"> · {formatDate(m.date)}</span>}
                                </span>
                              </label>
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </li>
                ) : null,
              )}
            </ul>
          </fieldset>
          <input type="hidden" name="make" value="1" />
          {asked && book.sheets.length === 0 && (
            <p role="alert" className="mt-4 border-l-4 border-accent-warm bg-accent-warm-lighter px-3 py-2 font-semibold">
              {selection.trips.length + selection.meetings.length === 0
                ? 'Nothing was chosen. Tick at least one trip or engagement, then make the book.'
                : 'None of the chosen trips or engagements could be found. Choose again from the list.'}
            </p>
          )}
          <button type="submit" className="mt-4 rounded-sm bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
            Make the book
          </button>
        </form>

        {book.sheets.length > 0 && (
          <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
            <a href={`/briefing-book.pdf?${query}`}>Download the book as PDF</a>
            <PrintControls />
          </div>
        )}
      </div>

      {book.sheets.length > 0 && (
        <>
          <RunningTitle text={`Briefing book: ${book.sheets.map((sheet) => sheet.title).join('; ')}`} />
          <section aria-labelledby="book-contents" className="book-contents mx-auto mt-6 max-w-[8.5in] bg-white p-[0.5in] shadow-md print:mt-0 print:max-w-none print:p-0 print:shadow-none">
            <p className="text-[0.8em] font-semibold uppercase tracking-widest text-neutral-dark">Briefing book</p>
            <h2 id="book-contents" className="mt-1 text-2xl font-bold">
              Contents
            </h2>
            <ol className="mt-3 list-decimal space-y-2 pl-6">
              {book.sheets.map((sheet) => {
                const meeting = sheet.meetingId ? sheet.loaded.trip.meetings.find((m) => m._id === sheet.meetingId) : undefined
                const trip = sheet.loaded.trip
                return (
                  <li key={sheet.key}>
                    <a href={`#${sheet.key}`} className="font-semibold">
                      {sheet.title}
                    </a>
                    <span className="block text-[0.9em] text-neutral-dark">
                      {meeting ? `Engagement of: ${trip.title}` : trip.startDate ? formatDateRange(trip.startDate, trip.endDate) : 'Dates to be announced'}
                      {!meeting && trip.destinations?.length
                        ? ` · ${trip.destinations
                            .map((d) => d.city)
                            .filter(Boolean)
                            .join(', ')}`
                        : ''}
                    </span>
                  </li>
                )
              })}
            </ol>
            <p className="mt-4 text-[0.85em] text-neutral-dark">
              Each sheet starts on a new page. Live book:{' '}
              <a href={`${site}/briefing-book?${query}`} className="no-print-url break-all">
                {`${site}/briefing-book?${query}`}
              </a>
            </p>
          </section>
          {book.sheets.map((sheet) => (
            <div key={sheet.key} className="mt-6 print:mt-0">
              <BriefingSheet
                id={sheet.key}
                nested
                loaded={sheet.loaded}
                meetingId={sheet.meetingId}
                liveUrl={sheet.meetingId ? `${site}/trips/${sheet.slug}/briefing/${sheet.meetingId}` : `${site}/trips/${sheet.slug}`}
              />
            </div>
          ))}
        </>
      )}
      {selection.trips.length + selection.meetings.length > 0 && book.sheets.length === 0 && (
        <p className="mx-auto mt-4 max-w-[8.5in]">
          None of the chosen sheets exist any more. <Link href="/briefing-book">Start again</Link>.
        </p>
      )}
    </div>
  )
}
