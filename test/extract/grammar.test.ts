/**
 * Clause grammar rules, each on a sentence written for the test in the
 * pattern the rule reads.
 */
import { describe, expect, it } from 'vitest';
import { parseItems } from '../../src/extract/items.js';

const read = (s: string, mode: 'target' | 'outcome' = 'outcome') =>
  parseItems(s, { mode }).map((i) => `${i.indicator} ${i.kind} ${i.value ?? ''}${i.unit ?? ''} ${i.qualifier}`.replace(/ +/g, ' '));

describe('subjects', () => {
  it('a clause whose subject is only a year inherits the indicator before it', () => {
    expect(read('五年来全市地区生产总值跨过三个百亿台阶，2023年达到820亿元、增长6.1%。')).toEqual([
      'gdp level 820亿元 exact',
      'gdp growth 6.1% exact',
    ]);
  });
});
