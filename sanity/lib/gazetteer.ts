/**
 * The city list destinations are picked from: the `city-timezones` package (some 7,300 cities of
 * the world with coordinates and IANA time zone, from the Natural Earth populated places), kept as
 * data rather than typed by hand. It weighs about 2 MB, so the Studio loads it only when someone
 * searches (a lazy chunk), and search is bounded: a short query, a capped number of answers.
 */
import type { CityData } from 'city-timezones'
import { isIanaTimeZone } from './timeZone'

export type GazetteerCity = {
  /** Stable key for a list option: name, province and country code. */
  key: string
  city: string
  province: string
  country: string
  /** ISO 3166-1 alpha-2, or null where the source has none (e.g. Kosovo's "-99"). */
  countryCode: string | null
  timeZone: string
  lat: number
  lng: number
  population: number
}

export const MAX_QUERY_LENGTH = 60
export const MAX_RESULTS = 20

/** Lower case without accents, so "sao paulo" finds "São Paulo". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
}

/** The source's rows as destinations can use them: only those with a zone this runtime knows. */
export function toGazetteerCities(rows: readonly CityData[]): GazetteerCity[] {
  const cities: GazetteerCity[] = []
  const keys = new Set<string>()
  for (const row of rows) {
    if (typeof row.timezone !== 'string' || !isIanaTimeZone(row.timezone)) continue
    if (!Number.isFinite(row.lat) || !Number.isFinite(row.lng)) continue
    const code = typeof row.iso2 === 'string' && /^[A-Z]{2}$/.test(row.iso2) ? row.iso2 : null
    const province = typeof row.province === 'string' ? row.province : ''
    let key = `${row.city}|${province}|${code ?? row.country}`
    // A few places share name, province and country; number the later ones.
    for (let n = 2; keys.has(key); n++) key = `${row.city}|${province}|${code ?? row.country}|${n}`
    keys.add(key)
    cities.push({ key, city: row.city, province, country: row.country, countryCode: code, timeZone: row.timezone, lat: row.lat, lng: row.lng, population: row.pop })
  }
  return cities
}

type Indexed = { city: GazetteerCity; name: string; place: string }
const indexes = new WeakMap<readonly GazetteerCity[], Indexed[]>()

function indexOf(cities: readonly GazetteerCity[]): Indexed[] {
  let index = indexes.get(cities)
  if (!index) {
    index = cities.map((city) => ({ city, name: fold(city.city), place: fold(`${city.province} ${city.country} ${city.countryCode ?? ''}`) }))
    indexes.set(cities, index)
  }
  return index
}

/**
 * Cities whose name starts with the query (then those whose name contains it), largest first.
 * Words after a comma narrow by province or country: "portland, maine", "san jose, costa rica".
 */
export function searchCities(cities: readonly GazetteerCity[], query: string, limit = MAX_RESULTS): GazetteerCity[] {
  const [namePart = '', ...placeParts] = fold(query.slice(0, MAX_QUERY_LENGTH)).split(',')
  const name = namePart.trim()
  const place = placeParts.join(' ').trim()
  if (name.length === 0) return []
  const starts: Indexed[] = []
  const contains: Indexed[] = []
  for (const entry of indexOf(cities)) {
    if (place && !entry.place.includes(place)) continue
    if (entry.name.startsWith(name)) starts.push(entry)
    else if (entry.name.includes(name)) contains.push(entry)
  }
  const byPopulation = (a: Indexed, b: Indexed) => b.city.population - a.city.population
  return [...starts.sort(byPopulation), ...contains.sort(byPopulation)].slice(0, Math.max(0, Math.min(limit, MAX_RESULTS))).map((entry) => entry.city)
}

let loading: Promise<GazetteerCity[]> | null = null

/** The whole list, loaded once on first use (in the Studio, a separate chunk fetched then). */
export function loadGazetteer(): Promise<GazetteerCity[]> {
  loading ??= import('city-timezones').then((module) => toGazetteerCities(module.cityMapping))
  // A failed load (a dropped connection) may be tried again.
  loading.catch(() => {
    loading = null
  })
  return loading
}
