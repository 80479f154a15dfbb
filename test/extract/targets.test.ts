import { describe, expect, it } from 'vitest';
import { factsOf } from './report.js';

async function targets(lines: string[]): Promise<string[]> {
  const f = await factsOf(lines);
  return f.targets.map((t) => `${t.indicator} ${t.kind} ${t.value ?? ''}`.trim());
}

describe('targets passage', () => {
  it.each(['预定目标是：', '初定预期目标是：', '主要奋斗目标是：'])('is found after the lead-in %s', async (lead) => {
    const t = await targets([
      '一、去年工作回顾',
      '全县生产总值增长7%。',
      '二、今年工作安排',
      `今年全县经济社会发展的${lead}地方生产总值增长9%，公共财政预算收入增长12%以上，城镇登记失业率控制在4%以内。`,
    ]);
    expect(t).toEqual(['gdp growth 9', 'general_budget_revenue growth 12', 'unemployment_rate level 4']);
  });
  it('is not a passage of goals for a plan period', async () => {
    const t = await targets([
      '一、过去五年工作回顾',
      '全县生产总值增长7%。',
      '二、今后五年的奋斗目标',
      '今后五年的奋斗目标是：地区生产总值年均增长8%，财政收入比上期末翻一番，城乡居民人均可支配收入年均增长7%。',
    ]);
    expect(t).toEqual([]);
  });
});
