/**
 * A map framed on a set of places, drawn on the server as SVG path data: an azimuthal equal-area
 * projection centred on the places (no cut poles, little distortion near its centre), fitted to a
 * circle around each place so one city still shows its region, with Natural Earth land at the
 * finest scale that the frame's pixel size calls for, clipped to the frame. With an origin (a trip
 * starts in Washington) it adds the route as great-circle arcs and, when the origin lies outside
 * the frame, a small globe that shows the whole route and where the frame sits on it.
 */
import { geoAzimuthalEqualArea, geoCentroid, geoCircle, geoDistance, geoInterpolate, geoOrthographic, geoPath, type GeoProjection, type GeoStream, type GeoStreamWrapper } from 'd3-geo'
import type { Geometry, Position } from 'geojson'
import { boundsOverlap, landPolygons, type LandScale } from './land'

export const FRAME_WIDTH = 720
export const FRAME_HEIGHT = 480
/** Each place is framed with this much around it (degrees of arc, ~450 km): one city shows its region. */
export const PLACE_RADIUS_DEGREES = 4
/** The overview globe: its diameter and its margin from the frame's corner, in frame pixels. */
export const GLOBE_DIAMETER = 180
const GLOBE_MARGIN = 12
/** Space kept between the fitted circles and the frame's edge, so a marker is never cut. */
const FRAME_MARGIN = 24
/** More places than a map can mark legibly; the rest stay in the list. */
const MAX_PLACES = 300
const EARTH_RADIUS_KM = 6371

export interface GeoPlace {
  /** Its number in the list the map stands beside (1-based). */
  number: number
  key: string
  lat: number
  lng: number
}

export interface Marker {
  key: string
  number: number
  x: number
  y: number
}

export interface Globe {
  /** Its centre and radius in frame pixels. */
  cx: number
  cy: number
  r: number
  sphere: string
  land: string
  /** The main frame's outline on the globe. */
  frame: string
  route: string
  origin: { x: number; y: number } | null
  markers: Array<{ key: string; x: number; y: number }>
}

export interface MapDrawing {
  width: number
  height: number
  land: string
  landScale: LandScale
  route: string
  markers: Marker[]
  /** The origin's marker, when it falls inside the frame. */
  origin: { x: number; y: number } | null
  /** Where the route from the origin enters the frame, when the origin lies outside it. */
  originEntry: { x: number; y: number } | null
  globe: Globe | null
}

export interface Origin {
  lat: number
  lng: number
}

