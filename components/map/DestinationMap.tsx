import { isDrawable, mapOf, WASHINGTON, type MapPoint } from '@/lib/map'

/** Colours of the drawing (app/globals.css): ocean, land and its coast, the route. */
const OCEAN = '#eef5fb'
const LAND = '#dfe1e2'
const COAST = '#71767a'
const ROUTE = '#c2410c'

/**
 * Places on a map framed on them, drawn on the server as inline SVG, each marker numbered as its
 * place is in the list. With `ordered` (a trip's destinations, in order of travel) a line traces
 * the route from Washington through them; when Washington lies outside the frame a small globe shows the whole
 * route and where the frame sits on it. The drawing is described by a short accessible name; the
 * list beside it, in the figure's caption, is its text equivalent.
 */
export function DestinationMap({ id, title, points, listLabel, ordered = true }: { id: string; title: string; points: readonly MapPoint[]; listLabel: string; ordered?: boolean }) {
  // Markers carry the list's numbers on every map, so each can be matched to its place; only a
  // trip's list (`ordered`) is an order of travel, and only it has a route.
  const drawing = mapOf(points, { fromWashington: ordered })
  const placedCount = drawing?.markers.length ?? 0
  return (
    <figure aria-labelledby={`${id}-caption`} className="avoid-break">
      {drawing && (
        <svg
          viewBox={`0 0 ${drawing.width} ${drawing.height}`}
          role="img"
          aria-labelledby={`${id}-title`}
          data-land-scale={drawing.landScale}
          className="h-auto w-full max-w-3xl rounded-sm border border-neutral-lighter"
        >
          <title id={`${id}-title`}>{`${title}, marking ${placedCount} ${placedCount === 1 ? 'place' : 'places'}${drawing.route ? ' and the route from Washington, D.C.' : ''} (listed below)`}</title>
          <rect width={drawing.width} height={drawing.height} fill={OCEAN} />
          <path d={drawing.land} fill={LAND} stroke={COAST} strokeWidth={0.8} strokeLinejoin="round" />
          {drawing.route && <path d={drawing.route} fill="none" stroke={ROUTE} strokeWidth={3} strokeDasharray="10 6" strokeLinecap="round" data-map="route" />}
          {drawing.origin && <rect x={drawing.origin.x - 8} y={drawing.origin.y - 8} width={16} height={16} fill={ROUTE} stroke="white" strokeWidth={2} data-map="origin" />}
          {drawing.originEntry && (
            <text
              x={drawing.originEntry.x < drawing.width / 2 ? drawing.originEntry.x + 14 : drawing.originEntry.x - 14}
              y={drawing.originEntry.y < drawing.height / 2 ? drawing.originEntry.y + 32 : drawing.originEntry.y - 16}
              textAnchor={drawing.originEntry.x < drawing.width / 2 ? 'start' : 'end'}
              fill={ROUTE}
              stroke="white"
              strokeWidth={5}
              paintOrder="stroke"
              fontSize={24}
              fontWeight={700}
              data-map="origin-entry"
            >
              from {WASHINGTON.label}
            </text>
          )}
          {drawing.markers.map((marker) => (
            <g key={marker.key} data-map="marker" data-number={marker.number}>
              <circle cx={marker.x} cy={marker.y} r={17} className="fill-primary-dark" stroke="white" strokeWidth={3} />
              <text x={marker.x} y={marker.y + 7} textAnchor="middle" fill="white" fontSize={marker.number < 10 ? 20 : marker.number < 100 ? 17 : 13} fontWeight={700}>
                {marker.number}
              </text>
            </g>
          ))}
          {drawing.globe && (
            <g data-map="globe">
              <circle cx={drawing.globe.cx} cy={drawing.globe.cy} r={drawing.globe.r + 4} fill="white" />
              <path d={drawing.globe.sphere} fill={OCEAN} stroke={COAST} strokeWidth={1} />
              <path d={drawing.globe.land} fill={LAND} stroke={COAST} strokeWidth={0.5} />
              {drawing.globe.frame && <path d={drawing.globe.frame} fill="none" className="stroke-primary-dark" strokeWidth={2} />}
              <path d={drawing.globe.route} fill="none" stroke={ROUTE} strokeWidth={2.5} strokeLinecap="round" />
              {drawing.globe.origin && <rect x={drawing.globe.origin.x - 5} y={drawing.globe.origin.y - 5} width={10} height={10} fill={ROUTE} stroke="white" strokeWidth={1.5} />}
              {drawing.globe.markers.map((marker) => (
                <circle key={marker.key} cx={marker.x} cy={marker.y} r={5} className="fill-primary-dark" stroke="white" strokeWidth={1.5} />
              ))}
            </g>
          )}
        </svg>
      )}
      <figcaption id={`${id}-caption`} className="mt-3">
        <span className="font-semibold">{listLabel}</span>
        {drawing?.route && <span className="text-neutral-dark">{`, from ${WASHINGTON.label}`}</span>}
        <ol className="mt-1 list-decimal pl-6">
          {points.map((point) => (
            <li key={point.key}>
              {point.label}
              {drawing && !isDrawable(point) && <span className="text-neutral-dark"> (not on the map)</span>}
            </li>
          ))}
        </ol>
        {drawing && points.some((point) => !isDrawable(point)) && <p className="mt-1 text-sm text-neutral-dark">Places marked “not on the map” have no usable coordinates.</p>}
      </figcaption>
    </figure>
  )
}
