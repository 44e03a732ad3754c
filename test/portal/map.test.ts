import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { vercelStegaCombine } from '@vercel/stega'
import { geoDistance } from 'd3-geo'
import { mapOf, WASHINGTON, type MapPoint } from '../../lib/map'
import { drawMap, FRAME_HEIGHT, FRAME_WIDTH, frameProjection, globeProjection, type MapDrawing } from '../../lib/map/frame'

/** The seed's Tokyo (the gazetteer's coordinates). */
const TOKYO = { lat: 35.68501691, lng: 139.7514074 }
const point = (key: string, lat: number | null, lng: number | null): MapPoint => ({ key, label: key, lat, lng })
const trip = (points: MapPoint[]) => mapOf(points, { fromWashington: true })

function inFrame({ x, y }: { x: number; y: number }) {
  return x >= 0 && x <= FRAME_WIDTH && y >= 0 && y <= FRAME_HEIGHT
}

/** Every number in a path's data (for NaN and bounds checks). */
function numbersIn(path: string): number[] {
  return (path.match(/-?[\d.]+(?:e-?\d+)?|NaN|Infinity/g) ?? []).map(Number)
}

function assertNoNaN(drawing: MapDrawing) {
  const text = JSON.stringify(drawing)
  assert.ok(!/NaN|Infinity|null,null/.test(text.replace(/"(origin|originEntry|globe)":null/g, '')), 'no NaN or Infinity in the drawing')
}

