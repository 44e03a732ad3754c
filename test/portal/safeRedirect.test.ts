import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MAX_REDIRECT_LENGTH, safeRedirectPath } from '../../lib/safeRedirect'

/** Where a browser on https://envoy.example would go for a `Location` of `path`. */
function destination(path: string): string {
  return new URL(path, 'https://envoy.example/api/draft-mode/disable').origin
}

describe('safeRedirectPath', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    assert.equal(safeRedirectPath('/'), '/')
    assert.equal(safeRedirectPath('/trips/2021-03-tokyo-2plus2'), '/trips/2021-03-tokyo-2plus2')
    assert.equal(safeRedirectPath('/trips?year=2021&page=2#results'), '/trips?year=2021&page=2#results')
    assert.equal(safeRedirectPath('/search?q=%E6%9D%B1%E4%BA%AC'), '/search?q=%E6%9D%B1%E4%BA%AC')
  })

  it('refuses every way off the site', () => {
    const hostile = [
      '//evil.example',
      '//evil.example/trips',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example', // what /%09/evil.example decodes to: browsers drop the tab, leaving //evil.example
      '/\n/evil.example',
      '/\r\n/evil.example',
      '/\u0000/evil.example',
      '/\u007f/evil.example',
      '/\u0085/evil.example',
      ' //evil.example',
      '\t//evil.example',
      'https://evil.example',
      'HTTPS://evil.example/',
      'javascript:alert(1)',
      'evil.example',
      '/..//evil.example',
      '/./\\evil.example',
      '',
    ]
    for (const target of hostile) {
      const answer = safeRedirectPath(target)
      assert.equal(answer, '/', `${JSON.stringify(target)} → ${answer}`)
    }
  })

  it('never returns a path a browser resolves to another origin', () => {
    const samples = ['/%2F/evil.example', '/%5Cevil.example', '/%09/evil.example', '/trips/%2e%2e/%2e%2e//evil', '/a/../../evil', '/@evil.example', '/;//evil']
    for (const target of samples) assert.equal(destination(safeRedirectPath(target)), 'https://envoy.example', target)
  })

  it('refuses missing and overlong targets, with the caller’s fallback', () => {
    assert.equal(safeRedirectPath(null), '/')
    assert.equal(safeRedirectPath(undefined, '/trips'), '/trips')
    assert.equal(safeRedirectPath(`/${'a'.repeat(MAX_REDIRECT_LENGTH)}`), '/')
    assert.equal(safeRedirectPath('//evil.example', '/facts'), '/facts')
  })
})
