/**
 * Clause grammar rules, each on a sentence written for the test in the
 * pattern the rule reads.
 */
import { describe, expect, it } from 'vitest';
import { parseItems } from '../../src/extract/items.js';

const read = (s: string, mode: 'target' | 'outcome' = 'outcome') =>
  parseItems(s, { mode }).map((i) => `${i.indicator} ${i.kind} ${i.value ?? ''}${i.unit ?? ''} ${i.qualifier}`.replace(/ +/g, ' '));

describe('figures that count nothing', () => {
  it('a count of the report\'s own parts, a quoted formula or an idiom gives no item', () => {
    expect(read('我们将重点做好以下八方面工作。', 'target')).toEqual([]);
    expect(read('千方百计稳住就业，落实“两个毫不动摇”。')).toEqual([]);
  });
});

describe('subjects', () => {
  it('a figure split from its unit by a line break is read whole', () => {
    expect(read('地区生产总值达到1.26\n万亿元，增长5.5%。')).toEqual(['gdp level 1.26万亿元 exact', 'gdp growth 5.5% exact']);
  });
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
  it('a ranking inserted between two figures of one subject names nothing', () => {
    expect(read('全县生产总值达到158亿元、居全市第4位、增长6.4%。')).toEqual(['gdp level 158亿元 exact', 'gdp growth 6.4% exact']);
    expect(read('全县生产总值达到158亿元、比上年前移3个位次、增长6.4%。')).toEqual(['gdp level 158亿元 exact', 'gdp growth 6.4% exact']);
  });
  it('a bare growth after a share clause is the main subject\'s; a change in points stays with the share', () => {
    expect(read('一般公共预算收入完成21亿元，税收占比达到75%，增长8%。')).toEqual([
      'general_budget_revenue level 21亿元 exact',
      'other:税收占比 level 75% exact',
      'general_budget_revenue growth 8% exact',
    ]);
    expect(read('常住人口城镇化率达到58%，提高1.2个百分点。')).toEqual(['other:常住人口城镇化率 level 58% exact', 'other:常住人口城镇化率 growth 1.2个百分点 exact']);
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

describe('分别 and 均 over a list of subjects', () => {
  it('one figure after 分别 goes to every subject of the list', () => {
    expect(read('城乡居民人均可支配收入分别增长6%以上。', 'target')).toEqual([
      'urban_disposable_income growth 6% at_least',
      'rural_disposable_income growth 6% at_least',
    ]);
  });
  it('a following 均/分别 clause with one figure gives it to each member of the list', () => {
    expect(read('城镇和农村居民人均可支配收入分别达到41200元、19800元，均增长7.3%。')).toEqual([
      'urban_disposable_income level 41200元 exact',
      'rural_disposable_income level 19800元 exact',
      'urban_disposable_income growth 7.3% exact',
      'rural_disposable_income growth 7.3% exact',
    ]);
    expect(read('城镇和农村居民人均可支配收入分别达到41200元、19800元，分别增长6.1%。').slice(2)).toEqual([
      'urban_disposable_income growth 6.1% exact',
      'rural_disposable_income growth 6.1% exact',
    ]);
  });
  it('分别 after two separate subjects pairs the figures with them in order', () => {
    expect(read('城镇居民人均可支配收入达到30100元，农村居民人均可支配收入达到16200元，同比分别增长5.5%、7.9%。')).toEqual([
      'urban_disposable_income level 30100元 exact',
      'rural_disposable_income level 16200元 exact',
      'urban_disposable_income growth 5.5% exact',
      'rural_disposable_income growth 7.9% exact',
    ]);
  });
  it('a later conjunct shares the first one\'s modifier; a scope word before a name keeps the indicator', () => {
    expect(read('规模以上工业总产值和增加值分别达到310亿元和75亿元。')).toEqual([
      'industrial_output level 310亿元 exact',
      'industrial_value_added level 75亿元 exact',
    ]);
    expect(read('社会消费品零售总额、限额以上消费品零售额分别完成120亿元、31亿元。')).toEqual([
      'retail_sales level 120亿元 exact',
      'retail_sales level 31亿元 exact',
    ]);
  });
  it('和 inside the names of a 、-list does not split them; a service sub-sector is not the service sector', () => {
    expect(read('批发和零售业、交通运输和仓储业增加值分别增长5.2%、6.1%，商务服务业增加值增长9%。')).toEqual([
      'other:批发和零售业增加值 growth 5.2% exact',
      'other:交通运输和仓储业增加值 growth 6.1% exact',
      'other:商务服务业增加值 growth 9% exact',
    ]);
  });
  it('a name ending in 增长率 keeps it', () => {
    expect(read('人口自然增长率控制在6‰以内。', 'target')[0]).toMatch(/^other:人口自然增长率 /);
  });
  it('平均 is not the 均 of a shared figure', () => {
    expect(read('城镇新增就业11.2万人、城镇调查失业率平均为5.3%。')).toEqual([
      'new_urban_jobs level 11.2万人 exact',
      'unemployment_rate level 5.3% exact',
    ]);
  });
});

describe('indicator names by region and era', () => {
  const ids = (s: string) => parseItems(s, { mode: 'outcome' }).map((i) => i.indicator);
  it('income wordings resolve by population; net income is its own statistic', () => {
    expect(ids('农村牧区常住居民人均可支配收入增长7%，城镇人均可支配收入增长5%，全体居民人均可支配收入增长6%。')).toEqual([
      'rural_disposable_income', 'urban_disposable_income', 'disposable_income',
    ]);
    expect(ids('农民人均纯收入增长12%，农村居民家庭人均纯收入达到5100元。')).toEqual(['other:农村居民人均纯收入', 'other:农村居民人均纯收入']);
    expect(ids('城镇居民人均可支配收入和农民人均纯收入分别增长9%和11%。')).toEqual(['urban_disposable_income', 'other:农村居民人均纯收入']);
  });
  it('the general budget revenue under its older names', () => {
    expect(ids('地方一般预算收入增长15%，公共财政预算收入增长12%，一般公共财政预算收入增长10%，公共预算收入增长8%。')).toEqual([
      'general_budget_revenue', 'general_budget_revenue', 'general_budget_revenue', 'general_budget_revenue',
    ]);
  });
  it('a narrowing word before an indicator makes it a part\'s statistic', () => {
    expect(ids('城镇固定资产投资增长20%，脱贫地区农村居民人均可支配收入增长9%，机电产品出口增长6%。')).toEqual([
      'other:城镇固定资产投资', 'other:脱贫地区农村居民人均可支配收入', 'other:机电产品出口',
    ]);
    expect(ids('规上纺织工业增加值增长12%，万元工业增加值用水量下降3%。')).toEqual(['other:纺织工业增加值', 'other:万元工业增加值']);
  });
});

describe('kinds and adjusted scopes', () => {
  it('a rate of change as a noun given a value is a growth (增速达到, 降低率达)', () => {
    expect(read('工业增加值增速达到9.2%，万元GDP综合能耗降低率达3.5%。')).toEqual([
      'industrial_value_added growth 9.2% exact',
      'energy_intensity growth -3.5% exact',
    ]);
    expect(read('居民消费价格涨幅为2.1%。')).toEqual(['cpi level 2.1% exact']);
    expect(read('单位地区生产总值能耗降幅超过4%。')).toEqual(['energy_intensity growth -4% at_least']);
  });
  it('增产 after a level is the same indicator\'s growth', () => {
    expect(read('粮食总产量152亿斤、增产3.1亿斤。')).toEqual(['grain_output level 152亿斤 exact', 'grain_output growth 3.1亿斤 exact']);
    expect(read('粮食总产量152亿斤，增产3.1亿斤。')).toEqual(['grain_output level 152亿斤 exact', 'grain_output growth 3.1亿斤 exact']);
  });
  it('results in words: income growth above the economy\'s', () => {
    expect(read('城乡居民人均可支配收入增速高于经济增速。')).toEqual(['disposable_income qualitative exact']);
  });
  it('results in words: above the average, an event that did not happen', () => {
    expect(read('规模以上工业增加值增速高于全省平均水平，全年未发生较大以上生产安全事故。')).toEqual([
      'industrial_value_added qualitative exact',
      'production_safety qualitative exact',
    ]);
  });
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
