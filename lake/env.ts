/**
 * The lake's environment, validated in one place (it reads nothing of the portal's): a misspelt
 * or malformed variable fails at start with one clear message.
 */
import { z } from 'zod'

const port = (fallback: number) =>
  z.coerce.number({ message: 'must be a port number' }).int('must be a whole number').min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535').default(fallback)

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional()

const lakeSchema = z.object({
  LAKE_DIR: z.string().trim().min(1).default('.lake'),
  LAKE_PORT: port(3999),
  LAKE_HTTP_PORT: port(3998),
  LAKE_HOST: z.string().trim().min(1).default('localhost'),
  /** Comma-separated origins allowed to call the lake from a browser. */
  LAKE_CORS_ORIGINS: optionalText,
  /**
   * The lake's public HTTPS origin, where asset URLs point (https://lake.example.gov behind a
   * proxy). Unset: the lake's own HTTPS address, https://LAKE_HOST:LAKE_PORT. HTTPS because
   * browsers load the images and @sanity/import checks asset URLs over HTTPS only.
   */
  LAKE_PUBLIC_URL: optionalText.pipe(
    z
      .string()
      .url('must be an absolute URL such as https://lake.example.gov')
      .refine((value) => /^https:\/\/[^/?#]+\/?$/.test(value), 'must be an https:// origin without a path, such as https://lake.example.gov')
      .transform((value) => value.replace(/\/$/, ''))
      .optional(),
  ),
  PORT: port(3000),
  STUDIO_PORT: port(3333),
  /** Email of the administrator created on the first start of `npm run dev` / `npm start`. */
  LAKE_ADMIN_EMAIL: z.string().trim().email('must be an email address').default('admin@envoy.local'),
  /** That administrator's password (at least 12 characters); unset means a random one, printed once. */
  LAKE_ADMIN_PASSWORD: optionalText.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
  /** Where the lake posts a signed webhook for every published change (the portal's /api/revalidate). */
  LAKE_WEBHOOK_URL: optionalText.pipe(z.string().url('must be an absolute URL such as http://127.0.0.1:3000/api/revalidate').optional()),
  SANITY_REVALIDATE_SECRET: optionalText,
  /**
   * The lake's clock (lake/clock.ts): `system`, or `manual` for tests, which lets an administrator
   * move lake time forward (POST /v1/clock) so schedules and embargo lifts fall due at once.
   */
  LAKE_CLOCK: z.enum(['system', 'manual'], { message: 'must be system or manual' }).default('system'),
  /** Bound of the image-transform cache on disk (`<LAKE_DIR>/transform-cache`), in megabytes. */
  LAKE_TRANSFORM_CACHE_MB: z.coerce
    .number({ message: 'must be a number of megabytes' })
    .int('must be a whole number of megabytes')
    .min(1, 'must be at least 1')
    .max(1_000_000, 'must be at most 1000000')
    .default(256),
  /** Lake plugins (lake/plugin.ts) `npm run lake` loads when no --plugin is given; comma-separated module paths. */
  LAKE_PLUGINS: optionalText,
})

export type LakeEnv = z.infer<typeof lakeSchema>

export function readLakeEnv(source: NodeJS.ProcessEnv = process.env): LakeEnv {
  const result = lakeSchema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new Error(`The lake's environment is not valid:\n${problems}\nSee .env.example for every variable.`)
  }
  return result.data
}
