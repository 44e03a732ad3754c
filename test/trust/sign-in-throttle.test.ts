/**
 * Sign-in throttling: attempts are counted before the password is checked (concurrent wrong
 * passwords get 429s, not all 401s), the HTTPS and HTTP servers share the count, and it survives a
 * restart of the lake.
 */
import assert from 'node:assert/strict'
import https from 'node:https'
import { after, before, describe, test } from 'node:test'
import { AccountStore } from '../../lake/accounts'
import { openDatabase } from '../../lake/db'
import { startLake } from '../../lake/index'
import type { RunningLake } from '../../lake/index'
import { tempDir } from '../lake/helpers'

const STUDIO = 'http://localhost:3333'
const EMAIL = 'editor@example.org'
const form = (password: string) => new URLSearchParams({ origin: `${STUDIO}/structure`, email: EMAIL, password }).toString()

async function signInOverHttp(lake: RunningLake, password: string): Promise<number> {
  const response = await fetch(`${lake.httpUrl}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(password) })
  await response.text()
  return response.status
}

/** The same form over the HTTPS server (self-signed certificate of the test lake). */
function signInOverHttps(lake: RunningLake, password: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = https.request(`${lake.httpsUrl}/login`, { method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    request.on('error', reject)
    request.end(form(password))
  })
}

describe('sign-in throttling', () => {
  const dir = tempDir()
  let lake: RunningLake
  before(async () => {
    const db = openDatabase(dir)
    await new AccountStore(db).addUser({ email: EMAIL, password: 'correct horse battery staple', role: 'editor', name: 'editor' })
    db.close()
    lake = await startLake({ dir, port: 0, httpPort: 0, host: '127.0.0.1', quiet: true, corsOrigins: [STUDIO] })
  })
  after(() => lake.close())

  test('40 concurrent wrong passwords: at most 10 are checked, the rest get 429', async () => {
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => signInOverHttp(lake, `wrong password ${i}`)))
    assert.equal(statuses.filter((status) => status === 401).length, 10, statuses.join(','))
    assert.equal(statuses.filter((status) => status === 429).length, 30)
  })

  test('the HTTPS server shares the count, even for the right password', async () => {
    assert.equal(await signInOverHttps(lake, 'correct horse battery staple'), 429)
  })

  test('the count survives a restart', async () => {
    await lake.close()
    lake = await startLake({ dir, port: 0, httpPort: 0, host: '127.0.0.1', quiet: true, corsOrigins: [STUDIO] })
    assert.equal(await signInOverHttp(lake, 'correct horse battery staple'), 429)
  })
})
