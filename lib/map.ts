/**
 * The places a map shows, taken from the content, and the drawing made of them (lib/map/frame.ts:
 * framed on the places, drawn on the server). No tile service, no client script: the page carries
 * the drawing.
 */
import { stegaClean } from '@sanity/client/stega'
import { drawMap, isOnGlobe, type GeoPlace, type MapDrawing, type Origin } from './map/frame'

export interface MapPoint {
  key: string
  label: string
  lat: number | null
  lng: number | null
}

/** Where the Department's trips start: Washington, D.C. (the White House Ellipse). */
export const WASHINGTON: Origin & { label: string } = { label: 'Washington, D.C.', lat: 38.8951, lng: -77.0364 }

/** Whether a point can be drawn: finite coordinates on the globe; others stay in the list only. */
export function isDrawable(point: { lat: number | null; lng: number | null }): boolean {
  return isOnGlobe(point.lat, point.lng)
}

/** Drawings already made, by what they were made of: the land is clipped once per frame, not per render. */
const drawings = new Map<string, MapDrawing | null>()
const MAX_DRAWINGS = 200

/**
 * The map of `points`, each marker numbered as its point is in the list, with the route from
 * Washington through them in list order when `fromWashington`. Null when none of them has usable
 * coordinates.
 */
export function mapOf(points: readonly MapPoint[], { fromWashington }: { fromWashington: boolean }): MapDrawing | null {
  const places = points.flatMap((point, index): GeoPlace[] =>
    point.lat !== null && point.lng !== null && isDrawable(point) ? [{ key: stegaClean(point.key), number: index + 1, lat: point.lat, lng: point.lng }] : [],
  )
  const key = JSON.stringify([fromWashington, places])
  if (drawings.has(key)) return drawings.get(key) ?? null
  const drawing = drawMap(places, fromWashington ? { origin: WASHINGTON } : {})
  if (drawings.size >= MAX_DRAWINGS) {
    const oldest = drawings.keys().next()
    if (!oldest.done) drawings.delete(oldest.value)
  }
  drawings.set(key, drawing)
  return drawing
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
