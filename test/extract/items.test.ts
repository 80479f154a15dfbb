import { describe, expect, it } from 'vitest';
import { parseItems, conjuncts } from '../../src/extract/items.js';

const target = (s: string) => parseItems(s, { mode: 'target' }).map(({ indicator, kind, value, value_max, unit, qualifier, scope }) => ({ indicator, kind, value, value_max, unit, qualifier, scope }));
const outcome = (s: string) => parseItems(s, { mode: 'outcome' });

describe('qualifier grammar', () => {
  it.each([
    ['地区生产总值增长7%左右', 'about'],
    ['地区生产总值增长6%以上', 'at_least'],
    ['城镇登记失业率控制在3%以内', 'at_most'],
    ['城镇调查失业率在5.3%以下', 'at_most'],
    ['一般公共预算收入不低于5%', 'at_least'],
    ['国内生产总值突破90万亿元', 'at_least'],
    ['国内生产总值超过126万亿元', 'at_least'],
    ['社会消费品零售总额增长7%', 'exact'],
    ['地区生产总值增长5%—6%', 'range'],
  ])('%s → %s', (s, q) => {
    expect(target(s)[0].qualifier).toBe(q);
  });
  it('keeps the floor of a stretch target (7%以上、力争达到8%)', () => {
    expect(target('地区生产总值增长7%以上、力争达到8%')).toEqual([
      expect.objectContaining({ indicator: 'gdp', value: 7, qualifier: 'at_least' }),
    ]);
  });
});

describe('kinds and conventions', () => {
  it('a fall is a negative growth', () => {
    expect(target('单位GDP能耗下降3%')[0]).toMatchObject({ indicator: 'energy_intensity', kind: 'growth', value: -3 });
  });
  it('CPI is always a level', () => {
    expect(target('居民消费价格涨幅3%左右')[0]).toMatchObject({ indicator: 'cpi', kind: 'level', value: 3 });
    expect(outcome('居民消费价格下降0.3%')[0]).toMatchObject({ indicator: 'cpi', kind: 'level', value: -0.3 });
  });
  it('由…提高到 gives the level reached', () => {
    expect(outcome('服务业增加值比重由46.9%提高到48.2%')[0]).toMatchObject({ kind: 'level', value: 48.2 });
  });
  it('scope words go to scope', () => {
    expect(target('市区地方级财政收入同口径增长3.1%')[0]).toMatchObject({ indicator: 'local_fiscal_revenue', scope: '市区;同口径' });
    expect(outcome('全国居民人均可支配收入实际增长8%')[0]).toMatchObject({ indicator: 'disposable_income', kind: 'growth', scope: '实际' });
  });
});

describe('passages', () => {
  it('reads a targets passage with qualitative items', () => {
    const items = target('地区生产总值增长7%左右,单位GDP能耗、二氧化碳排放强度达到省定标准,城乡居民人均可支配收入与经济增长基本同步;国际收支基本平衡。');
    expect(items.map((i) => `${i.indicator}/${i.kind}`)).toEqual([
      'gdp/growth', 'energy_intensity/qualitative', 'carbon_intensity/qualitative', 'disposable_income/qualitative', 'other:国际收支/qualitative',
    ]);
  });
  it('distributes 分别 over the conjuncts, and to the next clause', () => {
    const items = outcome('城乡居民人均可支配收入分别达到33987元和19065元，同比增长8%和9.5%');
    expect(items.map((i) => `${i.indicator} ${i.kind} ${i.value}`)).toEqual([
      'urban_disposable_income level 33987', 'rural_disposable_income level 19065',
      'urban_disposable_income growth 8', 'rural_disposable_income growth 9.5',
    ]);
    expect(conjuncts('城镇、农村居民人均可支配收入', 2)).toEqual(['城镇居民人均可支配收入', '农村居民人均可支配收入']);
  });
  it('a bare figure inherits the indicator before it (headline passage)', () => {
    const items = outcome('预计完成地区生产总值930亿元,增幅4.5%;一般公共预算收入136.3亿元,增幅13.5%。');
    expect(items.map((i) => `${i.indicator} ${i.kind} ${i.value} ${i.estimated}`)).toEqual([
      'gdp level 930 true', 'gdp growth 4.5 true', 'general_budget_revenue level 136.3 true', 'general_budget_revenue growth 13.5 true',
    ]);
  });
  it('an unknown indicator is other:<name>', () => {
    expect(target('空气质量优良天数比例96.3%以上')[0]).toMatchObject({ indicator: 'other:空气质量优良天数比例', value: 96.3, qualifier: 'at_least' });
  });
});

describe('outcome results in words', () => {
  it('a paragraph without a figure still yields the indicators it says something of', () => {
    // no digit or numeral anywhere: only the indicators named in words can yield outcomes
    const items = outcome('去年，经济实现正增长，粮食产量保持稳定，居民收入与经济增长基本同步。');
    expect(items.map((i) => `${i.indicator}/${i.kind}`)).toEqual(expect.arrayContaining(['gdp/qualitative', 'grain_output/qualitative']));
    expect(outcome('坚持稳中求进工作总基调，推动高质量发展，办好人民满意的事。')).toEqual([]);
  });
});

describe('outcome sentences with neither a figure nor an indicator', () => {
  it('still hand on the economy as the topic of a bare figure that follows', () => {
    for (const text of ['经济运行稳中向好。全年增长5.2%。', '全省经济运行稳中有进，发展质量持续提升。全年增长5.2%，高于全国平均水平。']) {
      const items = parseItems(text, { mode: 'outcome' });
      expect(items.map((it) => [it.indicator, it.kind, it.value]), text).toEqual([['gdp', 'growth', 5.2]]);
    }
  });

  it('hand on nothing from a clause too long to be read', () => {
    const text = `经济运行${'稳'.repeat(1000)}。全年增长5.2%。`;
    expect(parseItems(text, { mode: 'outcome' })).toEqual([]);
  });
});
