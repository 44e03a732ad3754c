/**
 * A world map drawn on the server: Natural Earth land (world-atlas, 1:110m) projected with d3-geo
 * and serialised to an SVG path. No tile service, no client script: the page carries the drawing.
 */
import { stegaClean } from '@sanity/client/stega'
import { geoEqualEarth, geoPath } from 'd3-geo'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import land110m from 'world-atlas/land-110m.json'

export const MAP_WIDTH = 960
export const MAP_HEIGHT = 470

export interface MapPoint {
  key: string
  label: string
  lat: number | null
  lng: number | null
}

/** world-atlas ships a TopoJSON topology; checked once, by shape, before use. */
function isTopology(value: unknown): value is Topology<{ land: GeometryCollection }> {
  if (typeof value !== 'object' || value === null) return false
  const record = value as { type?: unknown; objects?: { land?: unknown } }
  return record.type === 'Topology' && typeof record.objects?.land === 'object'
}

function buildLand() {
  const data: unknown = land110m
  if (!isTopology(data)) return null
  return feature(data, data.objects.land)
}

const projection = geoEqualEarth().fitExtent(
  [
    [4, 4],
    [MAP_WIDTH - 4, MAP_HEIGHT - 4],
  ],
  { type: 'Sphere' },
)
const path = geoPath(projection).digits(0)

let cachedLand: string | undefined
let cachedSphere: string | undefined

/** The land outline as one SVG path (computed once per server process). */
export function landPath(): string {
  cachedLand ??= (() => {
    const land = buildLand()
    return land ? (path(land) ?? '') : ''
  })()
  return cachedLand
}

export function spherePath(): string {
  cachedSphere ??= path({ type: 'Sphere' }) ?? ''
  return cachedSphere
}

/** Screen position of a point, or null when it falls off the projection. */
export function project(point: { lat: number | null; lng: number | null }): [number, number] | null {
  if (point.lat === null || point.lng === null || !Number.isFinite(point.lat) || !Number.isFinite(point.lng)) return null
  const xy = projection([point.lng, point.lat])
  if (!xy) return null
  return [Math.round(xy[0] * 10) / 10, Math.round(xy[1] * 10) / 10]
}

/** A trip's destinations in travel order, as map points ("Tokyo, Japan"). */
export function destinationPoints(
  destinations: ReadonlyArray<{
    _key: string
    city: string | null
    country: { name: string | null } | null
    location: { lat: number | null; lng: number | null } | null
  }> | null,
): MapPoint[] {
  return (destinations ?? []).map((d) => ({
    key: d._key,
    label: [d.city, d.country?.name].filter(Boolean).join(', ') || 'Unnamed place',
    lat: d.location?.lat ?? null,
    lng: d.location?.lng ?? null,
  }))
}

type PlaceDestination = {
  city: string | null
  country: { _id?: string; name: string | null } | null
  location: { lat: number | null; lng: number | null } | null
}

/**
 * The places some trips went to, once each, in name order and labelled with how many trips went
 * there ("Tokyo, Japan (1 trip)"). `inCountry` keeps only the places in that country (its _id).
 */
export function visitedPlaces(
  trips: ReadonlyArray<{
    destinations: ReadonlyArray<PlaceDestination> | null
  }>,
  inCountry?: string,
): MapPoint[] {
  const places = new Map<
    string,
    {
      key: string
      label: string
      lat: number | null
      lng: number | null
      count: number
    }
  >()
  for (const trip of trips) {
    for (const d of trip.destinations ?? []) {
      if (inCountry !== undefined && d.country?._id !== inCountry) continue
      // A map key, counted across trips: the text as stored, without a preview's stega markers.
      const label = stegaClean([d.city, d.country?.name].filter(Boolean).join(', '))
      if (!label) continue
      const place = places.get(label) ?? {
        key: label,
        label,
        lat: d.location?.lat ?? null,
        lng: d.location?.lng ?? null,
        count: 0,
      }
      place.count += 1
      places.set(label, place)
    }
  }
  return [...places.values()]
    .sort((a, b) => a.label.localeCompare(b.label))
    .map(({ count, ...p }) => ({
      ...p,
      label: `${p.label} (${count} ${count === 1 ? 'trip' : 'trips'})`,
    }))
}
