import { highlightParts } from '@/lib/search'

/** Text with every word that starts with a search word wrapped in <mark>. */
export function Highlight({ text, words }: { text: string; words: readonly string[] }) {
  return (
    <>
      {highlightParts(text, words).map((part, index) =>
        part.match ? (
          <mark key={index} className="bg-accent-warm-lighter px-0.5 font-semibold text-ink">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  )
}
