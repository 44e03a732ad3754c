const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2021-03-15" → "15 Mar 2021" without time-zone shifts (dates are calendar dates, not instants). */
export function formatIsoDate(value: string | null | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null
  if (!match) return ''
  const [, year, month, day] = match
  return `${Number(day)} ${months[Number(month) - 1] ?? month} ${year}`
}

/** "15–17 Mar 2021", "30 Mar – 2 Apr 2021" or a single date. */
export function formatDateRange(start: string | null | undefined, end: string | null | undefined): string {
  if (!start) return ''
  if (!end || end === start) return formatIsoDate(start)
  const [sy, sm] = start.split('-')
  const [ey, em] = end.split('-')
  const s = formatIsoDate(start).split(' ')
  if (sy === ey && sm === em) return `${s[0]}–${formatIsoDate(end)}`
  if (sy === ey) return `${s[0]} ${s[1]} – ${formatIsoDate(end)}`
  return `${formatIsoDate(start)} – ${formatIsoDate(end)}`
}
