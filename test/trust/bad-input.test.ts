/**
 * Trust, promise 4: bad input gets a clear error and changes nothing.
 *
 * Over 500 malformed requests go to a real lake over HTTP: invalid GROQ, deeply nested and
 * runaway queries, huge parameters, invalid JSON, unknown mutation and action kinds, wrong types,
 * oversized bodies, path traversal in asset and image paths, bad dataset names, perspectives,
 * history options and credentials. Every answer must be a 4xx with Sanity's JSON error shape
 * (`{error: {type, description}}`), and a fingerprint of the lake's SQLite file and asset folder
 * must be the same before and after. The portal's half (odd slugs, dates, query strings) runs in
 * e2e/trust.spec.ts against the production build.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestLake } from '../lake/helpers'
import type { TestLake } from '../lake/helpers'
import { fingerprint, isClearJsonError, send } from './helpers'

type Case = { name: string; method: string; path: string; body?: string; headers?: Record<string, string>; auth?: 'editor' | 'viewer' | 'none' | 'bad' }

const BODY_LIMIT = 256 * 1024

const INVALID_GROQ = [
  '*[',
  '*]',
  '*[_type ==]',
  '*[_type == "trip"',
  '*{',
  '*[0...]',
  '*[]{',
  '*[]{title,}}',
  '"unterminated',
  "'unterminated",
  '*[_type == "a" &&]',
  '*[_type == "a" ||| true]',
  '*[_type == "a"] | order(',
  '*[_type == "a"] | order(title desc asc)',
  '*[_type == "a"] | nosuchpipe()',
  'nosuchfunction()',
  'array::nope([1])',
  'count()',
  'count(1, 2, 3)',
  'defined()',
  '*[_type in ]',
  '*[->]',
  '$',
  '$$',
  '$1abc',
  '*[_type == $missing]',
  '@@@',
  '#',
  '\u0000',
  '*[_type == "a"]{"x": }',
  '1 +',
  '*[] [',
  'select(',
  'coalesce(',
  'string::split("a")',
  'math::sum("x", 1)',
  'pt::text(1, 2)',
  'sanity::versionOf()',
  '*[_type == "a"] | score(',
  '*[]{"a": ^.^.^.^.}',
  '*[]{..}',
  'true ? : false',
  '=>',
  '*[_type == "a"] => 1',
]

/** Parse fine, fail when evaluated: a 400 from the query endpoints. */
const EVALUATION_ERRORS = ['geo::distance()', 'geo::contains(1, 2)', 'string::startsWith(1)', 'array::join(1)']

const DEEP = [100, 1_000, 10_000, 100_000]

const INVALID_JSON = [
  '{',
  '}',
  '{"mutations": [}',
  '{"mutations": [{"create": {"_id": "x", "_type": "t"}]}', // missing }
  "{'mutations': []}",
  '{"mutations": [],}',
  '{mutations: []}',
  'nul',
  'tru',
  '[1, 2',
  '{"a": 1e999999999999}x',
  '{"a": "\\u12"}',
  '{"a": undefined}',
  '{"a": NaN}',
  '{"a": 0x10}',
  '\u0000',
  '{"a":"b"}{"c":"d"}',
  '{"a": "\ud800"',
  '\ufeff{"a"',
  '<xml/>',
]

