/**
 * The embargo rule for `lake import`: an import writes published documents directly, past the
 * write guard, so it is checked here as a whole. A published trip whose embargo is still ahead
 * (or cannot be read), a published meeting of such a trip, or a fact on its sheet makes the import
 * refuse everything, naming each document; nothing is written.
 */
import { layerOf } from '../../lake/perspective'
import { embargoRefusal, holdersOnce, isContentType, type View } from './rules'

export class EmbargoImportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmbargoImportError'
  }
}

export function refuseEmbargoBreaks(view: View, importedIds: readonly string[], now = Date.now()): void {
  const refusals: string[] = []
  const holders = holdersOnce(view, now)
  for (const id of importedIds) {
    const doc = view.get(id)
    if (!doc || layerOf(doc._id).layer !== 'published' || !isContentType(doc._type)) continue
    const refusal = embargoRefusal(view, doc, null, now, holders)
    if (refusal) refusals.push(refusal)
  }
  if (refusals.length > 0) {
    const shown = refusals.slice(0, 20).join('\n  ')
    throw new EmbargoImportError(
      `The import would publish ${refusals.length} embargoed document(s); nothing was imported:\n  ${shown}${refusals.length > 20 ? `\n  …and ${refusals.length - 20} more` : ''}`,
    )
  }
}
