/**
 * Surrogate keys: every response names the cache tags (./tags.ts) its page is cached under, in a
 * `Surrogate-Key` header, so a shared cache in front (cache/envoy.vcl; a CDN that purges by key)
 * can expire exactly what Next expires when a publish webhook comes in (app/api/revalidate). The
 * sync tags that live events expire (app/api/revalidate/live) come with the answers Next cached,
 * in their own header (lib/cache/isrCacheHandler.mjs).
 *
 * Next does not emit a rendered page's tags itself outside its hosted platform (`next start`
 * removes `x-next-cache-tags`), so the keys are derived from the route, in next.config.ts: a
 * page's own `<type>:<slug>` comes from its URL, and the list tags are the ones its fetches pass
 * to `sanityFetch` (each rule names the file). Keeping a key too many only means a publish purges
 * that page needlessly; a key missing would leave it stale in the shared cache until its TTL, so
 * each rule lists every tag of its page's fetches.
 *
 * Next applies every rule whose source matches and the last one wins for the same header, so the
 * catch-all comes first and each later rule gives its route's whole set.
 */
import { ANY_CHANGE_TAG, CONTENT_TAG, listTag } from './tags'

export const SURROGATE_KEY_HEADER = 'Surrogate-Key'

/**
 * `Surrogate-Control` (the Edge Architecture header that CDNs and cache/envoy.vcl read, and
 * browsers ignore): how long the shared cache alone may keep a page that browsers are told not to
 * keep. Search result pages are rendered per query string and Next keeps none of them, so every
 * reader of a popular search was one render on the portal (bench:load: 200 readers, most of them
 * waiting on `/search`, made the portal time out). The cache now keeps each result page briefly
 * and renders it once for all its readers; a publish purges it by its keys like any page. Short,
 * because an embargo lifting is a moment, not a publish, so no purge announces it: a trip whose
 * embargo lifts shows in search results within these seconds.
 */
export const SURROGATE_CONTROL_HEADER = 'Surrogate-Control'
export const SEARCH_SHARED_CACHE_SECONDS = 5

type HeaderRule = { source: string; headers: { key: string; value: string }[] }

const lists = (...types: string[]) => types.map(listTag)

/**
 * Route (Next path pattern) → the tags besides the site-wide one. `:slug` in a key is filled in
 * from the URL (Next compiles header values like paths: `trip::slug` is `trip:` and the slug).
 */
const ROUTE_KEYS: [source: string, keys: string[]][] = [
  // app/page.tsx
  ['/', lists('trip', 'country')],
  // components/lists/TripsList.tsx (app/trips, app/lists/trips)
  ['/trips', lists('trip', 'country', 'official', 'topic', 'factBullet')],
  ['/lists/trips/:view*', lists('trip', 'country', 'official', 'topic', 'factBullet')],
  // app/trips/[slug]/** (page, briefing sheets, calendar, share image, PDF)
  ['/trips/:slug/:rest*', ['trip::slug']],
  // components/lists/FactsList.tsx (app/facts, app/lists/facts)
  ['/facts', lists('factBullet', 'topic', 'country')],
  ['/lists/facts/:view*', lists('factBullet', 'topic', 'country')],
  // app/officials/page.tsx, app/officials/[slug]/** (page, feed, calendar)
  ['/officials', lists('official', 'country')],
  ['/officials/:slug/:rest*', ['official::slug']],
  // app/countries/page.tsx, app/countries/[slug]/page.tsx
  ['/countries', lists('country', 'trip', 'factBullet')],
  ['/countries/:slug', ['country::slug']],
  // app/schedule/** (lib/dailyScheduleLoad.ts SCHEDULE_TAGS: today's page, each day, its calendar, the feed)
  ['/schedule', lists('meeting', 'trip', 'official', 'country')],
  ['/schedule/:rest*', lists('meeting', 'trip', 'official', 'country')],
  // app/feed.xml, app/sitemap.ts
  ['/feed.xml', lists('trip', 'country', 'official')],
  ['/sitemap.xml', lists('trip', 'official', 'country', 'meeting')],
  // app/search/page.tsx, app/briefing-book/page.tsx (dynamic, but a CDN may still be told to keep
  // them). Next caches no answer of theirs, so none names its sync tags (lib/cache/isrCacheHandler.mjs):
  // every live event purges them instead (ANY_CHANGE_TAG), a render each at most.
  ['/search', [...lists('trip', 'meeting', 'official', 'factBullet', 'quote', 'country', 'topic'), ANY_CHANGE_TAG]],
  ['/briefing-book', [...lists('trip', 'meeting'), ANY_CHANGE_TAG]],
]

/** The `Surrogate-Key` rules for next.config.ts `headers()`. */
export function surrogateKeyHeaders(): HeaderRule[] {
  const rule = (source: string, keys: string[]): HeaderRule => ({
    source,
    headers: [
      { key: SURROGATE_KEY_HEADER, value: [CONTENT_TAG, ...keys].join(' ') },
      ...(source === '/search' ? [{ key: SURROGATE_CONTROL_HEADER, value: `max-age=${SEARCH_SHARED_CACHE_SECONDS}` }] : []),
    ],
  })
  // Build files are immutable and named by their content: no publish changes them.
  return [rule('/((?!_next/static/).*)', []), ...ROUTE_KEYS.map(([source, keys]) => rule(source, keys))]
}
