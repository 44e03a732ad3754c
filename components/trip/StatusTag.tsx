import { statusLabels, type TripStatus } from '@/lib/tripStatus'

const styles: Record<TripStatus, string> = {
  underway: 'bg-[#00a91c] text-white',
  upcoming: 'bg-primary text-white',
  past: 'bg-neutral-dark text-white',
}

/** A small USWDS-style tag; the word carries the meaning, the colour only repeats it. */
export function StatusTag({ status }: { status: TripStatus }) {
  return <span className={`inline-block rounded-sm px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${styles[status]}`}>{statusLabels[status]}</span>
}
