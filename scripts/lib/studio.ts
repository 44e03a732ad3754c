/**
 * What `npm run dev`, `npm run build` and `npm start` share about the Studio: the environment it
 * is started with, and the first administrator of a fresh lake.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { readBuildEnv } from '../../lib/env'
import { readLakeEnv } from '../../lake/env'
import { AccountStore } from '../../lake/accounts'
import { TokenStore } from '../../lake/auth'
import { openDatabase } from '../../lake/db'

/**
 * Where `npm run build` writes the Studio and `npm start` serves it from: beside the portal's
 * build (`.next-studio` by default, git-ignored), because the bundle has the lake's address baked
 * in, so each build folder needs the Studio built for its own ports.
 */
export const STUDIO_OUT_DIR = `${readBuildEnv().NEXT_DIST_DIR}-studio`

/**
 * The Studio reads only SANITY_STUDIO_* variables (baked into the bundle by `sanity build`), so the
 * lake's address is passed as SANITY_STUDIO_API_HOST, following LAKE_PORT unless set explicitly.
 */
export function studioEnv(source: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { LAKE_PORT, PORT } = readLakeEnv(source)
  return {
    ...source,
    SANITY_TELEMETRY_DISABLED: '1',
    SANITY_STUDIO_API_HOST: source.SANITY_STUDIO_API_HOST?.trim() || `https://localhost:${LAKE_PORT}`,
    // The Presentation tool's preview (sanity/presentation/env.ts): the portal, same-site as the Studio.
    SANITY_STUDIO_PREVIEW_ORIGIN: source.SANITY_STUDIO_PREVIEW_ORIGIN?.trim() || `http://localhost:${PORT}`,
  }
}

/**
 * On the first start (a lake without users) creates an administrator: LAKE_ADMIN_EMAIL with
 * LAKE_ADMIN_PASSWORD, or a random password printed this once. Returns the lines to print.
 */
export async function ensureAdministrator(): Promise<string[]> {
  const env = readLakeEnv()
  const db = openDatabase(path.resolve(env.LAKE_DIR))
  try {
    const accounts = new AccountStore(db)
    if (accounts.count() > 0) {
      return ['Sign in with your Envoy account (add people: npm run lake -- user add EMAIL --role editor).']
    }
    const generated = !env.LAKE_ADMIN_PASSWORD
    const password = env.LAKE_ADMIN_PASSWORD ?? randomBytes(15).toString('base64url')
    await accounts.addUser({ email: env.LAKE_ADMIN_EMAIL, password, role: 'administrator', name: 'Administrator' })
    return generated
      ? [
          `First start: created the administrator ${env.LAKE_ADMIN_EMAIL}`,
          `  Password (shown only this once, store it now): ${password}`,
          '  Add editors: npm run lake -- user add EMAIL --role editor',
        ]
      : [`First start: created the administrator ${env.LAKE_ADMIN_EMAIL} with the password from LAKE_ADMIN_PASSWORD.`]
  } finally {
    db.close()
  }
}

/**
 * The portal reads history (a briefing sheet's version number) with a viewer token, as it would
 * on hosted Sanity. Unless SANITY_API_READ_TOKEN is set, each start makes a fresh one labelled
 * "portal" (revoking the last), so a token never outlives the run that was given it. `next build`
 * prerenders the sheets, so the build gets one too, under its own label (see revokePortalReadToken).
 */
export function ensurePortalReadToken(label = PORTAL_TOKEN_LABEL): void {
  if (process.env.SANITY_API_READ_TOKEN?.trim()) return
  withTokens((tokens) => {
    tokens.revoke(label)
    process.env.SANITY_API_READ_TOKEN = tokens.create('viewer', label).token
  })
}

/** Revokes the tokens made under `label` (the build's, once the build is done). */
export function revokePortalReadToken(label: string): void {
  withTokens((tokens) => tokens.revoke(label))
}

function withTokens(change: (tokens: TokenStore) => void): void {
  const db = openDatabase(path.resolve(readLakeEnv().LAKE_DIR))
  try {
    change(new TokenStore(db))
  } finally {
    db.close()
  }
}

const PORTAL_TOKEN_LABEL = 'portal'
