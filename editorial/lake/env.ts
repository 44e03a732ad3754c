/** The editorial plugin's settings from the environment, validated with a clear message. */
import { z } from 'zod'

const editorialSchema = z.object({
  /**
   * Whether the lake refuses to publish a document whose draft is not approved. On unless set to
   * false; `npm run test:e2e` turns it off for the specs that publish directly.
   */
  LAKE_REVIEW_REQUIRED: z
    .enum(['true', 'false', '1', '0', 'on', 'off'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true' || value === '1' || value === 'on'),
  /** Comma-separated document types review applies to; empty means every content type. */
  LAKE_REVIEW_TYPES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((type) => type.trim())
        .filter(Boolean),
    ),
})

export type EditorialEnv = z.infer<typeof editorialSchema>

export function readEditorialEnv(source: NodeJS.ProcessEnv = process.env): EditorialEnv {
  const parsed = editorialSchema.safeParse(source)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')
  throw new Error(`Invalid editorial settings in the environment: ${problems}`)
}
