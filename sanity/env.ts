/**
 * Where the Studio and the Sanity CLI point. Defaults target Envoy's local lake
 * (project "local", dataset "production", API at https://localhost:3999).
 * Set SANITY_STUDIO_PROJECT_ID / SANITY_STUDIO_DATASET / SANITY_STUDIO_API_HOST to point elsewhere.
 *
 * The accesses are written out in full (`process.env.SANITY_STUDIO_…`) on purpose: the Studio's
 * bundler replaces exactly these expressions at build time; a dynamic lookup would not be replaced.
 */
import { parseReviewSetting } from './workflow/publishGate'

function read(get: () => string | undefined): string | undefined {
  try {
    const value = get()
    return value && value.trim() !== '' ? value.trim() : undefined
  } catch {
    // `process` is not defined in the browser when the variable was not set at build time.
    return undefined
  }
}

export const studioProjectId = read(() => process.env.SANITY_STUDIO_PROJECT_ID) ?? 'local'
export const studioDataset = read(() => process.env.SANITY_STUDIO_DATASET) ?? 'production'
export const studioApiHost = read(() => process.env.SANITY_STUDIO_API_HOST) ?? 'https://localhost:3999'
export const studioApiVersion = '2025-02-19'

/**
 * SANITY_STUDIO_REVIEW: `on` (default) keeps Publish switched off where the editorial review
 * service is absent (hosted Sanity without the plugin); `off` lets such a deployment publish with
 * Sanity's own button, without review. Why: sanity/workflow/publishGate.ts.
 */
export const studioReviewSetting = parseReviewSetting(read(() => process.env.SANITY_STUDIO_REVIEW))
