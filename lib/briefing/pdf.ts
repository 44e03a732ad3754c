/**
 * Briefing PDFs: the HTML sheet printed by headless Chromium, kept on disk per published revision.
 *
 * Printing the real page (rather than a second PDF layout) keeps the PDF's content identical to
 * the HTML's by construction. Chromium is started per render and closed after: renders are rare
 * (once per published revision and paper), and a browser idling in the portal's process costs
 * memory on a small machine all day.
 *
 * The cache key names the sheet (trip id, meeting, paper) and a hash of the published revisions on
 * it (lib/briefing/load.ts). A request for an unchanged sheet reads the file; a publish changes
 * the key, so the next request renders anew and the older files of that sheet are removed.
 */
import 'server-only'
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { CHROMIUM_ARGS, chromiumPath } from '@/lib/chromium'
import { readBriefingEnv } from '@/lib/env'

export type Paper = 'letter' | 'a4'

/** Prints `url` to PDF on the given paper, with tags and an outline for screen readers and navigation. */
export async function renderPdf(url: string, paper: Paper): Promise<Buffer> {
  // Loaded on demand: the route is the only user, and playwright-core is large.
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS], headless: true })
  try {
    const page = await browser.newPage()
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 })
    if (!response?.ok()) throw new Error(`The briefing page answered ${response?.status() ?? 'nothing'} at ${url}`)
    // Selects the named @page of app/globals.css, exactly as the Print buttons do.
    await page.evaluate((value) => {
      document.documentElement.dataset.paper = value
    }, paper)
    return await page.pdf({
      format: paper === 'a4' ? 'A4' : 'Letter',
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
    })
  } finally {
    await browser.close()
  }
}

const inFlight = new Map<string, Promise<Buffer>>()

const safe = (part: string) => part.replace(/[^A-Za-z0-9._-]/g, '_')

/**
 * The PDF for `sheet` at `revision`: from disk when rendered before, else rendered once (parallel
 * requests for the same revision share one render) and stored.
 */
export async function cachedPdf(sheet: string, revision: string, render: () => Promise<Buffer>): Promise<{ bytes: Buffer; hit: boolean }> {
  const dir = resolve(readBriefingEnv().BRIEFING_PDF_CACHE_DIR)
  const prefix = `${safe(sheet)}--`
  const file = join(dir, `${prefix}${safe(revision)}.pdf`)
  try {
    return { bytes: await readFile(file), hit: true }
  } catch {
    // Not rendered yet.
  }
  let pending = inFlight.get(file)
  if (!pending) {
    pending = (async () => {
      const bytes = await render()
      await mkdir(dir, { recursive: true })
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
      await writeFile(temporary, bytes)
      await rename(temporary, file)
      // Older revisions of this sheet are superseded.
      for (const name of await readdir(dir)) {
        if (name.startsWith(prefix) && name.endsWith('.pdf') && join(dir, name) !== file) await rm(join(dir, name), { force: true })
      }
      return bytes
    })().finally(() => inFlight.delete(file))
    inFlight.set(file, pending)
  }
  return { bytes: await pending, hit: false }
}
