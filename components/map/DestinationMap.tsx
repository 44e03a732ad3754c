import { MAP_HEIGHT, MAP_WIDTH, project, type MapPoint } from '@/lib/map'

/**
 * Destinations on a world map, drawn on the server as inline SVG: the markers are in the page, the
 * land underneath is one static file shared by every map (app/world-map.svg). The drawing is decorative
 * detail: the ordered list of places beside it is its text equivalent, so screen readers get the
 * list and the SVG is described only by a short label.
 */
export function DestinationMap({ id, title, points, listLabel, ordered = true }: { id: string; title: string; points: readonly MapPoint[]; listLabel: string; ordered?: boolean }) {
  const placed = points.flatMap((point) => {
    const xy = project(point)
    return xy ? [{ ...point, x: xy[0], y: xy[1] }] : []
  })
  const List = ordered ? 'ol' : 'ul'
  return (
    <figure aria-labelledby={`${id}-caption`} className="avoid-break">
      {placed.length > 0 && (
        <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-labelledby={`${id}-title`} className="h-auto w-full max-w-3xl rounded-sm border border-neutral-lighter bg-primary-lighter/40">
          <title id={`${id}-title`}>{`${title}, marking ${placed.length} ${placed.length === 1 ? 'place' : 'places'} (listed below)`}</title>
          <image href="/world-map.svg" width={MAP_WIDTH} height={MAP_HEIGHT} />
          {placed.map((point, index) => (
            <g key={point.key}>
              <circle cx={point.x} cy={point.y} r={ordered ? 9 : 14} className="fill-primary-dark stroke-white" strokeWidth={2} />
              {ordered && (
                <text x={point.x} y={point.y + 3.5} textAnchor="middle" className="fill-white text-[10px] font-bold">
                  {index + 1}
                </text>
              )}
            </g>
          ))}
        </svg>
      )}
      <figcaption id={`${id}-caption`} className="mt-3">
        <span className="font-semibold">{listLabel}</span>
        <List className={`mt-1 pl-6 ${ordered ? 'list-decimal' : 'list-disc'}`}>
          {points.map((point) => (
            <li key={point.key}>{point.label}</li>
          ))}
        </List>
        {placed.length < points.length && placed.length > 0 && <p className="mt-1 text-sm text-neutral-dark">Places without coordinates are listed but not drawn.</p>}
      </figcaption>
    </figure>
  )
}
