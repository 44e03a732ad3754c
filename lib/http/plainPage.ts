/**
 * A small self-contained HTML page for answers given outside the React tree: the share-link
 * route's outcomes, and the proxy's refusals of malformed requests, which happen before Next.js
 * could render the site's own pages. No scripts, no external assets, only escaped text.
 */

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export function plainPageHtml(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} | Envoy</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">Go to the public site</a></p></body></html>`
}

export function plainPage(status: number, title: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(plainPageHtml(title, message), { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } })
}
