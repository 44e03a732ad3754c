/** Page numbers from a query string, and one page of a list. */

export const PAGE_SIZE = 10

/** "3" → 3; anything else (missing, "0", "abc", "2.5") → 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value
  if (!text || !/^\d+$/.test(text)) return 1
  const page = Number(text)
  return page >= 1 ? page : 1
}

export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(items.length / size))
  const current = Math.min(Math.max(1, page), pageCount)
  return {
    items: items.slice((current - 1) * size, current * size),
    page: current,
    pageCount,
    total: items.length,
    first: items.length === 0 ? 0 : (current - 1) * size + 1,
    last: Math.min(current * size, items.length),
  }
}

/** One value of a query-string parameter as text ("" when missing), trimmed and bounded. */
export function param(value: string | string[] | undefined, max = 100): string {
  const text = Array.isArray(value) ? (value[0] ?? '') : (value ?? '')
  return text.trim().slice(0, max)
}