/** A usable coordinate: finite and on the globe. Anything else is left off the map. */
export function isOnGlobe(lat: unknown, lng: unknown): boolean {
  return typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180
}

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * Drops points closer than `minPixels` to the last one kept, and rings left with fewer than three
 * points, after projection. d3-geo draws every source point; at 1:10m a frame would carry several
 * points per pixel of coastline. (topojson-simplify does this better, but its presimplify pass over
 * the whole 1:10m topology takes seconds, and it would run on a reader's request.)
 */
function pixelFilter(projection: GeoProjection, minPixels: number): GeoStreamWrapper {
  const min2 = minPixels * minPixels
  return {
    stream(output: GeoStream): GeoStream {
      let inPolygon = false
      let line: Array<[number, number]> | null = null
      const filtered: GeoStream = {
        point(x, y) {
          if (!line) return output.point(x, y)
          const last = line[line.length - 1]
          if (!last || (x - last[0]) ** 2 + (y - last[1]) ** 2 >= min2) line.push([x, y])
        },
        lineStart() {
          line = []
        },
        lineEnd() {
          const points = line ?? []
          line = null
          if (inPolygon && points.length < 3) return
          output.lineStart()
          for (const [x, y] of points) output.point(x, y)
          output.lineEnd()
        },
        polygonStart() {
          inPolygon = true
          output.polygonStart()
        },
        polygonEnd() {
          inPolygon = false
          output.polygonEnd()
        },
        sphere() {
          output.sphere?.()
        },
      }
      return projection.stream(filtered)
    },
  }
}

/** The Natural Earth scale that matches a frame's kilometres per pixel. */
function landScaleFor(kmPerPixel: number): LandScale {
  if (kmPerPixel < 4) return '10m'
  if (kmPerPixel < 20) return '50m'
  return '110m'
}

/** The frame's geographic box, from its edges unprojected; the whole world if it reaches past the globe's edge. */
function frameBounds(projection: GeoProjection, width: number, height: number): [[number, number], [number, number]] {
  const WORLD: [[number, number], [number, number]] = [
    [-180, -90],
    [180, 90],
  ]
  const border: Position[] = []
  const steps = 24
  for (let i = 0; i <= steps; i++) {
    const t = i / steps
    for (const xy of [
      [t * width, 0],
      [width, t * height],
      [width - t * width, height],
      [0, height - t * height],
    ] as const) {
      const lngLat = projection.invert?.([xy[0], xy[1]])
      if (!lngLat || !Number.isFinite(lngLat[0]) || !Number.isFinite(lngLat[1])) return WORLD
      // Past the projection's disk the inverse folds back: reproject to check it is a true edge point.
      const back = projection(lngLat)
      if (!back || Math.abs(back[0] - xy[0]) > 1 || Math.abs(back[1] - xy[1]) > 1) return WORLD
      border.push(lngLat)
    }
  }
  const inFrame = (lngLat: [number, number]) => {
    const xy = projection(lngLat)
    return xy !== null && xy[0] >= 0 && xy[0] <= width && xy[1] >= 0 && xy[1] <= height
  }
  const lats = border.map((p) => p[1] ?? 0)
  let south = Math.min(...lats)
  let north = Math.max(...lats)
  if (inFrame([0, 90])) north = 90
  if (inFrame([0, -90])) south = -90
  if (north === 90 || south === -90)
    return [
      [-180, south],
      [180, north],
    ]
  // Longitudes, taken as offsets from the frame's centre so a frame across the antimeridian stays one range.
  const centre = projection.invert?.([width / 2, height / 2]) ?? [0, 0]
  const offsets = border.map((p) => (((p[0] ?? 0) - centre[0] + 540) % 360) - 180)
  const west = centre[0] + Math.min(...offsets)
  const east = centre[0] + Math.max(...offsets)
  if (east - west >= 360) return WORLD
  const wrap = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180
  return [
    [wrap(west), south],
    [wrap(east), north],
  ]
}

function landPath(projection: GeoProjection, scale: LandScale, bounds: [[number, number], [number, number]]): string {
  const rings = landPolygons(scale)
    .filter((polygon) => boundsOverlap(polygon.bounds, bounds))
    .map((polygon) => polygon.rings)
  if (rings.length === 0) return ''
  return geoPath(pixelFilter(projection, 2)).digits(0)({ type: 'MultiPolygon', coordinates: rings }) ?? ''
}

function routeGeometry(stops: ReadonlyArray<[number, number]>): Geometry | null {
  const legs: Position[][] = []
  for (let i = 1; i < stops.length; i++) {
    const from = stops[i - 1]
    const to = stops[i]
    if (from && to && geoDistance(from, to) > 1e-6) legs.push([from, to])
  }
  return legs.length > 0 ? { type: 'MultiLineString', coordinates: legs } : null
}

/** Where the great circle from `from` to `to` first comes into the frame (sampled every ~50 km, then bisected). */
function entryPoint(projection: GeoProjection, from: [number, number], to: [number, number], width: number, height: number): { x: number; y: number } | null {
  const along = geoInterpolate(from, to)
  const samples = Math.min(2000, Math.max(8, Math.ceil((geoDistance(from, to) * EARTH_RADIUS_KM) / 50)))
  const inside = (t: number) => {
    const xy = projection(along(t))
    return xy && xy[0] >= 0 && xy[0] <= width && xy[1] >= 0 && xy[1] <= height ? xy : null
  }
  for (let i = 0; i <= samples; i++) {
    if (!inside(i / samples)) continue
    // Then halve the step between the last sample outside and this one, to land on the edge itself.
    let outT = Math.max(0, (i - 1) / samples)
    let inT = i / samples
    for (let step = 0; step < 20 && i > 0; step++) {
      const mid = (outT + inT) / 2
      if (inside(mid)) inT = mid
      else outT = mid
    }
    const xy = inside(inT)
    return xy ? { x: round1(xy[0]), y: round1(xy[1]) } : null
  }
  return null
}

type Corner = 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right'

/** The corner whose globe would cover the fewest markers (bottom-left first: the route from Washington comes from the east or west edge). */
function globeCorner(markers: ReadonlyArray<{ x: number; y: number }>, entry: { x: number; y: number } | null, width: number, height: number): { cx: number; cy: number } {
  const r = GLOBE_DIAMETER / 2
  const corners: Record<Corner, { cx: number; cy: number }> = {
    'bottom-left': { cx: GLOBE_MARGIN + r, cy: height - GLOBE_MARGIN - r },
    'bottom-right': { cx: width - GLOBE_MARGIN - r, cy: height - GLOBE_MARGIN - r },
    'top-left': { cx: GLOBE_MARGIN + r, cy: GLOBE_MARGIN + r },
    'top-right': { cx: width - GLOBE_MARGIN - r, cy: GLOBE_MARGIN + r },
  }
  const covered = ({ cx, cy }: { cx: number; cy: number }) => [...markers, ...(entry ? [entry] : [])].filter((m) => Math.abs(m.x - cx) < r + 24 && Math.abs(m.y - cy) < r + 24).length
  const order: Corner[] = ['bottom-left', 'bottom-right', 'top-left', 'top-right']
  const best = order.reduce((a, b) => (covered(corners[b]) < covered(corners[a]) ? b : a))
  return corners[best]
}

/**
 * The overview globe's projection: orthographic, centred on the route, when the route fits one
 * hemisphere; else the whole sphere in azimuthal equal-area. Both keep each pole a point.
 */
export function globeProjection(stops: ReadonlyArray<[number, number]>, extent: [[number, number], [number, number]]): GeoProjection {
  const middle = centreOf(stops)
  const farthest = Math.max(...stops.map((stop) => geoDistance(middle, stop)))
  return (farthest < (85 * Math.PI) / 180 ? geoOrthographic() : geoAzimuthalEqualArea().clipAngle(179.9)).rotate([-middle[0], -middle[1]]).fitExtent(extent, { type: 'Sphere' })
}

/** The spherical centroid of some points; where that is undefined (points all round the globe), the first point. */
function centreOf(points: ReadonlyArray<[number, number]>): [number, number] {
  const centre = geoCentroid({ type: 'MultiPoint', coordinates: [...points] })
  if (Number.isFinite(centre[0]) && Number.isFinite(centre[1])) return centre
  return points[0] ?? [0, 0]
}

/**
 * The main frame's projection: azimuthal equal-area centred on the places, fitted to a circle of
 * PLACE_RADIUS_DEGREES round each (so one city shows its region) inside the frame's margin, and
 * clipped to the frame.
 */
export function frameProjection(coordinates: ReadonlyArray<[number, number]>, width = FRAME_WIDTH, height = FRAME_HEIGHT): GeoProjection {
  const [centreLng, centreLat] = centreOf(coordinates)
  const circles: Geometry = {
    type: 'GeometryCollection',
    geometries: coordinates.map((c) => geoCircle().center(c).radius(PLACE_RADIUS_DEGREES)()),
  }
  return geoAzimuthalEqualArea()
    .rotate([-centreLng, -centreLat])
    .fitExtent(
      [
        [FRAME_MARGIN, FRAME_MARGIN],
        [width - FRAME_MARGIN, height - FRAME_MARGIN],
      ],
      circles,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ])
}

