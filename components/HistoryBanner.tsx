/**
 * "X left office on …; this page is kept as a historical record." Shown on an official's page
 * and on the pages of trips they travelled on or met during, once they have left office.
 */
import type { FormerOfficial } from '@/lib/historyMode'
import { formatDate } from '@/lib/time'

export function HistoryBanner({ officials }: { officials: readonly FormerOfficial[] }) {
  if (officials.length === 0) return null
  return (
    <aside aria-label="Historical record" data-testid="history-banner" className="mt-5 max-w-prose border-l-8 border-neutral-dark bg-neutral-lightest px-4 py-3">
      {officials.map((official) => (
        <p key={official.id}>
          <strong>{official.name}</strong> left office on <time dateTime={official.leftOffice}>{formatDate(official.leftOffice)}</time>; this page is kept as a historical record.
        </p>
      ))}
    </aside>
  )
}
