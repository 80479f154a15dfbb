/**
 * Clause grammar rules, each on a sentence written for the test in the
 * pattern the rule reads.
 */
import { describe, expect, it } from 'vitest';
import { parseItems } from '../../src/extract/items.js';

const read = (s: string, mode: 'target' | 'outcome' = 'outcome') =>
  parseItems(s, { mode }).map((i) => `${i.indicator} ${i.kind} ${i.value ?? ''}${i.unit ?? ''} ${i.qualifier}`.replace(/ +/g, ' '));

describe('subjects', () => {
  it('bare 经济 names GDP before its growth figure or a positive-growth claim, not as a yardstick', () => {
    expect(read('全年经济正增长，脱贫攻坚战取得全面胜利。')).toEqual(['gdp qualitative exact', 'poverty qualitative exact']);
    expect(read('经济增长5.2%。')).toEqual(['gdp growth 5.2% exact']);
    expect(read('文化产业发展有力促进经济发展。')).toEqual([]);
  });
  it('a clause whose subject is only a year inherits the indicator before it', () => {
    expect(read('五年来全市地区生产总值跨过三个百亿台阶，2023年达到820亿元、增长6.1%。')).toEqual([
      'gdp level 820亿元 exact',
      'gdp growth 6.1% exact',
    ]);
  });
});