const BAD_MUTATION_BODIES: unknown[] = [
  {},
  { mutations: null },
  { mutations: 'create' },
  { mutations: 42 },
  { mutations: {} },
  { mutations: [null] },
  { mutations: [42] },
  { mutations: ['create'] },
  { mutations: [[]] },
  { mutations: [{}] },
  { mutations: [{ explode: { _id: 'x', _type: 't' } }] },
  { mutations: [{ createOrExplode: { _id: 'x', _type: 't' } }] },
  { mutations: [{ create: { _id: 'x', _type: 't' }, delete: { id: 'x' } }] },
  { mutations: [{ create: null }] },
  { mutations: [{ create: 'doc' }] },
  { mutations: [{ create: [] }] },
  { mutations: [{ create: {} }] },
  { mutations: [{ create: { _id: 'x' } }] },
  { mutations: [{ create: { _id: 'x', _type: 42 } }] },
  { mutations: [{ create: { _id: 42, _type: 't' } }] },
  { mutations: [{ create: { _id: 'has space', _type: 't' } }] },
  { mutations: [{ create: { _id: '../../etc/passwd', _type: 't' } }] },
  { mutations: [{ create: { _id: 'a'.repeat(300), _type: 't' } }] },
  { mutations: [{ create: { _id: 'x', _type: '' } }] },
  { mutations: [{ createOrReplace: { _type: 't' } }] },
  { mutations: [{ createOrReplace: { _id: 'x', _type: null } }] },
  { mutations: [{ createIfNotExists: { _id: 'x' } }] },
  { mutations: [{ delete: null }] },
  { mutations: [{ delete: {} }] },
  { mutations: [{ delete: { id: 42 } }] },
  { mutations: [{ delete: { query: '*[' } }] },
  { mutations: [{ delete: { query: 42 } }] },
  { mutations: [{ patch: null }] },
  { mutations: [{ patch: {} }] },
  { mutations: [{ patch: { id: 'seed-0', explode: { a: 1 } } }] },
  { mutations: [{ patch: { id: 'seed-0', set: 'title' } }] },
  { mutations: [{ patch: { id: 'seed-0', set: [1, 2] } }] },
  { mutations: [{ patch: { id: 'seed-0', inc: { title: 'x' } } }] },
  { mutations: [{ patch: { id: 'seed-0', unset: 'title' } }] },
  { mutations: [{ patch: { id: 'seed-0', insert: { before: 'x' } } }] },
  { mutations: [{ patch: { id: 'seed-0', insert: { after: 'items[-1]', items: 'x' } } }] },
  { mutations: [{ patch: { id: 'seed-0', diffMatchPatch: { title: 42 } } }] },
  { mutations: [{ patch: { id: 'seed-0', ifRevisionID: 'not-the-revision', set: { title: 'x' } } }] },
  { mutations: [{ patch: { id: 'no-such-document', set: { title: 'x' } } }] },
  { mutations: [{ patch: { query: '*[', set: { title: 'x' } } }] },
  { mutations: [{ patch: { query: 42, set: { title: 'x' } } }] },
  { mutations: [{ create: { _id: 'seed-0', _type: 't' } }] }, // already exists: 409
  { mutations: [{ create: { _id: 'fresh-1', _type: 't' } }, { create: { _id: 'fresh-1', _type: 't' } }] }, // second fails: nothing written
  { mutations: [{ create: { _id: 'fresh-2', _type: 't' } }, { explode: {} }] },
]

const BAD_ACTION_BODIES: unknown[] = [
  {},
  { actions: null },
  { actions: 'publish' },
  { actions: [null] },
  { actions: [{}] },
  { actions: [{ actionType: 'sanity.action.document.explode' }] },
  { actions: [{ actionType: 42 }] },
  { actions: [{ actionType: 'sanity.action.document.create' }] },
  { actions: [{ actionType: 'sanity.action.document.create', attributes: 'x', publishedId: 'p' }] },
  { actions: [{ actionType: 'sanity.action.document.publish' }] },
  { actions: [{ actionType: 'sanity.action.document.publish', draftId: 'drafts.nothing', publishedId: 'nothing' }] },
  { actions: [{ actionType: 'sanity.action.document.delete', publishedId: 42 }] },
  { actions: [{ actionType: 'sanity.action.document.discard', draftId: 'not-a-draft-id' }] },
  { actions: [{ actionType: 'sanity.action.document.unpublish' }] },
  { actions: [{ actionType: 'sanity.action.document.edit', draftId: 'drafts.seed-0', publishedId: 'seed-0', patch: 'x' }] },
  { actions: [{ actionType: 'sanity.action.document.replaceDraft', publishedId: 'seed-0', attributes: null }] },
  { actions: [{ actionType: 'sanity.action.document.version.create', publishedId: 'seed-0' }] },
  { actions: [{ actionType: 'sanity.action.document.create', publishedId: 'seed-0', attributes: { _id: 'drafts.seed-0', _type: 't' } }, { actionType: 'nope' }] },
]

