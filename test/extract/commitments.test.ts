import { describe, expect, it } from 'vitest';
import { factsOf } from './report.js';

async function commitments(lines: string[]): Promise<string[]> {
  const f = await factsOf(lines);
  return f.commitments.map((c) => c.text);
}

const PLAN_HEAD = ['二、今年工作安排', '主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。'];

describe('commitments', () => {
  it('come from the plan, never from the review even when it reads like a plan', async () => {
    const c = await commitments([
      '一、过去一年工作回顾',
      '全力稳投资促消费。争取超长期特别国债资金28亿元支持，全年带动12万台家电以旧换新，快递业务量突破9亿件、增长19%，力争全年计划投资完成。',
      '（三）办好民生实事。新建口袋公园30个，改造老旧小区80个。',
      ...PLAN_HEAD,
      '（一）扩大有效投资。全年计划新开工项目120个，新建口袋公园40个。',
    ]);
    expect(c).toEqual(['全年计划新开工项目120个', '新建口袋公园40个']);
  });
  it('headings, formulas, idioms, existential context and footnotes are not commitments', async () => {
    const c = await commitments([
      '一、过去一年工作回顾',
      '全县生产总值增长6%。',
      ...PLAN_HEAD,
      '今年重点做好以下八方面工作：',
      '（一）扩大有效投资。千方百计扩大投资，坚决做到“两个维护”，推动“3个80%”落地，发挥县乡两个积极性。全县有12万农村劳动力，新建口袋公园40个，开展“五个一”活动。',
      '[3]“双十条”：即两个文件中各十条措施，新建人才公寓200套。',
    ]);
    expect(c).toEqual(['新建口袋公园40个']);
  });
});
