/**
 * The world map's base drawing (ocean and land outline) as one static SVG file, built once at
 * build time. Every map on the site draws its markers over this file instead of repeating the
 * ~40 kB land outline in each page's HTML and again in its RSC payload; browsers cache it once.
 */
import { MAP_HEIGHT, MAP_WIDTH, landPath, spherePath } from '@/lib/map'

export const dynamic = 'force-static'

/** The site's theme colours (app/globals.css): a standalone file cannot use its CSS classes. */
const OCEAN = '#eef5fb'
const COAST = '#a9aeb1'
const LAND = '#dfe1e2'
const BORDER = '#71767a'

export function GET() {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}">` +
    `<path d="${spherePath()}" fill="${OCEAN}" stroke="${COAST}" stroke-width="0.5"/>` +
    `<path d="${landPath()}" fill="${LAND}" stroke="${BORDER}" stroke-width="0.4"/>` +
    `</svg>`
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=86400' } })
}