const TRAVERSAL = [
  '../lake.db',
  '..%2Flake.db',
  '..%2F..%2Flake.db',
  '%2e%2e%2flake.db',
  '%2e%2e/%2e%2e/lake.db',
  '....//....//lake.db',
  '..\\..\\lake.db',
  '..%5c..%5clake.db',
  '%252e%252e%252flake.db',
  '/etc/passwd',
  '%2Fetc%2Fpasswd',
  'lake.db',
  'lake.db%00.png',
  '0000000000000000000000000000000000000000-1x1.png%00',
  '0000000000000000000000000000000000000000-1x1.png',
  '0000000000000000000000000000000000000000.pdf',
  '..%c0%af..%c0%aflake.db',
  'a'.repeat(5000),
  '%',
  '%zz',
]

const BAD_DATASETS = ['..', '.', 'UPPER', 'has space', 'a'.repeat(80), '%2e%2e', 'drop;table', '%00', 'ä', '-']

function cases(): Case[] {
  const list: Case[] = []
  const json = { 'content-type': 'application/json' }
  for (const query of INVALID_GROQ) {
    list.push({ name: `GET invalid GROQ ${query}`, method: 'GET', path: `/v2025-02-19/data/query/production?query=${encodeURIComponent(query)}` })
    list.push({ name: `POST invalid GROQ ${query}`, method: 'POST', path: '/v2025-02-19/data/query/production', body: JSON.stringify({ query }), headers: json })
    list.push({ name: `listen invalid GROQ ${query}`, method: 'GET', path: `/v2025-02-19/data/listen/production?query=${encodeURIComponent(query)}` })
  }
  for (const query of EVALUATION_ERRORS) {
    list.push({ name: `GET evaluation error ${query}`, method: 'GET', path: `/v2025-02-19/data/query/production?query=${encodeURIComponent(query)}` })
    list.push({ name: `POST evaluation error ${query}`, method: 'POST', path: '/v2025-02-19/data/query/production', body: JSON.stringify({ query }), headers: json })
  }
  for (const depth of DEEP) {
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ] as const) {
      const query = `*[${open.repeat(depth)}1${close.repeat(depth)}]`
      list.push({ name: `deep ${open} ×${depth}`, method: 'POST', path: '/v2025-02-19/data/query/production', body: JSON.stringify({ query }), headers: json })
    }
    // Chains the bracket count cannot see: unary and binary operators, dereferences, attribute paths.
    if (depth < 1_000) continue
    for (const query of [`${'!'.repeat(depth)}true`, `${'-'.repeat(depth)}1`, Array(depth).fill('1').join('+'), `*[0]${'->'.repeat(depth)}`, `*[0]${'.a'.repeat(depth)}`, `*${'[0]'.repeat(depth)}`]) {
      list.push({ name: `deep chain ${query.slice(0, 12)}… ×${depth}`, method: 'POST', path: '/v2025-02-19/data/query/production', body: JSON.stringify({ query }), headers: json })
    }
  }
  // Queries whose parsing alone would take seconds (groq-js's parser is quadratic in size).
  for (const query of [`{${Array.from({ length: 10_000 }, (_, i) => `"a${i}": 1`).join(',')}}`, `[${Array(50_000).fill('1').join(',')}]`, `*[${Array(5_000).fill('a').join(' && ')}]`]) {
    list.push({ name: `huge query ${query.slice(0, 20)}`, method: 'POST', path: '/v2025-02-19/data/query/production', body: JSON.stringify({ query }), headers: json })
  }
  // Runaway joins and oversized results: stopped by the time budget and the result cap.
  const expensive = [
    '*[]{"a": *[]{"b": *[]{"c": *[]}}}',
    'count(*[count(*[count(*[]) > 0]) > 0])',
    '*[]{"all": *[]}',
    '*[]{..., "x": *[]{...}}',
    '*[] | order(title) {"n": *[title > ^.title]{"m": *[]}}',
  ]
  for (const query of expensive) {
    list.push({ name: `expensive ${query}`, method: 'POST', path: '/v2025-02-19/data/query/production', body: JSON.stringify({ query }), headers: json, auth: 'viewer' })
    list.push({ name: `expensive GET ${query}`, method: 'GET', path: `/v2025-02-19/data/query/production?query=${encodeURIComponent(query)}&perspective=raw`, auth: 'viewer' })
  }
  // Huge and malformed parameters.
  for (const size of [1_000, 50_000, 200_000]) {
    list.push({
      name: `huge param ${size}`,
      method: 'POST',
      path: '/v2025-02-19/data/query/production',
      body: JSON.stringify({ query: '*[_type == $t', params: { t: 'x'.repeat(size) } }),
      headers: json,
    })
    list.push({
      name: `huge param missing ${size}`,
      method: 'POST',
      path: '/v2025-02-19/data/query/production',
      body: JSON.stringify({ query: '*[_type == $nope]', params: { t: 'x'.repeat(size) } }),
      headers: json,
    })
  }
  list.push({
    name: 'huge param over body limit',
    method: 'POST',
    path: '/v2025-02-19/data/query/production',
    body: JSON.stringify({ query: '*', params: { t: 'x'.repeat(BODY_LIMIT + 10) } }),
    headers: json,
  })
  for (const raw of ['x', '{', "'x'", 'undefined', '[1,', 'NaN', '%zz', '"unterminated']) {
    list.push({ name: `GET param not JSON ${raw}`, method: 'GET', path: `/v2025-02-19/data/query/production?query=*[_type==$t]&%24t=${encodeURIComponent(raw)}` })
    list.push({ name: `listen param not JSON ${raw}`, method: 'GET', path: `/v2025-02-19/data/listen/production?query=*[_type==$t]&%24t=${encodeURIComponent(raw)}` })
  }
  for (const params of ['"string"', '42', '[1,2]', 'null', 'true']) {
    list.push({ name: `params not an object ${params}`, method: 'POST', path: '/v2025-02-19/data/query/production', body: `{"query": "*[_type == $t]", "params": ${params}}`, headers: json })
  }
  for (const query of ['42', 'null', '[]', '{}', '""', 'true']) {
    list.push({ name: `query wrong type ${query}`, method: 'POST', path: '/v2025-02-19/data/query/production', body: `{"query": ${query}}`, headers: json })
  }
  list.push({ name: 'query missing GET', method: 'GET', path: '/v2025-02-19/data/query/production' })
  list.push({ name: 'listen query missing', method: 'GET', path: '/v2025-02-19/data/listen/production' })
  for (const perspective of ['raw,drafts', 'published,drafts', 'a b', '%00', 'x'.repeat(300), ',,,raw,published,']) {
    list.push({ name: `bad perspective ${perspective}`, method: 'GET', path: `/v2025-02-19/data/query/production?query=*&perspective=${encodeURIComponent(perspective)}` })
  }
  for (const perspective of ['[1]', '{"a":1}', '[null]', '["raw","drafts"]']) {
    list.push({ name: `bad body perspective ${perspective}`, method: 'POST', path: '/v2025-02-19/data/query/production', body: `{"query": "*", "perspective": ${perspective}}`, headers: json })
  }
  // Invalid JSON bodies on every JSON endpoint.
  for (const body of INVALID_JSON) {
    for (const path of ['/v2025-02-19/data/query/production', '/v2025-02-19/data/mutate/production', '/v2025-02-19/data/actions/production']) {
      list.push({ name: `invalid JSON ${path} ${body.slice(0, 20)}`, method: 'POST', path, body, headers: json, auth: 'editor' })
    }
    list.push({ name: `invalid JSON keyvalue ${body.slice(0, 20)}`, method: 'PUT', path: '/v2025-02-19/users/me/keyvalue', body, headers: json, auth: 'editor' })
  }
  for (const body of BAD_MUTATION_BODIES) {
    list.push({ name: `mutation ${JSON.stringify(body).slice(0, 80)}`, method: 'POST', path: '/v2025-02-19/data/mutate/production', body: JSON.stringify(body), headers: json, auth: 'editor' })
    list.push({
      name: `mutation ${JSON.stringify(body).slice(0, 60)} (query-string options)`,
      method: 'POST',
      path: '/v2025-02-19/data/mutate/production?returnIds=true&returnDocuments=true&visibility=sync',
      body: JSON.stringify(body),
      headers: json,
      auth: 'editor',
    })
  }
  for (const body of BAD_ACTION_BODIES) {
    list.push({ name: `action ${JSON.stringify(body).slice(0, 80)}`, method: 'POST', path: '/v2025-02-19/data/actions/production', body: JSON.stringify(body), headers: json, auth: 'editor' })
  }
  for (const option of ['visibility=soon', 'transactionId=has%20space', `transactionId=${'x'.repeat(300)}`, 'transactionId=seed-tx']) {
    list.push({
      name: `mutate bad option ${option.slice(0, 30)}`,
      method: 'POST',
      path: `/v2025-02-19/data/mutate/production?${option}`,
      body: JSON.stringify({ mutations: [{ create: { _id: 'opt', _type: 't' } }] }),
      headers: json,
      auth: 'editor',
    })
  }
  list.push({
    name: 'mutate transactionId wrong type',
    method: 'POST',
    path: '/v2025-02-19/data/mutate/production',
    body: JSON.stringify({ transactionId: 42, mutations: [] }),
    headers: json,
    auth: 'editor',
  })
  // Oversized bodies.
  for (const path of ['/v2025-02-19/data/mutate/production', '/v2025-02-19/data/actions/production', '/v2025-02-19/data/query/production']) {
    list.push({
      name: `oversized ${path}`,
      method: 'POST',
      path,
      body: JSON.stringify({ mutations: [{ create: { _id: 'big', _type: 't', text: 'x'.repeat(BODY_LIMIT * 2) } }] }),
      headers: json,
      auth: 'editor',
    })
  }
  list.push({
    name: 'oversized keyvalue',
    method: 'PUT',
    path: '/v2025-02-19/users/me/keyvalue',
    body: JSON.stringify([
      { key: 'k', value: 'x'.repeat(200 * 1024) },
      { key: 'l', value: 'x'.repeat(100 * 1024) },
    ]),
    headers: json,
    auth: 'editor',
  })
  // Wrong content types.
  for (const type of ['text/html', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'image/png']) {
    list.push({ name: `mutate as ${type}`, method: 'POST', path: '/v2025-02-19/data/mutate/production', body: 'mutations=1', headers: { 'content-type': type }, auth: 'editor' })
    list.push({ name: `query as ${type}`, method: 'POST', path: '/v2025-02-19/data/query/production', body: 'query=*', headers: { 'content-type': type } })
  }
  // Path traversal and malformed names in asset and image paths, and in uploads.
  for (const name of TRAVERSAL) {
    list.push({ name: `image path ${name.slice(0, 30)}`, method: 'GET', path: `/images/local/production/${name}` })
    list.push({ name: `image path w= ${name.slice(0, 30)}`, method: 'GET', path: `/images/local/production/${name}?w=100&fm=png` })
    list.push({ name: `file path ${name.slice(0, 30)}`, method: 'GET', path: `/files/local/production/${name}` })
    list.push({ name: `file path dl ${name.slice(0, 30)}`, method: 'GET', path: `/files/local/production/${name}?dl=../../x` })
    list.push({ name: `image dataset ${name.slice(0, 30)}`, method: 'GET', path: `/images/local/${name}/0000000000000000000000000000000000000000-1x1.png` })
  }
  for (const upload of ['not an image', '<svg onload=alert(1)>', '\u0089PNG\r\n\u001a\n garbage']) {
    list.push({
      name: `upload garbage image ${upload.slice(0, 10)}`,
      method: 'POST',
      path: '/v2025-02-19/assets/images/production?filename=../../lake.db',
      body: upload,
      headers: { 'content-type': 'image/png' },
      auth: 'editor',
    })
  }
  list.push({ name: 'upload empty image', method: 'POST', path: '/v2025-02-19/assets/images/production', body: '', headers: { 'content-type': 'image/png' }, auth: 'editor' })
  list.push({ name: 'upload to bad dataset', method: 'POST', path: '/v2025-02-19/assets/files/..', body: 'x', headers: { 'content-type': 'text/plain' }, auth: 'editor' })
  // Bad dataset names on every dataset route.
  for (const dataset of BAD_DATASETS) {
    const ds = encodeURIComponent(dataset)
    list.push({ name: `dataset ${dataset.slice(0, 12)} query`, method: 'GET', path: `/v2025-02-19/data/query/${ds}?query=*` })
    list.push({ name: `dataset ${dataset.slice(0, 12)} doc`, method: 'GET', path: `/v2025-02-19/data/doc/${ds}/seed-0` })
    list.push({
      name: `dataset ${dataset.slice(0, 12)} mutate`,
      method: 'POST',
      path: `/v2025-02-19/data/mutate/${ds}`,
      body: JSON.stringify({ mutations: [{ create: { _id: 'y', _type: 't' } }] }),
      headers: json,
      auth: 'editor',
    })
    list.push({ name: `dataset ${dataset.slice(0, 12)} listen`, method: 'GET', path: `/v2025-02-19/data/listen/${ds}?query=*` })
    list.push({ name: `dataset ${dataset.slice(0, 12)} history`, method: 'GET', path: `/v2025-02-19/data/history/${ds}/transactions/seed-0`, auth: 'viewer' })
  }
  // History options.
  for (const option of ['limit=-1', 'limit=1.5', 'limit=abc', 'fromTime=yesterday', 'toTime=2025-13-45']) {
    list.push({ name: `history ${option}`, method: 'GET', path: `/v2025-02-19/data/history/production/transactions/seed-0?${option}`, auth: 'viewer' })
  }
  for (const option of ['time=notatime', 'revision=', 'lastRevision=maybe', 'time=2025-02-30T99:00:00Z', '']) {
    list.push({ name: `history documents ${option}`, method: 'GET', path: `/v2025-02-19/data/history/production/documents/seed-0?${option}`, auth: 'viewer' })
  }
  list.push({ name: 'history unknown revision', method: 'GET', path: '/v2025-02-19/data/history/production/documents/seed-0?revision=nope', auth: 'viewer' })
  list.push({ name: 'events bad cursor', method: 'GET', path: '/v2025-02-19/data/history/production/events/documents/seed-0?nextCursor=abc', auth: 'viewer' })
  list.push({ name: 'doc empty id list', method: 'GET', path: '/v2025-02-19/data/doc/production/,,,' })
  // Bad credentials and users.
  for (const authorization of ['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer sklake', 'Bearer sklakeu-not-a-session', `Bearer ${'x'.repeat(5000)}`, 'Bearer a b c', 'token']) {
    list.push({ name: `authorization ${authorization.slice(0, 20)}`, method: 'GET', path: '/v2025-02-19/data/query/production?query=*', headers: { authorization } })
    list.push({
      name: `authorization mutate ${authorization.slice(0, 20)}`,
      method: 'POST',
      path: '/v2025-02-19/data/mutate/production',
      body: '{"mutations": []}',
      headers: { ...json, authorization },
    })
  }
  for (const body of ['[]', '[1]', '[{"key": "../../x", "value": 1}]', '[{"value": 1}]', '{"key": "a"}']) {
    list.push({ name: `keyvalue ${body}`, method: 'PUT', path: '/v2025-02-19/users/me/keyvalue', body, headers: json, auth: 'editor' })
  }
  list.push({ name: 'keyvalue bad key', method: 'GET', path: '/v2025-02-19/users/me/keyvalue/..%2F..%2Fx', auth: 'editor' })
  list.push({ name: 'auth fetch no sid', method: 'GET', path: '/v2025-02-19/auth/fetch' })
  list.push({ name: 'auth fetch bad sid', method: 'GET', path: '/v2025-02-19/auth/fetch?sid=nope' })
  // Unknown endpoints and methods.
  for (const path of ['/nope', '/v1/data/explode/production', '/v2025-02-19/data', '/v99/data/query/production', '/data/query', '/%2e%2e/%2e%2e/etc/passwd', '/v1/../../lake.db']) {
    list.push({ name: `unknown ${path}`, method: 'GET', path })
  }
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    list.push({ name: `${method} query`, method, path: '/v2025-02-19/data/query/production', body: '{}', headers: json })
    list.push({ name: `${method} mutate`, method, path: '/v2025-02-19/data/mutate/production', body: '{}', headers: json, auth: 'editor' })
  }
  return list
}

