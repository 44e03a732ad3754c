/**
 * Where the e2e run's servers are. `npm run test:e2e` (scripts/e2e.ts) picks free ports and a
 * temporary lake folder and passes them through the environment; there are no fallbacks to the
 * default ports, so a spec run any other way stops at once instead of writing users and tokens
 * into a developer's own `.lake` or driving whatever happens to listen on :3000.
 */
import { resolve } from 'node:path'

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with "npm run test:e2e" (add a spec file to run one).`)
  return value
}

/** Refuses the default data folder, whatever way the variables were set. */
export function e2eLakeDir(): string {
  const dir = resolve(required('LAKE_DIR'))
  if (dir === resolve('.lake')) throw new Error('LAKE_DIR is the default .lake: the end-to-end tests write users and tokens, so they only run on a temporary lake ("npm run test:e2e").')
  return dir
}

export const E2E = {
  get portal(): string {
    return `http://127.0.0.1:${required('PORT')}`
  },
  get studio(): string {
    return `http://localhost:${required('STUDIO_PORT')}`
  },
  /** The lake's plain-HTTP port, for server-side clients (`@sanity/client`, fetch). */
  get lakeHttp(): string {
    return `http://127.0.0.1:${required('LAKE_HTTP_PORT')}`
  },
  /** The shared cache (Varnish) in front of the portal, as readers reach it in production. */
  get cache(): string {
    return `http://127.0.0.1:${required('CACHE_PORT')}`
  },
  /** The lake's HTTPS port, which browsers (the Studio) reach as `localhost` and `*.localhost`. */
  get lakeHttpsPort(): string {
    return required('LAKE_PORT')
  },
}
