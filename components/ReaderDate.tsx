'use client'

import { useSyncExternalStore } from 'react'

const noChange = () => () => {}

/**
 * Today's date as the reader's own clock and locale have it, for an "accessed" date. The server does
 * not know it (nor the reader's time zone), so the server's HTML carries `fallback` and the browser
 * fills the date in after hydration.
 */
export function ReaderDate({ fallback }: { fallback: string }) {
  const today = useSyncExternalStore(
    noChange,
    () => new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' }),
    () => null,
  )
  return today ? <time dateTime={localIsoDate(new Date())}>{today}</time> : <span>{fallback}</span>
}

function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
