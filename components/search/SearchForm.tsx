/**
 * The site search: a plain GET form to /search, so it works without JavaScript. The header carries
 * a compact one on every page and the search page a large one with the query filled in; both
 * submit `q` and share the label text.
 */

type Props = {
  /** The form's accessible name; two search landmarks on one page need different names. */
  label: string
  /** The input's id, unique on the page, which the label points at. */
  id: string
  defaultValue?: string
  /**
   * `compact` (the header): the label is for screen readers only, a placeholder names the box on
   * screen, and the browser offers no autocomplete list. `large`: a visible label above the box.
   */
  size: 'compact' | 'large'
}

const styles = {
  compact: {
    form: 'flex items-stretch',
    label: 'sr-only',
    input: 'w-48 rounded-l-sm border border-r-0 border-neutral-dark px-2 py-1.5 text-base placeholder:text-neutral-dark',
    button: 'rounded-r-sm bg-primary px-3 py-1.5 font-semibold text-white hover:bg-primary-dark',
  },
  large: {
    form: 'mt-6 flex max-w-2xl flex-wrap items-end gap-2',
    label: 'block font-semibold',
    input: 'mt-1 w-full rounded-sm border border-neutral-dark px-3 py-2 text-lg',
    button: 'rounded-sm bg-primary px-4 py-2.5 font-semibold text-white hover:bg-primary-dark',
  },
} as const

export function SearchForm({ label, id, defaultValue, size }: Props) {
  const style = styles[size]
  const compact = size === 'compact'
  const field = (
    <>
      <label htmlFor={id} className={style.label}>
        Search trips, meetings, officials and facts
      </label>
      <input id={id} name="q" type="search" defaultValue={defaultValue} autoComplete={compact ? 'off' : undefined} placeholder={compact ? 'Search' : undefined} className={style.input} />
    </>
  )
  return (
    <form role="search" action="/search" method="get" aria-label={label} className={style.form}>
      {compact ? field : <div className="min-w-0 flex-1">{field}</div>}
      <button type="submit" className={style.button}>
        Search
      </button>
    </form>
  )
}
