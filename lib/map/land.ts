/**
 * Natural Earth land (world-atlas) at three scales, as separate polygons with their geographic
 * bounds, so a map projects only the polygons that can reach its frame: at 1:10m the world has
 * ~4,000 polygons and 400,000 points, and projecting all of them for a 900 km frame would cost
 * seconds per drawing instead of a few milliseconds.
 */
import { geoArea } from 'd3-geo'
import type { Position } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import land10m from 'world-atlas/land-10m.json'
import land110m from 'world-atlas/land-110m.json'
import land50m from 'world-atlas/land-50m.json'

export type LandScale = '10m' | '50m' | '110m'

export interface LandPolygon {
  rings: Position[][]
  /** [[west, south], [east, north]] in degrees; west > east when it crosses the antimeridian. */
  bounds: [[number, number], [number, number]]
}

const SOURCES: Record<LandScale, unknown> = { '10m': land10m, '50m': land50m, '110m': land110m }

/** world-atlas ships TopoJSON topologies; checked once, by shape, before use. */
function isLandTopology(value: unknown): value is Topology<{ land: GeometryCollection }> {
  if (typeof value !== 'object' || value === null) return false
  const record = value as { type?: unknown; objects?: { land?: unknown } }
  return record.type === 'Topology' && typeof record.objects?.land === 'object'
}

/**
 * A polygon's box from its coordinates' extremes. Natural Earth cuts its polygons at the
 * antimeridian and runs Antarctica's ring along it to the pole, so the planar extremes are the
 * true bounds (and ten times quicker than d3-geo's spherical geoBounds over 400,000 points).
 */
function planarBounds(rings: Position[][]): [[number, number], [number, number]] {
  let west = Infinity
  let south = Infinity
  let east = -Infinity
  let north = -Infinity
  for (const ring of rings) {
    for (const [lng = 0, lat = 0] of ring) {
      if (lng < west) west = lng
      if (lng > east) east = lng
      if (lat < south) south = lat
      if (lat > north) north = lat
    }
  }
  return [
    [west, south],
    [east, north],
  ]
}

function buildPolygons(scale: LandScale): LandPolygon[] {
  const topology = SOURCES[scale]
  if (!isLandTopology(topology)) return []
  const land = feature(topology, topology.objects.land)
  const polygons: LandPolygon[] = []
  for (const item of land.features) {
    const geometry = item.geometry
    const parts = geometry.type === 'MultiPolygon' ? geometry.coordinates : geometry.type === 'Polygon' ? [geometry.coordinates] : []
    for (const rings of parts) {
      const polygon = { type: 'Polygon' as const, coordinates: rings }
      // The 1:10m land holds three four-point slivers wound the wrong way round; d3-geo reads a
      // ring by its winding, so each would fill the whole sphere but a speck. No land polygon is
      // larger than a hemisphere (Eurasia-Africa is ~2 sr of 4π), so anything larger is such a sliver.
      if (geoArea(polygon) > 2 * Math.PI) continue
      polygons.push({ rings, bounds: planarBounds(rings) })
    }
  }
  return polygons
}

const cache = new Map<LandScale, LandPolygon[]>()

/** The land polygons at a scale (built once per server process, on first use). */
export function landPolygons(scale: LandScale): LandPolygon[] {
  let polygons = cache.get(scale)
  if (!polygons) {
    polygons = buildPolygons(scale)
    cache.set(scale, polygons)
  }
  return polygons
}

function longitudeRanges([[west], [east]]: [[number, number], [number, number]]): Array<[number, number]> {
  return west <= east
    ? [[west, east]]
    : [
        [west, 180],
        [-180, east],
      ]
}

/** Whether two geographic boxes overlap (either may cross the antimeridian). */
export function boundsOverlap(a: [[number, number], [number, number]], b: [[number, number], [number, number]]): boolean {
  if (a[1][1] < b[0][1] || b[1][1] < a[0][1]) return false
  return longitudeRanges(a).some(([aw, ae]) => longitudeRanges(b).some(([bw, be]) => aw <= be && bw <= ae))
}