describe('trip map', () => {
  it('frames Tokyo with its region, in 1:10m coastline, and no NaN', () => {
    const drawing = trip([point('tokyo', TOKYO.lat, TOKYO.lng)])
    assert.ok(drawing)
    assertNoNaN(drawing)
    assert.equal(drawing.markers.length, 1)
    const [marker] = drawing.markers
    assert.ok(marker && inFrame(marker), `Tokyo at ${JSON.stringify(marker)}`)
    assert.equal(marker.number, 1)
    // Roughly centred (one place), not pushed to an edge.
    assert.ok(Math.abs(marker.x - FRAME_WIDTH / 2) < 5 && Math.abs(marker.y - FRAME_HEIGHT / 2) < 5)
    assert.equal(drawing.landScale, '10m')
    assert.match(drawing.land, /^M/)
    const landNumbers = numbersIn(drawing.land)
    assert.ok(
      landNumbers.every((n) => Number.isFinite(n) && n >= -1 && n <= FRAME_WIDTH + 1),
      'land clipped to the frame',
    )
    // Clipped to the frame and thinned to the pixel: small enough to sit in the page.
    assert.ok(drawing.land.length < 20_000, `land path ${drawing.land.length} bytes`)
  })

  it('shows one city no closer than its region (minimum extent), and a wide trip whole', () => {
    const width = (projection: ReturnType<typeof frameProjection>) => {
      const left = projection.invert?.([0, FRAME_HEIGHT / 2])
      const right = projection.invert?.([FRAME_WIDTH, FRAME_HEIGHT / 2])
      assert.ok(left && right)
      return geoDistance(left, right) * 6371
    }
    const one = width(frameProjection([[TOKYO.lng, TOKYO.lat]]))
    assert.ok(one > 800 && one < 2000, `one city's frame is ${Math.round(one)} km wide`)
    const two = width(
      frameProjection([
        [TOKYO.lng, TOKYO.lat],
        [-0.12, 51.5],
      ]),
    )
    assert.ok(two > 9000, `Tokyo–London frame is ${Math.round(two)} km wide`)
  })

  it('draws the route from Washington as great-circle arcs: the leg in from the frame edge, labelled, and the whole on a globe', () => {
    const drawing = trip([point('tokyo', TOKYO.lat, TOKYO.lng), point('seoul', 37.5665, 126.978)])
    assert.ok(drawing)
    assertNoNaN(drawing)
    // Two legs: Washington → Tokyo and Tokyo → Seoul, each its own subpath.
    assert.equal((drawing.route.match(/M/g) ?? []).length, 2, drawing.route.slice(0, 80))
    // Washington is outside a frame on Japan and Korea; the route enters from the edge.
    assert.equal(drawing.origin, null)
    const entry = drawing.originEntry
    assert.ok(entry && inFrame(entry))
    assert.ok(entry.x < 2 || entry.x > FRAME_WIDTH - 2 || entry.y < 2 || entry.y > FRAME_HEIGHT - 2, `entry ${JSON.stringify(entry)} on an edge`)
    // A great circle from Washington to Tokyo runs over the north Pacific: it enters from the top or the right, not the left.
    assert.ok(entry.x > FRAME_WIDTH / 2)
    assert.deepEqual(
      drawing.markers.map((m) => m.number),
      [1, 2],
    )
    const globe = drawing.globe
    assert.ok(globe, 'a globe shows the whole route')
    assert.ok(globe.origin, 'Washington is on the globe')
    assert.equal(globe.markers.length, 2)
    assert.match(globe.route, /^M/)
    assert.match(globe.frame, /^M/)
    for (const spot of [globe.origin, ...globe.markers]) assert.ok(Math.hypot(spot.x - globe.cx, spot.y - globe.cy) <= globe.r + 0.5)
  })

  it('draws Washington itself when it lies in the frame, without a globe', () => {
    const drawing = trip([point('ottawa', 45.4215, -75.6972), point('mexico', 19.4326, -99.1332)])
    assert.ok(drawing)
    assert.ok(drawing.origin && inFrame(drawing.origin))
    assert.equal(drawing.originEntry, null)
    assert.equal(drawing.globe, null)
    assert.equal((drawing.route.match(/M/g) ?? []).length, 2)
  })

  it('keeps the poles as points, on the frame and on the globe (no cut poles)', () => {
    const arctic = frameProjection([
      [15.65, 78.22],
      [-21.94, 64.15],
    ])
    const globe = globeProjection(
      [
        [WASHINGTON.lng, WASHINGTON.lat],
        [TOKYO.lng, TOKYO.lat],
      ],
      [
        [0, 0],
        [200, 200],
      ],
    )
    for (const projection of [arctic, globe]) {
      const poles = [0, 90, -135].map((lng) => projection([lng, 89.9999]))
      assert.ok(poles.every((xy) => xy !== null))
      const [a, ...rest] = poles
      for (const b of rest) assert.ok(a && b && Math.hypot(a[0] - b[0], a[1] - b[1]) < 0.1, `the pole is one point: ${JSON.stringify(poles)}`)
    }
    // A route round the world does not fit a hemisphere: the globe shows the whole sphere, still a disc.
    const wide = globeProjection(
      [
        [WASHINGTON.lng, WASHINGTON.lat],
        [TOKYO.lng, TOKYO.lat],
        [149.13, -35.28],
        [-70.67, -33.45],
      ],
      [
        [0, 0],
        [200, 200],
      ],
    )
    const stops = [
      [WASHINGTON.lng, WASHINGTON.lat],
      [TOKYO.lng, TOKYO.lat],
      [149.13, -35.28],
      [-70.67, -33.45],
    ] as const
    for (const [lng, lat] of stops) {
      const xy = wide([lng, lat])
      assert.ok(xy && Math.hypot(xy[0] - 100, xy[1] - 100) <= 100.5, `${lng},${lat} on the globe`)
    }
  })

  it('crosses the antimeridian without breaking the land (Suva and Auckland)', () => {
    const drawing = trip([point('suva', -18.1416, 178.4419), point('auckland', -36.8485, 174.7633)])
    assert.ok(drawing)
    assertNoNaN(drawing)
    assert.ok(drawing.markers.every(inFrame))
    assert.match(drawing.land, /^M/)
    // Not the whole frame filled: a frame of ocean with islands carries many small rings.
    assert.ok((drawing.land.match(/M/g) ?? []).length > 10)
  })

  it('leaves places with absent or impossible coordinates off the map, keeps the list numbers, and never throws', () => {
    const drawing = trip([
      point('none', null, null),
      point('tokyo', TOKYO.lat, TOKYO.lng),
      point('lat 123', 123, 10),
      point('lng 400', 10, 400),
      point('nan', Number.NaN, 5),
      point('seoul', 37.5665, 126.978),
    ])
    assert.ok(drawing)
    assertNoNaN(drawing)
    assert.deepEqual(
      drawing.markers.map((m) => [m.key, m.number]),
      [
        ['tokyo', 2],
        ['seoul', 6],
      ],
    )
    assert.equal(trip([point('none', null, null), point('inf', Infinity, 0)]), null)
    assert.equal(trip([]), null)
    assert.equal(drawMap([]), null)
  })

  it('draws a country or index map numbered as its list, without a route', () => {
    const drawing = mapOf([point('Osaka, Japan', 34.6937, 135.5023), point('Tokyo, Japan', TOKYO.lat, TOKYO.lng)], { fromWashington: false })
    assert.ok(drawing)
    assert.equal(drawing.route, '')
    assert.equal(drawing.globe, null)
    assert.deepEqual(
      drawing.markers.map((m) => m.number),
      [1, 2],
    )
  })

  it('uses a place key without a preview’s stega markers', () => {
    const encoded = vercelStegaCombine('Tokyo, Japan', { origin: 'sanity.io', href: '/studio/intent/edit/id=trip;path=destinations' })
    assert.notEqual(encoded, 'Tokyo, Japan')
    const drawing = mapOf([point(encoded, TOKYO.lat, TOKYO.lng)], { fromWashington: false })
    assert.equal(drawing?.markers[0]?.key, 'Tokyo, Japan')
  })
})
