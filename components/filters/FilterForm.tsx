import Link from 'next/link'
import type { ReactNode } from 'react'

/**
 * A list's filter form: a plain GET form (it works without JavaScript; proxy.ts serves each
 * filtered view from the cache), its selects, "Apply filters", and "Clear filters" once filtered.
 */
export function FilterForm({
  action,
  headingId,
  heading,
  filtered,
  gridClassName,
  children,
}: {
  action: string
  headingId: string
  heading: string
  filtered: boolean
  /** Grid columns for the selects, e.g. "sm:grid-cols-2". */
  gridClassName: string
  children: ReactNode
}) {
  return (
    <form method="get" action={action} aria-labelledby={headingId} className="mt-8 rounded-sm border border-neutral-lighter bg-neutral-lightest p-4">
      <h2 id={headingId} className="text-lg font-bold">
        {heading}
      </h2>
      <div className={`mt-3 grid gap-4 ${gridClassName}`}>{children}</div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-sm bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
          Apply filters
        </button>
        {filtered && <Link href={action}>Clear filters</Link>}
      </div>
    </form>
  )
}

/** One labelled select of a filter form; the empty choice reads "Any <label>". */
export function FilterSelect({ id, name, label, value, options }: { id: string; name: string; label: string; value: string; options: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className="mt-1 w-full rounded-sm border border-neutral-dark bg-white px-2 py-1.5">
        <option value="">Any {label.toLowerCase()}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