function drawGlobe(centre: { cx: number; cy: number }, places: readonly GeoPlace[], origin: Origin, frameOutline: Position[] | null): Globe {
  const r = GLOBE_DIAMETER / 2
  const stops: Array<[number, number]> = [[origin.lng, origin.lat], ...places.map((p): [number, number] => [p.lng, p.lat])]
  const projection = globeProjection(stops, [
    [centre.cx - r, centre.cy - r],
    [centre.cx + r, centre.cy + r],
  ])
  const path = geoPath(projection).digits(1)
  const route = routeGeometry(stops)
  const originXY = projection([origin.lng, origin.lat])
  const land = landPolygons('110m').map((polygon) => polygon.rings)
  return {
    cx: centre.cx,
    cy: centre.cy,
    r,
    sphere: path({ type: 'Sphere' }) ?? '',
    land: geoPath(pixelFilter(projection, 3)).digits(0)({ type: 'MultiPolygon', coordinates: land }) ?? '',
    frame: frameOutline ? (path({ type: 'LineString', coordinates: frameOutline }) ?? '') : '',
    route: route ? (path(route) ?? '') : '',
    origin: originXY ? { x: round1(originXY[0]), y: round1(originXY[1]) } : null,
    markers: places.flatMap((place) => {
      const xy = projection([place.lng, place.lat])
      return xy ? [{ key: place.key, x: round1(xy[0]), y: round1(xy[1]) }] : []
    }),
  }
}

