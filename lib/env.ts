/**
 * Every environment variable Envoy reads, validated in one place.
 *
 * The portal and the Studio tooling import from here (the lake validates its own,
 * lake/env.ts) so that a misspelt or malformed variable fails fast with one clear
 * message instead of surfacing later as a confusing network error.
 */
import { z } from 'zod'

const port = (fallback: number) =>
  z.coerce.number({ message: 'must be a port number' }).int('must be a whole number').min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535').default(fallback)

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional()

/**
 * Where the portal and the tooling find the local lake. The lake's own settings (its folder,
 * administrator, webhooks, clock, plugins) are the lake's, validated in lake/env.ts.
 */
const lakeAddressSchema = z.object({
  LAKE_PORT: port(3999),
  LAKE_HTTP_PORT: port(3998),
  LAKE_HOST: z.string().trim().min(1).default('localhost'),
  /**
   * The lake's public HTTPS origin as browsers reach it (the lake's own variable, lake/env.ts,
   * which checks its shape); unset: https://LAKE_HOST:LAKE_PORT. Staff preview's live updates
   * connect there (readBrowserLiveAddress).
   */
  LAKE_PUBLIC_URL: optionalText.pipe(z.string().url('must be an absolute URL such as https://lake.example.gov').optional()),
})

const sanitySchema = z.object({
  /** Set together with SANITY_DATASET to read from hosted Sanity instead of the local lake. */
  SANITY_PROJECT_ID: optionalText,
  SANITY_DATASET: optionalText,
  /** A read token (viewer) used by the portal on the server only. */
  SANITY_API_READ_TOKEN: optionalText,
  SANITY_API_VERSION: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must look like 2025-02-19')
    .default('2025-02-19'),
  NEXT_PUBLIC_SITE_URL: z.string().trim().url('must be an absolute URL such as https://envoy.example.gov').default('http://localhost:3000'),
  LAKE_HTTP_PORT: port(3998),
  /** Shared with whoever sends publish webhooks (the lake, or a Sanity GROQ webhook) to sign them. */
  SANITY_REVALIDATE_SECRET: optionalText,
})

const buildSchema = z.object({
  /** Where `next build` writes and `next start` reads the build; lets two builds share a checkout. */
  NEXT_DIST_DIR: z.string().trim().min(1).default('.next'),
})

const briefingSchema = z.object({
  /** Folder where rendered briefing PDFs are kept, one file per published revision of a sheet. */
  BRIEFING_PDF_CACHE_DIR: z.string().trim().min(1).default('.cache/briefing-pdf'),
  /**
   * The Chromium (or Chrome) binary that prints briefing PDFs and drives the e2e tests. Empty means
   * the first one found where browsers are usually installed (lib/chromium.ts).
   */
  CHROMIUM_PATH: optionalText,
  /**
   * Origin the PDF printer loads the HTML sheet from, e.g. http://127.0.0.1:3000. Empty means the
   * origin of the PDF request itself; set it when the public address does not reach this server.
   */
  BRIEFING_RENDER_ORIGIN: optionalText.pipe(z.string().url('must be an absolute URL such as http://127.0.0.1:3000').optional()),
})

const sharedCacheSchema = z
  .object({
    /** Port the shared cache (Varnish, `npm run start:cached`) serves readers on. */
    CACHE_PORT: port(8080),
    /** Memory for cached pages (varnishd `-s malloc,<size>`), e.g. 256m or 2g. */
    CACHE_MEMORY: z
      .string()
      .trim()
      .regex(/^\d+[kmg]$/i, 'must be a size such as 256m or 2g')
      .default('256m'),
    /**
     * Where the revalidation route sends its PURGE for the surrogate keys of a publish, e.g.
     * http://127.0.0.1:8080/. Set means the portal is behind the shared cache: it leaves
     * compression to the cache. `npm run start:cached` fills it in.
     */
    CACHE_PURGE_URL: optionalText.pipe(z.string().url('must be an absolute URL such as http://127.0.0.1:8080/').optional()),
    /** Sent with every PURGE; the cache refuses a purge without it (cache/envoy.vcl). */
    CACHE_PURGE_SECRET: optionalText.pipe(
      z
        .string()
        .min(16, 'must be at least 16 characters')
        .regex(/^[\w.~-]+$/, 'may hold only letters, digits and - _ . ~')
        .optional(),
    ),
  })
  .refine((env) => !env.CACHE_PURGE_URL || env.CACHE_PURGE_SECRET, { message: 'required when CACHE_PURGE_URL is set', path: ['CACHE_PURGE_SECRET'] })

export type SharedCacheEnv = z.infer<typeof sharedCacheSchema>

/** The shared cache in front of the portal; `purge` is set when the portal is behind one. */
export function readSharedCacheEnv(source: NodeJS.ProcessEnv = process.env): {
  port: number
  memory: string
  purge?: { url: string; secret: string }
} {
  const env = parse(sharedCacheSchema, source)
  const purge = env.CACHE_PURGE_URL && env.CACHE_PURGE_SECRET ? { url: env.CACHE_PURGE_URL, secret: env.CACHE_PURGE_SECRET } : undefined
  return { port: env.CACHE_PORT, memory: env.CACHE_MEMORY, purge }
}

export type BriefingEnv = z.infer<typeof briefingSchema>

