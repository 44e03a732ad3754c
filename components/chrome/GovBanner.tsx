/**
 * The USWDS "official website" banner. <details>/<summary> expands it without JavaScript,
 * which the USWDS accordion version needs.
 */
import type { ReactNode } from 'react'
import { UsFlag } from './UsFlag'

export function GovBanner() {
  return (
    <section aria-label="Official website of the United States government" className="bg-neutral-lightest text-xs print:hidden">
      <details className="group mx-auto max-w-page">
        <summary className="flex flex-wrap items-center gap-x-2 gap-y-1 px-4 py-1.5 [&::-webkit-details-marker]:hidden list-none">
          <UsFlag className="h-[11px] w-4 shrink-0" />
          <span>An official website of the United States government</span>
          <span className="inline-flex items-center gap-1 text-primary underline underline-offset-2">
            Here’s how you know
            <svg aria-hidden="true" viewBox="0 0 10 6" className="h-1.5 w-2.5 fill-current transition-transform group-open:rotate-180">
              <path d="M0 0h10L5 6z" />
            </svg>
          </span>
        </summary>
        <div className="grid gap-6 px-4 pt-3 pb-6 text-sm sm:grid-cols-2">
          <Guidance icon={<DotGovIcon />} title="Official websites use .gov">
            A <strong>.gov</strong> website belongs to an official government organization in the United States.
          </Guidance>
          <Guidance icon={<HttpsIcon />} title="Secure .gov websites use HTTPS">
            A <strong>lock</strong> (<LockGlyph />) or <strong>https://</strong> means you’ve safely connected to the .gov website. Share sensitive information only on official, secure websites.
          </Guidance>
        </div>
      </details>
    </section>
  )
}

function Guidance({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <div className="flex gap-3">
      {icon}
      <p className="max-w-prose leading-snug">
        <strong className="block">{title}</strong>
        {children}
      </p>
    </div>
  )
}

function DotGovIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 40 40" className="size-10 shrink-0">
      <circle cx="20" cy="20" r="19" className="fill-primary-dark" />
      <path d="M11 17h18v2H11zm2 3h2v8h-2zm6 0h2v8h-2zm6 0h2v8h-2zM10 29h20v2H10zm10-19 10 5H10z" className="fill-white" />
    </svg>
  )
}

function HttpsIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 40 40" className="size-10 shrink-0">
      <circle cx="20" cy="20" r="19" className="fill-[#719f2a]" />
      <path d="M14 18v-3a6 6 0 0 1 12 0v3h1.5v11h-15V18zm3 0h6v-3a3 3 0 0 0-6 0z" className="fill-white" />
    </svg>
  )
}

function LockGlyph() {
  return (
    <svg role="img" aria-label="Locked padlock icon" viewBox="0 0 52 64" className="inline h-3 w-2.5 align-baseline fill-current">
      <path d="M26 0C14.3 0 5 9.3 5 21v8H0v35h52V29h-5v-8C47 9.3 37.7 0 26 0zm0 9c6.7 0 12 5.3 12 12v8H14v-8c0-6.7 5.3-12 12-12z" />
    </svg>
  )
}
