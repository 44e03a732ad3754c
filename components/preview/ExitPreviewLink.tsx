'use client'
/** Leaves preview and comes back to the same page as the public sees it. */
import { usePathname } from 'next/navigation'

export function ExitPreviewLink() {
  const pathname = usePathname()
  return (
    <a className="font-semibold print:hidden" href={`/api/draft-mode/disable?redirect=${encodeURIComponent(pathname || '/')}`}>
      Leave preview
    </a>
  )
}
