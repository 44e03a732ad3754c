import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readBrowserLiveAddress } from '../../lib/env'

/** Where staff preview's <SanityLive /> connects from the browser (lib/sanity/live.ts), and what the CSP allows. */
describe('readBrowserLiveAddress', () => {
  it("on the lake: its HTTPS address, the Studio's, never the server's loopback port", () => {
    const address = readBrowserLiveAddress({ NODE_ENV: 'test', LAKE_HOST: 'localhost', LAKE_PORT: '4100', LAKE_HTTP_PORT: '4101' })
    assert.deepEqual(address, { apiHost: 'https://localhost:4100', origin: 'https://localhost:4100' })
  })

  it('on the lake behind a proxy: LAKE_PUBLIC_URL', () => {
    const address = readBrowserLiveAddress({ NODE_ENV: 'test', LAKE_PUBLIC_URL: 'https://lake.example.gov/', LAKE_PORT: '4100' })
    assert.deepEqual(address, { apiHost: 'https://lake.example.gov', origin: 'https://lake.example.gov' })
  })

  it("on hosted Sanity: the client's own project host, named for the CSP", () => {
    const address = readBrowserLiveAddress({ NODE_ENV: 'test', SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'production', LAKE_PORT: '4100' })
    assert.deepEqual(address, { origin: 'https://abc123.api.sanity.io' })
  })

  it('refuses a malformed public address with a clear message', () => {
    assert.throws(() => readBrowserLiveAddress({ NODE_ENV: 'test', LAKE_PUBLIC_URL: 'not a url' }), /LAKE_PUBLIC_URL: must be an absolute URL/)
  })
})
