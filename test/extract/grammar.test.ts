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
  it('a growth figure keeps its subject across an inserted milestone or ranking clause', () => {
    expect(read('全年完成地区生产总值210.5亿元，历史性跨上两百亿元台阶，增长6.8%，增速居全市第二。')).toEqual([
      'gdp level 210.5亿元 exact',
      'gdp level 200亿元 at_least',
      'gdp growth 6.8% exact',
    ]);
  });
  it('a bracketed note or the previous qualifier does not become a subject', () => {
    expect(read('全市生产总值完成980亿元（不含开发区，下同）、增长7%。')).toEqual(['gdp level 980亿元 exact', 'gdp growth 7% exact']);
    expect(read('预计地区生产总值增长5%左右、突破1.2万亿元。')).toEqual(['gdp growth 5% about', 'gdp level 1.2万亿元 at_least']);
  });
  it('a quarter or half-year figure is not the year\'s; a bare figure in a passage on the economy is GDP\'s', () => {
    expect(read('面对经济下行压力，上半年增长3.9%、二季度增长4.4%，全年增长5.2%、总量达2.1万亿元。')).toEqual([
      'gdp growth 5.2% exact',
      'gdp level 2.1万亿元 exact',
    ]);
  });
});

describe('kinds and adjusted scopes', () => {
  const scoped = (s: string) => parseItems(s, { mode: 'outcome' }).map((i) => `${i.indicator} ${i.kind} ${i.value} ${i.scope ?? '-'}`);
  it('可比增长 and 按可比口径增长 are the previous indicator\'s growth with scope 可比', () => {
    expect(scoped('一般公共预算收入完成36.2亿元，可比增长4.1%。')).toEqual([
      'general_budget_revenue level 36.2 -',
      'general_budget_revenue growth 4.1 可比',
    ]);
  });
  it('剔除…因素后完成 is a level with an adjusted scope, a bracketed adjustment is the growth\'s scope', () => {
    expect(scoped('一般公共预算收入完成12亿元，剔除留抵退税因素后完成13亿元，按可比口径增长6.5%。')).toEqual([
      'general_budget_revenue level 12 -',
      'general_budget_revenue level 13 剔除留抵退税因素后',
      'general_budget_revenue growth 6.5 可比',
    ]);
    expect(scoped('一般公共预算收入增长7.7%（剔除一次性收入影响）。')).toEqual(['general_budget_revenue growth 7.7 剔除一次性收入影响']);
  });
});