/** The frame's outline as a geographic line (its edges unprojected), or null where it leaves the globe. */
function frameOutline(projection: GeoProjection, width: number, height: number): Position[] | null {
  const outline: Position[] = []
  const steps = 12
  for (const [x0, y0, x1, y1] of [
    [0, 0, width, 0],
    [width, 0, width, height],
    [width, height, 0, height],
    [0, height, 0, 0],
  ] as const) {
    for (let i = 0; i < steps; i++) {
      const lngLat = projection.invert?.([x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps])
      if (!lngLat || !Number.isFinite(lngLat[0]) || !Number.isFinite(lngLat[1])) return null
      outline.push(lngLat)
    }
  }
  const first = outline[0]
  if (first) outline.push(first)
  return outline
}

/**
 * The drawing for a set of places with usable coordinates (callers filter with `isOnGlobe`), in
 * list order; with `origin`, the route from it through the places in that order. Null when no
 * place can be drawn.
 */
export function drawMap(places: readonly GeoPlace[], options: { origin?: Origin } = {}): MapDrawing | null {
  const drawn = places.filter((place) => isOnGlobe(place.lat, place.lng)).slice(0, MAX_PLACES)
  if (drawn.length === 0) return null
  const width = FRAME_WIDTH
  const height = FRAME_HEIGHT
  const coordinates = drawn.map((place): [number, number] => [place.lng, place.lat])
  const projection = frameProjection(coordinates, width, height)
  const kmPerPixel = EARTH_RADIUS_KM / projection.scale()
  const landScale = landScaleFor(kmPerPixel)
  const bounds = frameBounds(projection, width, height)
  const inFrame = (xy: [number, number] | null): xy is [number, number] => xy !== null && xy[0] >= 0 && xy[0] <= width && xy[1] >= 0 && xy[1] <= height

  const markers = drawn.flatMap((place) => {
    const xy = projection([place.lng, place.lat])
    return inFrame(xy) ? [{ key: place.key, number: place.number, x: round1(xy[0]), y: round1(xy[1]) }] : []
  })

  let route = ''
  let origin: MapDrawing['origin'] = null
  let originEntry: MapDrawing['originEntry'] = null
  let globe: Globe | null = null
  if (options.origin && isOnGlobe(options.origin.lat, options.origin.lng)) {
    const start: [number, number] = [options.origin.lng, options.origin.lat]
    const legs = routeGeometry([start, ...coordinates])
    route = legs ? (geoPath(projection).digits(1)(legs) ?? '') : ''
    const startXY = projection(start)
    if (inFrame(startXY)) {
      origin = { x: round1(startXY[0]), y: round1(startXY[1]) }
    } else {
      const first = coordinates[0]
      originEntry = first ? entryPoint(projection, start, first, width, height) : null
      globe = drawGlobe(globeCorner(markers, originEntry, width, height), drawn, options.origin, frameOutline(projection, width, height))
    }
  }

  return { width, height, land: landPath(projection, landScale, bounds), landScale, route, markers, origin, originEntry, globe }
}
