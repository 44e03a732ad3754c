'use client'

/**
 * The one interactive part of the briefing sheet. Choosing a paper sets `data-paper` on <html>,
 * which selects the matching named @page (globals.css), then opens the print dialog.
 */
type Paper = 'letter' | 'a4'

function printOn(paper: Paper) {
  document.documentElement.dataset.paper = paper
  window.print()
}

export function PrintControls() {
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <button type="button" onClick={() => printOn('letter')} className="rounded-sm bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
        Print (Letter)
      </button>
      <button
        type="button"
        onClick={() => printOn('a4')}
        className="rounded-sm border-2 border-primary bg-white px-4 py-1.5 font-semibold text-primary hover:border-primary-dark hover:text-primary-dark"
      >
        Print (A4)
      </button>
    </div>
  )
}
