import { describe, expect, it } from 'vitest';
import { factsOf } from './report.js';

async function headline(lines: string[]): Promise<string[]> {
  const f = await factsOf(lines);
  return f.outcomes.filter((o) => o.headline && !o.indicator.startsWith('other:')).map((o) => `${o.indicator} ${o.kind} ${o.value}`);
}

const PLAN = ['二、今年工作安排', '主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。'];

describe('headline passage', () => {
  it('takes a short block of ——summary paragraphs whole', async () => {
    const h = await headline([
      '一、过去一年工作回顾',
      '过去一年，我们迎难而上，完成了全年目标任务。',
      '——经济平稳运行。地区生产总值增长5.1%，一般公共预算收入增长4.2%。',
      '——民生持续改善。城镇新增就业3.2万人，城乡居民人均可支配收入增长6%。',
      '这些成绩来之不易。（一）抓项目稳投资。我们新开工项目一百个，建成道路二十公里，全力以赴推动各项工作落地见效，各方面工作都有新的进展。'.repeat(3),
      ...PLAN,
    ]);
    expect(h).toEqual(['gdp growth 5.1', 'general_budget_revenue growth 4.2', 'new_urban_jobs level 3.2', 'disposable_income growth 6']);
  });
  it('takes an intro sentence of results in words when the intro gives no figure', async () => {
    const h = await headline([
      '一、过去一年工作回顾',
      '过去一年极不平凡。我们顶住压力，全市经济实现正增长，脱贫攻坚战取得全面胜利，社会大局保持稳定。',
      '一年来，主要做了以下工作。',
      '（一）稳住经济基本盘。城镇新增就业3.2万人，城镇调查失业率降到5.2%。',
      ...PLAN,
    ]);
    expect(h).toEqual(['gdp qualitative undefined', 'poverty qualitative undefined']);
  });
  it('ends the opening run at a sentence that reaches its figure only after an account of measures', async () => {
    const h = await headline([
      '一、过去一年工作回顾',
      '过去一年，全市地区生产总值增长5.1%，一般公共预算收入增长4.2%，主要指标好于预期。我们认真落实各项助企政策，先后出台稳增长促消费等八十多条具体措施，组建三个工作专班深入企业走访服务，帮助企业解决用工用地融资难题，开展送政策进园区活动，稳住了市场预期，全年固定资产投资增长8%。',
      ...PLAN,
    ]);
    expect(h).toEqual(['gdp growth 5.1', 'general_budget_revenue growth 4.2']);
  });
  it('takes the figures dated to the review year from a five-year passage when there is no summary of the year', async () => {
    const h = await headline([
      '一、“十三五”时期工作回顾',
      '“十三五”时期是我区发展极不平凡的五年。',
      '——五年来，我们坚持发展第一要务，综合实力明显增强。2020年全区生产总值达到150亿元，是2015年的1.3倍，年均增长6.2%；一般公共预算收入由4亿元增长到7.5亿元，固定资产投资累计完成300亿元。',
      '——五年来，我们坚持生态优先，环境质量持续改善。造林绿化十万亩，空气质量优良天数增加六十天。',
      '——五年来，我们坚持民生为本，人民生活不断改善。城镇新增就业1.2万人，新建学校十所。',
      '二、2021年工作安排',
      '主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。',
    ]);
    expect(h).toEqual(['gdp level 150', 'general_budget_revenue level 7.5']);
  });
  it('takes no outcome from a journalist\'s commentary in a news article about a report', async () => {
    const f = await factsOf([
      '本报讯 昨天上午，市十届人大三次会议开幕，市长代表市政府作工作报告。',
      '报告指出，过去一年全市地区生产总值增长5.4%，一般公共预算收入增长3.8%。',
      '记者注意到，全市固定资产投资增长12%，增速位居全省前列。据了解，全市社会消费品零售总额增长9%。',
      '报告提出，今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。',
    ]);
    const ids = f.outcomes.filter((o) => !o.indicator.startsWith('other:')).map((o) => o.indicator);
    expect(ids).toEqual(['gdp', 'general_budget_revenue']);
  });
  it('takes the year\'s summary after a five-year review, not the five-year figures', async () => {
    const h = await headline([
      '一、“十三五”时期和2020年工作回顾',
      '“十三五”时期是我市发展极不平凡的五年。全市生产总值由310亿元增加到420亿元，一般公共预算收入达到28亿元，城乡居民人均可支配收入年均增长8%。',
      '2020年，面对疫情冲击，我们统筹疫情防控和经济社会发展，全市生产总值增长3.6%，一般公共预算收入增长1.2%，固定资产投资增长5%。',
      '（一）全力稳住经济基本盘。新开工项目一百个。',
      '二、2021年工作安排',
      '主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。',
    ]);
    expect(h).toEqual(['gdp growth 3.6', 'general_budget_revenue growth 1.2', 'fixed_asset_investment growth 5']);
  });
  it('in a review of five years, takes the summary from the paragraph that turns to the year', async () => {
    const h = await headline([
      '一、过去五年工作回顾',
      '本届政府任期内，我们砥砺奋进。全区生产总值达到520亿元，一般公共预算收入达到41亿元。',
      '过去一年，我们迎难而上，全区生产总值增长5.2%，一般公共预算收入增长3.1%。',
      '（一）抓项目稳投资。新开工项目八十个。',
      '二、今年工作安排',
      '主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。',
    ]);
    expect(h).toEqual(['gdp growth 5.2', 'general_budget_revenue growth 3.1']);
  });
  it('takes no headline from a paragraph about the plan period', async () => {
    const h = await headline([
      '一、“十三五”时期工作回顾',
      '过去的五年是民生改善最快的五年。“十三五”时期，全县民生投入80亿元。城镇新增就业1.8万人，城镇登记失业率控制在4%以内。',
      '二、2021年工作安排',
      '主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。',
    ]);
    expect(h).toEqual([]);
  });
  it('takes only the opening run when the ——paragraphs are the sections of the review', async () => {
    const h = await headline([
      '一、过去一年工作回顾',
      '——一年来，我们把稳增长作为中心工作，综合实力稳步提升。地区生产总值增长5.1%，一般公共预算收入增长4.2%。',
      '——一年来，我们把扩投资作为关键举措。固定资产投资增长8%，新开工项目一百个，建成道路二十公里，全力推动各项工作落地见效。',
      '——一年来，我们把惠民生作为根本目的。城镇新增就业3.2万人，新建学校五所，改造老旧小区三十个，群众获得感持续增强。',
      ...PLAN,
    ]);
    expect(h).toEqual(['gdp growth 5.1', 'general_budget_revenue growth 4.2']);
  });
});
