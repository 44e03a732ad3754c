/**
 * Figures as data: the wording rebuilt from value, scale, currency, unit and qualifier is the
 * source's own; periods read as the source states them; staleness is measured from the period.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { figureAmount, figureDataDate, figureText, isPartialDate, lastDayOf, periodText, textHoldsFigure } from '../../lib/figures'

describe('a figure written from its data', () => {
  it('keeps the qualifier, digit grouping, decimals, currency symbol, scale and unit', () => {
    assert.equal(figureText({ qualifier: 'more than', value: 948100, unit: 'jobs' }), 'more than 948,100 jobs')
    assert.equal(figureText({ value: 644.7, scale: 'billion', currency: 'USD' }), '$644.7 billion')
    assert.equal(figureText({ qualifier: 'over', value: 300, scale: 'billion', currency: 'USD' }), 'over $300 billion')
    assert.equal(figureText({ qualifier: 'approximately', value: 55000, unit: 'U.S. service members' }), 'approximately 55,000 U.S. service members')
    assert.equal(figureText({ value: 37, unit: 'chapters' }), '37 chapters')
    assert.equal(figureText({ value: 1.25, scale: 'trillion', currency: 'JPY' }), '¥1.25 trillion')
  })

  it('writes nothing for a figure without a usable value', () => {
    assert.equal(figureText({ qualifier: 'more than', value: null, unit: 'jobs' }), null)
    assert.equal(figureAmount({ value: Number.NaN }), null)
    assert.equal(figureAmount({ value: Number.POSITIVE_INFINITY }), null)
  })
})

describe('a figure’s period', () => {
  it('reads years, months and days, and refuses anything else', () => {
    for (const good of ['2019', '2019-03', '2020-02-29']) assert.ok(isPartialDate(good), good)
    for (const bad of ['19', '2019-13', '2021-02-29', '2019-3', 'last year', '2019-03-15T00:00:00Z', '']) assert.ok(!isPartialDate(bad), bad)
    assert.equal(lastDayOf('2019'), '2019-12-31')
    assert.equal(lastDayOf('2020-02'), '2020-02-29')
    assert.equal(lastDayOf('2019-03-15'), '2019-03-15')
  })

  it('is worded as the source states it', () => {
    assert.equal(periodText({ start: '2019', end: '2019' }), '2019')
    assert.equal(periodText({ start: '1952' }), 'since 1952')
    assert.equal(periodText({ end: '2022-03' }), 'through March 2022')
    assert.equal(periodText({ start: '2019-01', end: '2020-06-30' }), 'January 2019 – June 30, 2020')
    assert.equal(periodText({ start: 'soon' }), null)
    assert.equal(periodText(null), null)
  })

  it('dates the figure by the period’s end, else by when the fact was stated, else not at all', () => {
    assert.equal(figureDataDate({ value: 1, period: { start: '2019', end: '2019' } }, '2021-03-15'), '2019-12-31')
    assert.equal(figureDataDate({ value: 1, period: { start: '1952' } }, '2021-03-15'), '2021-03-15')
    assert.equal(figureDataDate({ value: 1 }, null), null)
    assert.equal(figureDataDate({ value: 1 }, 'not a date'), null)
  })
})

describe('a figure against its fact’s text', () => {
  const text = 'The Fulbright program has sent nearly 7,500 young Japanese since 1952. More than 3,800 Japanese are alumni.'
  it('is found as written, or capitalised where it opens a sentence', () => {
    assert.ok(textHoldsFigure(text, { qualifier: 'nearly', value: 7500, unit: 'young Japanese' }))
    assert.ok(textHoldsFigure(text, { qualifier: 'more than', value: 3800, unit: 'Japanese' }))
  })
  it('is not found when the data says other than the text', () => {
    assert.ok(!textHoldsFigure(text, { value: 7500, unit: 'young Japanese', qualifier: 'more than' }))
    assert.ok(!textHoldsFigure(text, { qualifier: 'nearly', value: 7600, unit: 'young Japanese' }))
    assert.ok(!textHoldsFigure('They sent Nearly 7,500 young Japanese.', { qualifier: 'nearly', value: 7500, unit: 'young Japanese' }))
    // The source's qualifier dropped from the data.
    assert.ok(!textHoldsFigure(text, { value: 7500, unit: 'young Japanese' }))
    assert.ok(textHoldsFigure('Japan hosts 37 chapters.', { value: 37, unit: 'chapters' }))
  })
})
