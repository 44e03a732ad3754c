import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { stegaEncodeSourceMap } from '@sanity/client/stega'
import { agendaNotInDescription, blocksNotSaidElsewhere, comparable } from '../../lib/repeats'

const block = (key: string, text: string, link?: string) => ({
  _type: 'block' as const,
  _key: key,
  style: 'normal' as const,
  markDefs: link ? [{ _type: 'link' as const, _key: 'l1', href: link }] : [],
  children: [{ _type: 'span' as const, _key: `${key}s`, text, marks: link ? ['l1'] : [] }],
})

/** `text` carrying an invisible stega marker, as staff preview serves it. */
function marked(text: string): string {
  const result = stegaEncodeSourceMap(
    { text },
    { documents: [{ _id: 'doc-1', _type: 'trip' }], paths: ["$['text']"], mappings: { "$['text']": { type: 'value', source: { type: 'documentValue', document: 0, path: 0 } } } },
    { enabled: true, studioUrl: 'http://localhost:3333' },
  )
  return result.text
}

describe('text said twice', () => {
  it('compares words, not case, quotes, spacing or stega markers', () => {
    assert.notEqual(marked('Talks in Tokyo'), 'Talks in Tokyo', 'the marker is there')
    assert.equal(comparable(marked('“2+2”  Talks’\nin Tokyo')), comparable('"2+2" talks\' in tokyo'))
  })

  it('drops agenda items the description already says, and keeps the rest', () => {
    const description = [block('d1', 'He will meet business leaders on climate change, securing supply chains and trade.')]
    assert.deepEqual(agendaNotInDescription(['Climate change', 'securing supply chains', 'energy security', ''], description), ['energy security'])
    assert.deepEqual(agendaNotInDescription(['energy'], null), ['energy'])
  })

  it('drops a summary paragraph only when all of it is said elsewhere, word for word, and it has no link', () => {
    const meetings = ['Secretary Blinken will attend the 2+2 meeting.', marked('He will meet separately with Minister Motegi.')]
    const summary = [
      block('all-said', 'Secretary Blinken will attend the 2+2 meeting. He will meet separately with Minister Motegi.'),
      block('partly-said', 'Secretary Blinken will attend the 2+2 meeting. He will also visit Kyoto.'),
      block('linked', 'He will meet separately with Minister Motegi.', 'https://example.gov/motegi'),
      block('empty', '  '),
    ]
    assert.deepEqual(
      blocksNotSaidElsewhere(summary, meetings).map((b) => b._key),
      ['partly-said', 'linked'],
    )
    assert.deepEqual(
      blocksNotSaidElsewhere(summary.slice(0, 1), []).map((b) => b._key),
      ['all-said'],
    )
    assert.deepEqual(blocksNotSaidElsewhere(null, meetings), [])
  })
})
