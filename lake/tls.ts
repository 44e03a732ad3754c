/**
 * The HTTPS certificate: self-signed, for `localhost`, the project subdomain a client with only
 * `apiHost` calls (`local.localhost`, named outright: Node's TLS accepts no
 * wildcard right under a top-level name, so `*.localhost` matches nothing there; it is kept for
 * clients that allow it), `*.localhost`, 127.0.0.1 and ::1. Generated on first start with `selfsigned`
 * and kept in the data folder so browsers that were told to trust it keep trusting it; it is
 * regenerated only when missing, expiring within a day, or lacking a required name (so a
 * certificate made before `local.localhost` was named is replaced once, and a browser told to
 * trust it must be told again: `npm run lake -- trust`).
 */
import { X509Certificate } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { generate } from 'selfsigned'

export type TlsMaterial = { key: string; cert: string; certFile: string; keyFile: string }

/** The lake's project id: every project id is the same project, `local` is the one its clients use. */
export const LAKE_PROJECT_ID = 'local'
const PROJECT_HOST = `${LAKE_PROJECT_ID}.localhost`
const REQUIRED_NAMES = ['DNS:localhost', `DNS:${PROJECT_HOST}`, 'DNS:*.localhost', 'IP Address:127.0.0.1']
const DAY_MS = 24 * 60 * 60 * 1000

function usable(certPem: string): boolean {
  try {
    const cert = new X509Certificate(certPem)
    const names = cert.subjectAltName ?? ''
    return new Date(cert.validTo).getTime() - Date.now() > DAY_MS && REQUIRED_NAMES.every((name) => names.includes(name))
  } catch {
    return false
  }
}

export async function ensureCertificate(dir: string): Promise<TlsMaterial> {
  const certFile = path.join(dir, 'tls-cert.pem')
  const keyFile = path.join(dir, 'tls-key.pem')
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8')
    if (usable(cert)) return { cert, key: readFileSync(keyFile, 'utf8'), certFile, keyFile }
  }
  const notBeforeDate = new Date(Date.now() - DAY_MS)
  // 397 days: the longest validity browsers accept for a server certificate.
  const notAfterDate = new Date(Date.now() + 397 * DAY_MS)
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: PROJECT_HOST },
          { type: 2, value: '*.localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  })
  writeFileSync(keyFile, pems.private, { mode: 0o600 })
  writeFileSync(certFile, pems.cert, { mode: 0o600 })
  return { cert: pems.cert, key: pems.private, certFile, keyFile }
}
