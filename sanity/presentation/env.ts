/**
 * Where the Studio's Presentation tool finds the portal. Only SANITY_STUDIO_* variables reach the
 * Studio bundle; `npm run dev`/`build`/`start` set SANITY_STUDIO_PREVIEW_ORIGIN to
 * http://localhost:$PORT (scripts/lib/studio.ts). It must be `localhost`, like the Studio's own
 * host: the portal then runs same-site inside the Studio's iframe, so its draft-mode cookies are
 * sent there.
 */
function read(get: () => string | undefined): string | undefined {
  try {
    const value = get()
    return value && value.trim() !== '' ? value.trim().replace(/\/$/, '') : undefined
  } catch {
    return undefined
  }
}

export const previewOrigin = read(() => process.env.SANITY_STUDIO_PREVIEW_ORIGIN) ?? 'http://localhost:3000'