describe('bad input: over 500 malformed requests, 0 server errors, 0 state changes', () => {
  let t: TestLake
  before(async () => {
    // Small limits keep the runaway queries quick; the defaults are the same code path.
    t = await startTestLake({ bodyLimit: BODY_LIMIT, queryLimits: { timeoutMs: 400, maxResultBytes: 256 * 1024 }, reviewRequired: false })
    const tx = t.editor.transaction()
    // 300 documents: enough that a three-level nested join (27 million reads) blows any budget.
    for (let index = 0; index < 300; index++) tx.create({ _id: `seed-${index}`, _type: 't', title: `Doc ${index}`, body: 'x'.repeat(200) })
    await tx.commit({ transactionId: 'seed-tx' })
  })
  after(() => t.stop())

  test('every answer is a clear 4xx JSON error and the lake is unchanged', async () => {
    const list = cases()
    assert.ok(list.length >= 500, `only ${list.length} cases`)
    const before = fingerprint(t.dir)
    const failures: string[] = []
    const statuses = new Map<number, number>()
    for (const item of list) {
      const authorization = item.auth === 'editor' ? `Bearer ${t.tokens.editor}` : item.auth === 'viewer' ? `Bearer ${t.tokens.viewer}` : undefined
      const headers: Record<string, string> = { ...item.headers }
      if (authorization && !headers.authorization) headers.authorization = authorization
      let response
      try {
        response = await send(`${t.lake.httpUrl}${item.path}`, { method: item.method, headers, body: item.body })
      } catch (error) {
        failures.push(`${item.name}: no answer (${error instanceof Error ? error.message : String(error)})`)
        continue
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      const problem =
        response.status >= 500
          ? 'server error'
          : response.status < 400
            ? 'accepted'
            : !response.contentType.includes('application/json')
              ? `content-type ${response.contentType}`
              : !isClearJsonError(response.json)
                ? 'no {error: {type, description}}'
                : undefined
      if (problem) failures.push(`${item.name}: ${response.status} ${problem} ${response.text.slice(0, 160)}`)
    }
    console.log(`# ${list.length} requests, statuses: ${JSON.stringify(Object.fromEntries(statuses))}`)
    assert.deepEqual(failures, [])
    assert.equal(fingerprint(t.dir), before, 'the lake changed')
  })

  test('a runaway join is stopped by the time budget with a clear message, and the lake answers right after', async () => {
    const started = Date.now()
    const response = await send(`${t.lake.httpUrl}/v2025-02-19/data/query/production`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '*[]{"a": *[]{"b": *[]}}' }),
    })
    assert.equal(response.status, 400)
    assert.deepEqual((response.json as { error: { type: string } }).error.type, 'queryTimeoutError')
    assert.match((response.json as { error: { description: string } }).error.description, /longer than the lake's limit of 400 ms/)
    // Stopped near the budget, not after evaluating 27 million reads.
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`)
    assert.equal(await t.anonymous.fetch('count(*)'), 300)
  })

  test('an oversized result gets a clear 400; a sliced one is answered', async () => {
    const error = await send(`${t.lake.httpUrl}/v2025-02-19/data/query/production?query=${encodeURIComponent('*[]{..., "copy": body + body + body + body + body}')}`)
    assert.equal(error.status, 400)
    assert.equal((error.json as { error: { type: string } }).error.type, 'queryResultTooLargeError')
    const ok = await t.anonymous.fetch<unknown[]>('*[0...10]{..., "copy": body + body}')
    assert.equal(ok.length, 10)
  })

  test('a 10,000-level nested query is a 400, not a stack overflow', async () => {
    const query = `${'('.repeat(10_000)}1${')'.repeat(10_000)}`
    const response = await send(`${t.lake.httpUrl}/v2025-02-19/data/query/production`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    assert.equal(response.status, 400)
    assert.match((response.json as { error: { description: string } }).error.description, /nested more than 64 levels/)
  })
})
