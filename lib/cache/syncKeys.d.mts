/** Types of ./syncKeys.mjs (plain JavaScript, loaded by Next at run time). */
export declare const SYNC_TAG_PREFIX: 'sanity:'
export declare const ANY_CHANGE_TAG: 'sanity:any-change'
export declare const CACHE_TAGS_HEADER: 'x-next-cache-tags'
export declare const SYNC_KEYS_HEADER: 'x-envoy-sync-keys'
export declare const MAX_SYNC_KEYS: number
/** The answer's sync keys as a `X-Envoy-Sync-Keys` value, or undefined when it read none. */
export declare function syncKeysOf(cacheTags: unknown): string | undefined
