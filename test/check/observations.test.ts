import { describe, expect, it } from 'vitest';
import { readReview, type Observation } from '../../src/check/observations.js';

/** Reads `text` as the review of `year` and returns its observations. */
function read(text: string, year = 2021) {
  return readReview(text, { start: 0, end: text.length }, year);
}
function obs(text: string, year = 2021): Observation[] {
  return read(text, year).observations;
}
const find = (list: Observation[], value: number) => list.find((o) => Math.abs(o.value) === value)!;

describe('reading a review into observations', () => {
  it('gives each figure its subject, indicator, kind and sign', () => {
    const list = obs('全县地区生产总值增长5.3%，规上工业增加值下降1.2%，固定资产投资完成82亿元。');
    expect(find(list, 5.3)).toMatchObject({ indicator: 'gdp', kind: 'growth', value: 5.3, unit: '%', period: 'year' });
    expect(find(list, 1.2)).toMatchObject({ indicator: 'industrial_value_added', kind: 'growth', value: -1.2 });
    expect(find(list, 82)).toMatchObject({ indicator: 'fixed_asset_investment', kind: 'level', unit: '亿元' });
  });

  it('keeps a share apart from a growth (占…比重)', () => {
    const list = obs('装备制造业增加值占规上工业增加值比重提高到31.4%。');
    expect(find(list, 31.4).kind).toBe('share');
  });

  it('reads a rate named with 增长率 as a level, and 增速/降幅 as a change', () => {
    const list = obs('人口自然增长率4.2‰。服务业增加值增速达到6.1%。单位生产总值能耗降幅超过4%。城镇化率达到58%。');
    expect(find(list, 4.2).kind).toBe('level');
    expect(find(list, 6.1)).toMatchObject({ kind: 'growth', value: 6.1 });
    expect(find(list, 4)).toMatchObject({ kind: 'growth', value: -4, qualifier: 'at_least' });
    expect(find(list, 58).kind).toBe('level');
  });

  it('reads 增产/减产 of an amount as a change, not a second level', () => {
    const list = obs('棉花产量8.6万吨，增产0.7万吨。');
    expect(find(list, 8.6).kind).toBe('level');
    expect(find(list, 0.7)).toMatchObject({ kind: 'growth', value: 0.7 });
  });

  it('takes the rise of consumer prices as their level', () => {
    expect(find(obs('居民消费价格上涨1.6%。'), 1.6)).toMatchObject({ indicator: 'cpi', kind: 'level', value: 1.6 });
  });

  it('marks averages, totals and spans over several years', () => {
    const list = obs('全年粮食产量61万吨。社会消费品零售总额年均增长6.6%。累计新增城镇就业4.1万人。PM2.5浓度比2015年下降38%。全县生产总值是2016年的1.5倍。全年累计接待游客96万人次。', 2021);
    expect(find(list, 61).period).toBe('year');
    expect(find(list, 6.6)).toMatchObject({ period: 'multi_year', periodWords: '年均' });
    expect(find(list, 4.1).period).toBe('multi_year');
    expect(find(list, 38).period).toBe('multi_year');
    expect(find(list, 1.5).kind).toBe('multiple');
    // 全年累计 is the year's own total
    expect(find(list, 96).period).toBe('year');
  });

  it('reads a from–to pair as a span, its end as the year only when dated', () => {
    const dated = obs('一般公共预算收入从2016年的2.1亿元增长到2021年的3.4亿元。', 2021);
    expect(find(dated, 2.1).period).toBe('multi_year');
    expect(find(dated, 3.4)).toMatchObject({ period: 'year', kind: 'level' });
    const undated = obs('全县生产总值由61亿元增加到97亿元。', 2021);
    expect(find(undated, 97).period).toBe('multi_year');
  });

  it('treats a five-year passage as several years until the text returns to the year', () => {
    const text = [
      '一、“十三五”时期工作回顾',
      '——五年来，全县生产总值年均增长6.8%，新增城镇就业2.3万人。',
      '我们着力办好民生实事，新建幼儿园12所。',
      '过去一年，全县生产总值增长3.1%，新建幼儿园4所。',
    ].join('\n');
    const list = obs(text, 2020);
    expect(find(list, 2.3).period).toBe('multi_year');
    expect(find(list, 12).period).toBe('multi_year');
    expect(find(list, 3.1).period).toBe('year');
    expect(find(list, 4).period).toBe('year');
  });

  it('goes on reading the year in a five-year paragraph after a sentence dated to it', () => {
    const dated = obs('一、过去五年工作回顾\n五年来，各项事业全面进步。2020年全县生产总值完成96亿元，增长4.2%。农村居民人均可支配收入达15600元，是2015年的1.5倍。', 2020);
    expect(find(dated, 15600).period).toBe('year');
    const undated = obs('一、过去五年工作回顾\n五年来，各项事业全面进步。全县生产总值迈上新台阶。农村居民人均可支配收入达15600元，是2015年的1.5倍。', 2020);
    expect(find(undated, 15600).period).toBe('multi_year');
  });

  it('counts a year-on-year change (同比) as the year even inside a five-year passage', () => {
    const list = obs('五年来，我们砥砺奋进。完成全部财政收入8.2亿元，同比增长11.4%。', 2020);
    expect(find(list, 11.4).period).toBe('year');
  });

  it('marks a total compared with a plan period, and spans of a few years', () => {
    const list = obs('全社会固定资产投资完成3200亿元，比“九五”增长1.2倍。城镇新增就业前三年分别增长4.1%。五年城镇新增就业38万人。', 2000);
    expect(find(list, 3200).period).toBe('multi_year');
    expect(find(list, 4.1).period).toBe('multi_year');
    expect(find(list, 38).period).toBe('multi_year');
  });

  it('takes no outcome from an aim or a restated target, but keeps what it names', () => {
    const r = read('今年全社会投资要增长6%左右，确保城东污水厂等12个重点项目建成投产。全年计划投资40亿元，完成43亿元。没有实现年初确定的单位生产总值能耗降低3%的目标。');
    expect(r.observations.find((o) => o.value === 6 || o.value === 12 || o.value === 40 || o.value === -3 || o.value === 3)).toBeUndefined();
    expect(find(r.observations, 43).subject).toBe('投资');
    expect(r.statements.some((st) => st.indicators.includes('energy_intensity') && /没有实现/.test(st.text))).toBe(true);
  });

  it('marks part of a year', () => {
    expect(find(obs('上半年规上工业增加值增长9%。'), 9).period).toBe('part_year');
  });

  it('spreads 分别 and 均 over the subjects listed', () => {
    const a = obs('城乡居民人均可支配收入分别达到35120元、16890元，增长6.2%、8.4%。');
    expect(find(a, 6.2)).toMatchObject({ indicator: 'urban_disposable_income', kind: 'growth' });
    expect(find(a, 8.4)).toMatchObject({ indicator: 'rural_disposable_income', kind: 'growth' });
    const b = obs('城镇居民人均可支配收入达到35120元，农村居民人均可支配收入达到16890元，同比分别增长6.2%、8.4%。');
    expect(find(b, 6.2).indicator).toBe('urban_disposable_income');
    expect(find(b, 8.4).indicator).toBe('rural_disposable_income');
    const c = obs('城乡居民人均可支配收入分别完成35120元、16890元，均增长7.5%。').filter((o) => o.value === 7.5);
    expect(c.map((o) => o.indicator).sort()).toEqual(['rural_disposable_income', 'urban_disposable_income']);
  });

  it('lends a subject to the figures after it, past a clause without a figure', () => {
    const list = obs('全年完成地区生产总值214.3亿元，总量迈上新台阶，增长5.6%。');
    expect(find(list, 5.6)).toMatchObject({ indicator: 'gdp', kind: 'growth' });
    expect(find(list, 5.6).text).toContain('地区生产总值');
  });

  it('keeps the indicator of a carried subject over a name made from the predicate', () => {
    const list = obs('一般公共预算收入完成6.4亿元、可比增长3.9%。');
    expect(find(list, 3.9)).toMatchObject({ indicator: 'general_budget_revenue', kind: 'growth', scope: ['可比'] });
  });

  it('does not take a threshold or a milestone for a figure', () => {
    const list = obs('全年开工3000万元以上项目156个，投资额突破百亿大关。');
    expect(list.find((o) => o.value === 3000)).toBeUndefined();
    expect(list.find((o) => o.unit === '亿' || o.value === 100)).toBeUndefined();
    expect(find(list, 156).subject).toContain('3000万元以上项目');
  });

  it('does not read an idiom as a figure', () => {
    expect(obs('千方百计扩投资，万众一心保民生。')).toEqual([]);
  });

  it('marks the figures of a sentence about a development zone as a part of the place', () => {
    const list = obs('经济开发区营业收入增长21%，税收收入增长12%，实际利用外资增长40%。');
    expect(find(list, 40).scope).toContain('园区');
  });

  it('finds the counted thing after the figure, and after a list of named examples', () => {
    const list = obs('38个村获评市级文明村。整治提升东环路等9条主干道路沿线环境。投入1.9亿元推进园区道路管网建设。');
    expect(find(list, 38).subject).toContain('村获评市级文明村');
    expect(find(list, 9).subject).toContain('主干道路');
    expect(find(list, 1.9).subject).toContain('园区道路管网建设');
    // after 的 the counted thing follows too, and 省、市 is one modifier
    expect(find(obs('总投资45亿元的12个省、市重点项目开工建设。'), 12).subject).toContain('省市重点项目');
  });

  it('notes the stage and whether a count is an increment or a stock', () => {
    const list = obs('新开工保障性住房2100套，建成公共充电桩460个，省级农业龙头企业达到52家，3.2万平方米标准厂房加快建设。');
    expect(find(list, 2100).stage).toBe('begun');
    expect(find(list, 3.2).stage).toBe('begun');
    expect(find(list, 460).stage).toBe('done');
    expect(find(list, 52).count).toBe('stock');
  });

  it('marks estimated figures', () => {
    expect(find(obs('预计全年地区生产总值增长4.8%。'), 4.8).estimated).toBe(true);
  });

  it('keeps figure-less statements about an indicator, with their period', () => {
    const r = read('对外贸易逐步回暖，居民收入稳步增长。');
    expect(r.statements.map((s) => s.indicators[0])).toEqual(['foreign_trade', 'disposable_income']);
  });
});
