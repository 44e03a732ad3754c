/**
 * Stega for staff preview: every string of a read that came from a document gets invisible
 * characters naming that document and field (@sanity/client's encoding, from the query's content
 * source map), which `<VisualEditing/>` turns into click-to-edit overlays.
 *
 * Which strings it may mark: @sanity/client's default filter already
 * skips dates, URLs, slugs, `_`-fields, ids and a list of technical names (`currency`, `unit`,
 * `status`…). It cannot know this schema's strings that are values, not text: the page compares
 * them, parses them or picks a label by them, and an invisible marker would break that (a time
 * zone `Intl` rejects, a meeting kind no label matches, a partial date `2019-03` that is not a
 * full date so the default does not spot it). They are named here by the field they come from
 * (the last segment of the source path), so a query that renames or projects them is covered too.
 */
import { stegaEncodeSourceMap, type ContentSourceMap, type FilterDefault } from '@sanity/client/stega'

/** Fields of sanity/schemaTypes holding codes or machine values, never shown as typed. */
const VALUE_FIELDS = new Set([
  'timeZone', // trip destinations and meetings: an IANA zone name
  'kind', // meeting: picks a label
  'format', // meeting: in person / virtual, picks a label
  'pressCoverage', // meeting: picks a label
  'qualifier', // fact figure: picks wording
  'scale', // fact figure: multiplies the value
  'code', // country: ISO 3166-1 alpha-2, used for flags and map points
  'start', // fact figure period: a partial date (2019, 2019-03), parsed
  'end',
])

const stegaFilter: FilterDefault = (props) => {
  const field = props.sourcePath.at(-1)
  if (typeof field === 'string' && VALUE_FIELDS.has(field)) return false
  return props.filterDefault(props)
}

/** `result` with its strings marked for click-to-edit in the Studio at `studioUrl`; a new value, `result` is left as it was. */
export function encodeForEditing<Result>(result: Result, resultSourceMap: ContentSourceMap, studioUrl: string): Result {
  return stegaEncodeSourceMap(result, resultSourceMap, { enabled: true, studioUrl, filter: stegaFilter })
}
