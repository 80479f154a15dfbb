import { describe, expect, it } from 'vitest';
import { checkPair, reviewRange, type CheckDocument } from '../../src/check/index.js';
import type { Commitment, Outcome, Target } from '../../src/model.js';

type Loc<T> = Omit<T, 'span'> & { start: number; end: number };

function at(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`not in text: ${phrase}`);
  return { start, end: start + phrase.length };
}

const PLAN_TEXT = [
  '一、2022年工作回顾',
  '全年地区生产总值增长3%。',
  '二、2023年主要目标和重点工作',
  '主要预期目标是：地区生产总值增长7%左右，固定资产投资增长10%以上，城镇登记失业率控制在4.5%以内。',
  '新建高标准农田32.95万亩，改造农村厕所2900个，肉牛存栏量达到160万头，建设口袋公园11个。',
].join('\n');

const REVIEW_TEXT = [
  '一、2023年工作回顾',
  '全年地区生产总值预计增长6%，固定资产投资增长12%，城镇登记失业率4.2%。',
  '新建高标准农田32.95万亩，肉牛养殖量达到170万头，15处口袋公园尽现方寸之美。',
  '二、2024年主要目标和重点工作',
  '主要预期目标是：地区生产总值增长8%左右，固定资产投资增长5%。',
  '新建高标准农田70万亩以上，改造农村厕所3000个。',
].join('\n');

function plan(): CheckDocument {
  const mk = (phrase: string, fields: Partial<Loc<Target>>): Loc<Target> =>
    ({ kind: 'growth', qualifier: 'exact', year: 2023, text: phrase, ...at(PLAN_TEXT, phrase), ...fields }) as Loc<Target>;
  const task = (phrase: string, value: number, unit: string): Loc<Commitment> => ({
    text: phrase, sentence: phrase, section_path: ['二'], value, unit, firmness: 'neutral', names: [], livelihood: false, year: 2023, ...at(PLAN_TEXT, phrase),
  });
  return {
    label: 'plan', jurisdiction: '某市', report_year: 2023, text: PLAN_TEXT,
    sections: [{ part: 'review', start: 0 }, { part: 'plan', start: PLAN_TEXT.indexOf('二、') }],
    targets: [
      mk('地区生产总值增长7%左右', { indicator: 'gdp', value: 7, unit: '%', qualifier: 'about' }),
      mk('固定资产投资增长10%以上', { indicator: 'fixed_asset_investment', value: 10, unit: '%', qualifier: 'at_least' }),
      mk('城镇登记失业率控制在4.5%以内', { indicator: 'unemployment_rate', kind: 'level', value: 4.5, unit: '%', qualifier: 'at_most' }),
    ],
    outcomes: [],
    commitments: [
      task('新建高标准农田32.95万亩', 32.95, '万亩'),
      task('改造农村厕所2900个', 2900, '个'),
      task('肉牛存栏量达到160万头', 160, '万头'),
      task('建设口袋公园11个', 11, '个'),
    ],
  };
}

function review(): CheckDocument {
  const out = (phrase: string, fields: Partial<Loc<Outcome>>): Loc<Outcome> =>
    ({ kind: 'growth', qualifier: 'exact', year: 2023, estimated: false, headline: true, text: phrase, ...at(REVIEW_TEXT, phrase), ...fields }) as Loc<Outcome>;
  return {
    label: 'review', jurisdiction: '某市', report_year: 2024, text: REVIEW_TEXT,
    // No plan section marked: the announcing paragraph must end the review.
    sections: [{ part: 'review', start: 0 }],
    targets: [],
    outcomes: [
      out('地区生产总值预计增长6%', { indicator: 'gdp', value: 6, unit: '%', estimated: true }),
      out('固定资产投资增长12%', { indicator: 'fixed_asset_investment', value: 12, unit: '%' }),
      out('城镇登记失业率4.2%', { indicator: 'unemployment_rate', kind: 'level', value: 4.2, unit: '%' }),
      // The next year's target, wrongly offered as an outcome: it sits in the plan part and must not count.
      out('地区生产总值增长8%左右', { indicator: 'gdp', value: 8, unit: '%', qualifier: 'about', headline: true }),
    ],
    commitments: [],
  };
}

describe('holding promises against the next report', () => {
  it('ends the review where the next year\'s plan is announced', () => {
    const r = reviewRange(review());
    expect(REVIEW_TEXT.slice(r.start, r.end)).not.toContain('70万亩');
    expect(REVIEW_TEXT.slice(r.start, r.end)).not.toContain('增长8%左右');
    expect(REVIEW_TEXT.slice(r.start, r.end)).toContain('32.95万亩');
  });

  it('gives each promise a verdict with evidence from the review part only', () => {
    const card = checkPair(plan(), review());
    const by = (words: string) => card.items.find((i) => i.commitment === words)!;
    expect(by('地区生产总值增长7%左右')).toMatchObject({ verdict: 'missed', outcome: 6, estimated: true, reason: { code: 'short', bound: 6.5 } });
    expect(by('地区生产总值增长7%左右').evidence!.text).toContain('地区生产总值预计增长6%');
    expect(by('固定资产投资增长10%以上')).toMatchObject({ verdict: 'met', outcome: 12 });
    expect(by('城镇登记失业率控制在4.5%以内')).toMatchObject({ verdict: 'met', outcome: 4.2 });
    expect(by('新建高标准农田32.95万亩')).toMatchObject({ verdict: 'met', outcome: 32.95 });
    expect(by('改造农村厕所2900个').verdict).toBe('not_reported');
    expect(by('肉牛存栏量达到160万头')).toMatchObject({ verdict: 'not_comparable', outcome: 170 });
    expect(by('建设口袋公园11个')).toMatchObject({ verdict: 'met', outcome: 15, outcome_unit: '处' });
    const evidence = by('地区生产总值增长7%左右').evidence!;
    expect(REVIEW_TEXT.slice(evidence.start, evidence.end)).toBe(evidence.text);
    expect(card.counts).toEqual({ partly_met: 0, met: 4, missed: 1, not_reported: 1, not_comparable: 1, needs_review: 0 });
  });
});
