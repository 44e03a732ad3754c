/** First focusable element on every page: jumps past the banner and header (WCAG 2.4.1). */
export function SkipLink() {
  return (
    <a href="#main-content" className="sr-only-focusable z-50 bg-white px-3 py-2 text-primary underline focus:outline-4 print:hidden">
      Skip to main content
    </a>
  )
}