export function readBriefingEnv(source: NodeJS.ProcessEnv = process.env): BriefingEnv {
  return parse(briefingSchema, source)
}

export function readBuildEnv(source: NodeJS.ProcessEnv = process.env): z.infer<typeof buildSchema> {
  return parse(buildSchema, source)
}

export type LakeAddress = z.infer<typeof lakeAddressSchema>
export type SanityEnv = z.infer<typeof sanitySchema>

function parse<T extends z.ZodType>(schema: T, source: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new Error(`Envoy's environment is not valid:\n${problems}\nSee .env.example for every variable.`)
  }
  return result.data
}

export function readLakeAddress(source: NodeJS.ProcessEnv = process.env): LakeAddress {
  return parse(lakeAddressSchema, source)
}

/** Where the portal reads content: hosted Sanity when a project id is set, otherwise the local lake. */
export type ContentSource =
  | { kind: 'hosted'; projectId: string; dataset: string; apiVersion: string; token?: string }
  | { kind: 'lake'; projectId: 'local'; dataset: string; apiVersion: string; apiHost: string; token?: string }

export function readContentSource(source: NodeJS.ProcessEnv = process.env): ContentSource {
  const env = parse(sanitySchema, source)
  if (env.SANITY_PROJECT_ID && env.SANITY_PROJECT_ID !== 'local') {
    if (!env.SANITY_DATASET) {
      throw new Error("Envoy's environment is not valid:\n  SANITY_DATASET: required when SANITY_PROJECT_ID is set\nSee .env.example for every variable.")
    }
    return { kind: 'hosted', projectId: env.SANITY_PROJECT_ID, dataset: env.SANITY_DATASET, apiVersion: env.SANITY_API_VERSION, token: env.SANITY_API_READ_TOKEN }
  }
  return {
    kind: 'lake',
    projectId: 'local',
    dataset: env.SANITY_DATASET ?? 'production',
    apiVersion: env.SANITY_API_VERSION,
    // Server-side clients use the lake's plain-HTTP loopback port: Node does not resolve *.localhost
    // and needs no HTTP/2 (see lake/README section in the project README).
    apiHost: `http://127.0.0.1:${env.LAKE_HTTP_PORT}`,
    token: env.SANITY_API_READ_TOKEN,
  }
}

/**
 * Where a browser reaches the content source's Live Content API (`<SanityLive />`,
 * lib/sanity/live.ts): on the lake its public HTTPS address (LAKE_PUBLIC_URL, else
 * https://LAKE_HOST:LAKE_PORT, the one the Studio uses; the server's loopback address is no use to
 * a browser on another machine); on hosted Sanity the project's API host (`apiHost` undefined: the
 * client's default). `origin` is for the CSP's `connect-src`.
 */
export function readBrowserLiveAddress(source: NodeJS.ProcessEnv = process.env): { apiHost?: string; origin: string } {
  const content = readContentSource(source)
  if (content.kind === 'hosted') return { origin: `https://${content.projectId}.api.sanity.io` }
  const { LAKE_HOST, LAKE_PORT, LAKE_PUBLIC_URL } = readLakeAddress(source)
  const origin = new URL(LAKE_PUBLIC_URL ?? `https://${LAKE_HOST}:${LAKE_PORT}`).origin
  return { apiHost: origin, origin }
}

/** The secret publish webhooks are signed with, or undefined when on-demand revalidation is off. */
export function readRevalidateSecret(source: NodeJS.ProcessEnv = process.env): string | undefined {
  return parse(sanitySchema, source).SANITY_REVALIDATE_SECRET
}

const portalSchema = z.object({
  /** The portal's own port (`next start -p` sets it); live invalidation posts to it over loopback (lib/live/cacheListener.ts). */
  PORT: port(3000),
  /**
   * `on`: the portal listens to the content source's live events and expires what they name
   * (lib/live/cacheListener.ts). `off`: it does not, and a publish webhook must (app/api/revalidate).
   */
  PORTAL_LIVE_INVALIDATION: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
})

/** Where the portal reaches itself: its loopback address on PORT. */
export function readPortalLoopbackUrl(source: NodeJS.ProcessEnv = process.env): string {
  return `http://127.0.0.1:${parse(portalSchema, source).PORT}`
}

export function readLiveInvalidation(source: NodeJS.ProcessEnv = process.env): boolean {
  return parse(portalSchema, source).PORTAL_LIVE_INVALIDATION === 'on'
}

export function readSiteUrl(source: NodeJS.ProcessEnv = process.env): string {
  return parse(sanitySchema, source).NEXT_PUBLIC_SITE_URL.replace(/\/$/, '')
}

const previewSchema = z.object({
  STUDIO_PORT: port(3333),
  /**
   * The Studio's address as staff open it, for click-to-edit links in preview (lib/preview/editing.ts).
   * Default http://localhost:$STUDIO_PORT, the Studio that `npm run dev` / `npm start` serve.
   */
  SANITY_STUDIO_URL: optionalText.pipe(z.string().url('must be an absolute URL such as https://studio.envoy.example.gov').optional()),
})

export function readStudioUrl(source: NodeJS.ProcessEnv = process.env): string {
  const env = parse(previewSchema, source)
  return (env.SANITY_STUDIO_URL ?? `http://localhost:${env.STUDIO_PORT}`).replace(/\/$/, '')
}
