/**
 * What a fact is called where it needs a title (its page, search results): a fact bullet has none of
 * its own, so it is named after the fact-sheet heading it sits under, else its topics, else "Fact".
 */
interface Titled {
  heading?: string | null
  topics?: ReadonlyArray<{ title: string | null }> | null
}

export function factTitle({ heading, topics }: Titled): string {
  if (heading) return `Fact: ${heading}`
  const named = (topics ?? []).flatMap((topic) => (topic.title ? [topic.title] : []))
  return named.length > 0 ? `Fact on ${named.join(', ')}` : 'Fact'
}
