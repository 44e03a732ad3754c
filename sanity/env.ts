/**
 * Where the Studio and the Sanity CLI point. Defaults target Envoy's local lake
 * (project "local", dataset "production", API at https://localhost:3999).
 * Set SANITY_STUDIO_PROJECT_ID / SANITY_STUDIO_DATASET / SANITY_STUDIO_API_HOST to point elsewhere.
 *
 * The accesses are written out in full (`process.env.SANITY_STUDIO_…`) on purpose: the Studio's
 * bundler replaces exactly these expressions at build time; a dynamic lookup would not be replaced.
 */
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
