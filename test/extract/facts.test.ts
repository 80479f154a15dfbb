import { describe, expect, it } from 'vitest';
import { sourceFromBytes } from '../../src/ingest/source.js';
import { extractFacts } from '../../src/extract/index.js';

const REPORT = [
  '政府工作报告',
  '一、2023年工作回顾',
  '过去一年，我们迎难而上。预计全市地区生产总值增长6%，固定资产投资增长5%，社会消费品零售总额增长4%。新建高标准农田32.95万亩。',
  '（一）项目建设成效明显。全年开复工项目294个。',
  '二、2024年主要目标和重点工作',
  '全市经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，固定资产投资增长5%以上，城镇调查失业率控制在5.5%以内，城乡居民人均可支配收入与经济增长基本同步。',
  '（一）推进乡村振兴',
  '1.抓好粮食生产。新建高标准农田70万亩以上，确保粮食产量达到95亿斤。年内建成二龙湖旅游公路建成通车。',
  '（二）办好民生实事',
  '①改造老旧小区118个；②新增城镇就业1.5万人。',
  '三、切实加强政府自身建设',
  '我们要建设人民满意的政府。',
].join('\n');

async function facts(text: string) {
  const source = await sourceFromBytes('test.txt', new TextEncoder().encode(text));
  return { source, facts: extractFacts({ source, start: 0, end: source.text.length, reportYear: null, reviewYear: null }) };
}

describe('extractFacts', () => {
  it('finds the parts and numbered sections at every level', async () => {
    const { facts: f } = await facts(REPORT);
    expect(f.sections.filter((s) => s.level === 1).map((s) => s.part)).toEqual(['review', 'plan', 'self_building']);
    expect(f.sections.some((s) => s.level === 2 && s.title.startsWith('推进乡村振兴'))).toBe(true);
    expect(f.sections.some((s) => s.level === 3 && s.title.startsWith('抓好粮食生产'))).toBe(true);
  });
  it('reads the targets passage with the plan year from the heading', async () => {
    const { facts: f, source } = await facts(REPORT);
    expect(f.targets.map((t) => `${t.indicator} ${t.kind} ${t.value ?? ''} ${t.qualifier} ${t.year}`)).toEqual([
      'gdp growth 6.5 about 2024',
      'fixed_asset_investment growth 5 at_least 2024',
      'unemployment_rate level 5.5 at_most 2024',
      'disposable_income qualitative  exact 2024',
    ]);
    const t = f.targets[0];
    expect(source.text.slice(t.span.start, t.span.end)).toBe(t.text);
    // The words of a target are whole, qualifier included.
    expect(f.targets.map((x) => x.text).slice(0, 3)).toEqual(['地区生产总值增长6.5%左右', '固定资产投资增长5%以上', '城镇调查失业率控制在5.5%以内']);
  });
  it('takes outcomes from the review only, the summary as headline', async () => {
    const { facts: f } = await facts(REPORT);
    const h = f.outcomes.filter((o) => o.headline && !o.indicator.startsWith('other:'));
    expect(h.map((o) => `${o.indicator} ${o.value} ${o.estimated}`)).toEqual(['gdp 6 true', 'fixed_asset_investment 5 true', 'retail_sales 4 true']);
    expect(f.outcomes.some((o) => o.value === 32.95 && o.unit === '万亩')).toBe(true);
    expect(f.outcomes.some((o) => o.value === 70)).toBe(false);
    expect(f.outcomes.every((o) => o.year === 2023)).toBe(true);
  });
  it("a commitment's span covers its words, not the line break before them", async () => {
    // a long line cut mid-sentence joins the next: the clause after the cut starts with the line break
    const { source, facts: f } = await facts('二、2024年主要目标和重点工作\n（一）推进乡村振兴\n抓好粮食生产，落实最严格的耕地保护制度，稳定粮食播种面积，扩大大豆油料生产，\n新建高标准农田70万亩以上。');
    const farmland = f.commitments.find((c) => c.value === 70);
    expect(farmland?.text).toBe('新建高标准农田70万亩以上');
    expect(source.text.slice(farmland!.span.start, farmland!.span.end)).toBe(farmland!.text);
  });

  it('reads a concrete commitment from a plan paragraph that holds no numeral at all', async () => {
    const text = REPORT.replace(
      '（二）办好民生实事',
      '（二）完善城市功能\n推动滨江大道工程建成通车，市民服务中心投入使用。\n（二）办好民生实事',
    );
    const { facts: f } = await facts(text);
    expect(f.commitments.filter((c) => /滨江大道|市民服务中心/.test(c.text)).map((c) => c.action)).toEqual(['建成通车', '投入使用']);
  });

  it('reads commitments of the plan, with firmness, deadline and livelihood flag', async () => {
    const { facts: f } = await facts(REPORT);
    const farmland = f.commitments.find((c) => c.value === 70);
    expect(farmland).toMatchObject({ action: '新建', unit: '万亩', qualifier: 'at_least', livelihood: false });
    expect(farmland!.section_path).toContain('推进乡村振兴');
    expect(f.commitments.find((c) => c.value === 95)).toMatchObject({ firmness: 'hard', unit: '亿斤' });
    expect(f.commitments.find((c) => /建成通车/.test(c.text))).toMatchObject({ deadline: '年内' });
    const lv = f.commitments.filter((c) => c.livelihood);
    expect(lv.map((c) => `${c.value}${c.unit}`)).toEqual(['118个', '1.5万人']);
    expect(f.commitments.some((c) => c.value === 32.95)).toBe(false);
  });
  it('works on a digest without headings and on empty ranges', async () => {
    const { facts: f } = await facts('报告回顾了2023年工作。全年地区生产总值预计增长6%，规上工业增加值预计增长4%。\n发展预期目标是：地区生产总值增长6.5%，社会消费品零售总额增长6%。\n全年新建高标准农田70万亩。');
    expect(f.targets.map((t) => t.indicator)).toEqual(['gdp', 'retail_sales']);
    expect(f.outcomes.filter((o) => o.headline).map((o) => o.indicator)).toEqual(['gdp', 'industrial_value_added']);
    expect(f.commitments.some((c) => c.value === 70)).toBe(true);
    const { source } = await facts('一');
    expect(extractFacts({ source, start: 5, end: 2, reportYear: null, reviewYear: null })).toEqual({ sections: [], targets: [], outcomes: [], commitments: [] });
  });
});
