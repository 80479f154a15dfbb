import { describe, expect, it } from 'vitest';
import { judgeCommitment, judgeTarget, qualitativeSubject, type PromiseFigure } from '../../src/check/judge.js';
import { readReview } from '../../src/check/observations.js';

function review(text: string, year = 2022) {
  return readReview(text, { start: 0, end: text.length }, year);
}
const growth = (text: string, indicator: string, value: number, qualifier: PromiseFigure['qualifier'] = 'exact', extra: Partial<PromiseFigure> = {}): PromiseFigure =>
  ({ text, indicator, kind: 'growth', value, unit: '%', qualifier, ...extra });
const level = (text: string, indicator: string, value: number, unit: string, qualifier: PromiseFigure['qualifier'] = 'exact'): PromiseFigure =>
  ({ text, indicator, kind: 'level', value, unit, qualifier });
const words = (text: string, indicator: string): PromiseFigure => ({ text, indicator, kind: 'qualitative', qualifier: 'exact' });
const task = (text: string, value: number, unit: string, qualifier: PromiseFigure['qualifier'] = 'exact'): PromiseFigure => ({ text, value, unit, qualifier });

describe('judging a main target by the same measure of the year', () => {
  it('settles a growth target by the year\'s growth, with the bound in the reason', () => {
    const j = judgeTarget(growth('地区生产总值增长6%左右', 'gdp', 6, 'about'), review('全市地区生产总值增长5.6%。'));
    expect(j).toMatchObject({ verdict: 'met', outcome: 5.6, reason: { code: 'reached', bound: 5.5, tolerance: 0.5 } });
    expect(j.reason.text).toBe('依据：目标增长6%左右，容差0.5个百分点（不低于5.5%），实绩增长5.6%，达到');
    expect(j.confidence).toBeGreaterThan(0.6);
  });

  it('reads a plain figure as a floor and a fall with 以上 as a fall at least that deep', () => {
    expect(judgeTarget(growth('固定资产投资增长8%', 'fixed_asset_investment', 8), review('固定资产投资增长7.9%。')).verdict).toBe('missed');
    const fall = judgeTarget(growth('单位生产总值能耗下降3%以上', 'energy_intensity', -3, 'at_least'), review('单位生产总值能耗下降4.4%。'));
    expect(fall).toMatchObject({ verdict: 'met', reason: { code: 'reached' } });
    expect(fall.reason.text).toContain('降幅不小于3%');
  });

  it('never lets a share, an amount or a five-year figure answer a growth', () => {
    const share = judgeTarget(growth('规模以上工业增加值增长7%', 'industrial_value_added', 7), review('高新技术产业增加值占规模以上工业增加值比重达到23.5%。'));
    expect(share.verdict).not.toMatch(/met|missed/);
    const amount = judgeTarget(growth('一般公共预算收入增长5%', 'general_budget_revenue', 5), review('一般公共预算收入完成12.6亿元。'));
    expect(amount).toMatchObject({ verdict: 'not_comparable', reason: { code: 'other_kind' } });
    const average = judgeTarget(growth('社会消费品零售总额增长7%', 'retail_sales', 7), review('五年来，社会消费品零售总额年均增长8.2%。'));
    expect(average).toMatchObject({ verdict: 'not_reported', reason: { code: 'multi_year_only' } });
  });

  it('holds an adjusted figure (可比) against a plain target only when it falls short', () => {
    const up = judgeTarget(growth('一般公共预算收入增长6%', 'general_budget_revenue', 6), review('一般公共预算收入可比增长7.2%。'));
    expect(up).toMatchObject({ verdict: 'not_comparable', reason: { code: 'adjusted_only' } });
    const down = judgeTarget(growth('一般公共预算收入增长6%', 'general_budget_revenue', 6), review('一般公共预算收入可比增长2.4%。'));
    expect(down).toMatchObject({ verdict: 'missed', reason: { code: 'adjusted_short' } });
  });

  it('sets urban and rural figures against an all-resident target', () => {
    const target = growth('居民人均可支配收入增长7%', 'disposable_income', 7);
    expect(judgeTarget(target, review('城乡居民人均可支配收入分别增长7.4%、8.8%。')).verdict).toBe('met');
    expect(judgeTarget(target, review('城乡居民人均可支配收入分别增长5.1%、6.2%。')).verdict).toBe('missed');
    expect(judgeTarget(target, review('城乡居民人均可支配收入分别增长6.1%、8.8%。'))).toMatchObject({ verdict: 'not_comparable', reason: { code: 'split_straddles' } });
  });

  it('keeps registered and surveyed unemployment apart', () => {
    const j = judgeTarget(level('城镇登记失业率控制在4%以内', 'unemployment_rate', 4, '%', 'at_most'), review('城镇调查失业率为5.1%。'));
    expect(j).toMatchObject({ verdict: 'not_comparable', reason: { code: 'other_measure' } });
  });

  it('does not take a development zone\'s figure for the whole place', () => {
    const j = judgeTarget(growth('实际利用外资增长6%', 'other:实际利用外资', 6), review('高新区主营业务收入增长18%，实际利用外资增长33%。'));
    expect(j.verdict).toBe('not_comparable');
  });

  it('does not take retail sales above the size threshold (限上) for all retail sales', () => {
    const j = judgeTarget(growth('社会消费品零售总额增长7%', 'retail_sales', 7), review('限额以上社会消费品零售额增长9.2%。'));
    expect(j.verdict).toBe('not_comparable');
  });

  it('says an outcome given only as a bound on the wrong side settles nothing', () => {
    const j = judgeTarget(growth('居民人均可支配收入增长9%', 'disposable_income', 9), review('居民人均可支配收入增长6%以上。'));
    expect(j).toMatchObject({ verdict: 'not_comparable', reason: { code: 'open_bound' } });
    expect(judgeTarget(growth('居民人均可支配收入增长5%', 'disposable_income', 5), review('居民人均可支配收入增长6%以上。')).verdict).toBe('met');
  });

  it('does not let a year-end reading settle a whole-year ceiling', () => {
    const j = judgeTarget(level('城镇调查失业率全年控制在5.5%左右', 'unemployment_rate', 5.5, '%', 'about'), review('年末城镇调查失业率降至5.1%。'));
    expect(j).toMatchObject({ verdict: 'not_comparable', reason: { code: 'part_year_only' } });
  });

  it('shows a related indicator as not comparable', () => {
    const j = judgeTarget(growth('规模以上工业增加值增长8%', 'industrial_value_added', 8), review('规模以上工业总产值增长11%。'));
    expect(j).toMatchObject({ verdict: 'not_comparable', reason: { code: 'other_measure' } });
  });

  it('reads a failure stated in words as missed, other words as not comparable', () => {
    const failed = judgeTarget(growth('进出口增长5%左右', 'foreign_trade', 5, 'about'), review('受外需收缩影响，全年进出口总额出现下降。'));
    expect(failed).toMatchObject({ verdict: 'missed', reason: { code: 'fell' } });
    const vague = judgeTarget(level('居民消费价格涨幅3%左右', 'cpi', 3, '%', 'about'), review('居民消费价格保持平稳。'));
    expect(vague).toMatchObject({ verdict: 'not_comparable', reason: { code: 'words_only' } });
  });

  it('reads a review that admits the target was not reached as missed', () => {
    const j = judgeTarget(growth('单位生产总值能耗下降3%', 'energy_intensity', -3), review('全省没有实现年初确定的单位生产总值能耗下降3%的目标。'));
    expect(j).toMatchObject({ verdict: 'missed', reason: { code: 'fell' } });
  });

  it('does not judge a plan-period promise by one year', () => {
    expect(judgeTarget(growth('今后五年地区生产总值年均增长6%', 'gdp', 6), review('地区生产总值增长7.1%。'), 2021)).toMatchObject({ verdict: 'not_reported', reason: { code: 'plan_period' } });
    expect(judgeCommitment(task('到2025年新建公共充电桩3000个', 3000, '个'), review('新建公共充电桩800个。'), 2021).reason.code).toBe('plan_period');
    expect(judgeCommitment(task('“十四五”末农村公路达到2000公里', 2000, '公里'), review('农村公路达到1600公里。'), 2021).reason.code).toBe('plan_period');
  });

  it('does not take a concentration for an emission', () => {
    const j = judgeCommitment(task('二氧化硫排放量削减3%', 3, '%'), review('二氧化硫平均浓度下降14%。'));
    expect(j.verdict).not.toMatch(/met|missed/);
  });

  it('takes the plan period a sentence sets for its list', () => {
    const p = { ...task('地方财政收入达到120亿元', 120, '亿元'), sentence: '到2025年，地区生产总值突破800亿元、地方财政收入达到120亿元。' };
    expect(judgeCommitment(p, review('地方财政收入达到96亿元。'), 2021).reason.code).toBe('plan_period');
  });

  it('asks for review when two figures of the year disagree', () => {
    const j = judgeTarget(growth('地区生产总值增长6%', 'gdp', 6), review('全市地区生产总值增长6.3%。县域地区生产总值增长4.1%。'));
    expect(j).toMatchObject({ verdict: 'needs_review', reason: { code: 'weak_match' } });
    expect(j.confidence).toBeLessThan(0.6);
  });
});

describe('judging a target in words', () => {
  it('holds income in step with growth when it grows at least as fast less half a point', () => {
    const t = words('居民收入增长和经济增长基本同步', 'disposable_income');
    expect(judgeTarget(t, review('国内生产总值增长5.4%。居民人均可支配收入实际增长5.0%。'))).toMatchObject({ verdict: 'met', reason: { code: 'in_step' } });
    expect(judgeTarget(t, review('国内生产总值增长5.4%。居民人均可支配收入实际增长4.6%。'))).toMatchObject({ verdict: 'missed', reason: { code: 'not_in_step' } });
  });

  it('answers a steadying or growing measure by its change of the year, or by words after the measure', () => {
    const t = words('外贸进出口稳中提质', 'foreign_trade');
    expect(judgeTarget(t, review('外贸进出口增长3.8%。')).verdict).toBe('met');
    expect(judgeTarget(t, review('外贸进出口下降2.1%。')).verdict).toBe('missed');
    expect(judgeTarget(t, review('对外贸易保持稳定。')).verdict).toBe('met');
    // an aim in the review (着力稳外贸) is not an outcome
    expect(judgeTarget(t, review('着力稳外贸、稳外资。')).verdict).not.toBe('met');
  });

  it('answers a promise that emissions keep falling by the falls of named pollutants', () => {
    const t = words('主要污染物排放量继续下降', 'pollutant_emissions');
    expect(judgeTarget(t, review('氮氧化物、化学需氧量排放量分别下降3.1%和2.2%。')).verdict).toBe('met');
    // air quality stands beside emissions, never for them
    expect(judgeTarget(t, review('空气质量优良天数达到287天。'))).toMatchObject({ verdict: 'not_comparable', reason: { code: 'other_measure' } });
  });

  it('does not take air quality for an energy target', () => {
    const t = words('能耗等约束性指标完成省下达任务', 'energy_intensity');
    expect(judgeTarget(t, review('空气质量优良天数达到287天。')).verdict).toBe('not_reported');
    const co2 = words('二氧化碳排放强度完成省下达任务', 'carbon_intensity');
    expect(judgeTarget(co2, review('空气质量优良天数达到287天。')).verdict).toBe('not_reported');
  });

  it('meets a rank aim only when the review ranks the indicators', () => {
    const t = words('力争主要经济指标增速进入全省前列', 'other:主要经济指标位次');
    expect(judgeTarget(t, review('主要经济指标增速均居全省前列。')).verdict).toBe('met');
    expect(judgeTarget(t, review('地区生产总值增长5.9%、居全省第三。')).verdict).toBe('not_comparable');
    expect(judgeTarget(t, review('主要经济指标稳中有进。')).verdict).not.toBe('met');
    // a rank of something else (债券额度) is not even related
    expect(judgeTarget(t, review('争取专项债券额度总量居全省第二。')).verdict).toBe('not_reported');
  });

  it('shows a related measure for a measure promised in words', () => {
    const j = judgeTarget(words('外贸进出口稳中提质', 'foreign_trade'), review('全年出口保持较快增长。'));
    expect(j).toMatchObject({ verdict: 'not_comparable', reason: { code: 'other_measure' } });
  });

  it('shows air quality of part of the year beside an emission target', () => {
    const j = judgeTarget(words('污染物排放等约束性指标完成市定任务', 'pollutant_emissions'), review('下半年空气质量综合指数下降12%。'));
    expect(j).toMatchObject({ verdict: 'not_comparable', reason: { code: 'other_measure' } });
  });

  it('takes no problem or negation for an outcome', () => {
    expect(judgeTarget(words('国际收支基本平衡', 'other:国际收支'), review('国际收支不平衡矛盾突出。')).verdict).not.toBe('met');
  });

  it('meets any other aim when a clause of the year names it and says it happened', () => {
    expect(qualitativeSubject('地方债务风险有效防控')).toBe('地方债务风险');
    expect(judgeTarget(words('政府债务率保持基本稳定', 'other:政府债务率'), review('政府债务率趋于稳定，金融运行平稳。')).verdict).toBe('met');
    expect(judgeTarget(words('政府债务率保持基本稳定', 'other:政府债务率'), review('五年来，政府债务率趋于稳定。')).verdict).toBe('not_reported');
  });
});

describe('judging a quantified commitment by the object it counts', () => {
  it('meets a commitment whose object the review counts, whatever the verbs and word order', () => {
    const j = judgeCommitment(task('新建（改扩建）30个社区公园', 30, '个'), review('城市更新扎实推进，新建社区公园42个。'));
    expect(j).toMatchObject({ verdict: 'met', outcome: 42 });
    expect(judgeCommitment(task('改造提升城市道路15公里', 15, '公里'), review('改造城市道路12.5公里。')).verdict).toBe('missed');
  });

  it('converts an exact unit of the same measure (万吨 for 亿斤)', () => {
    expect(judgeCommitment(task('确保粮食总产量30亿斤以上', 30, '亿斤', 'at_least'), review('粮食总产量156万吨。'))).toMatchObject({ verdict: 'met' });
  });

  it('does not keep a promise to finish with a start', () => {
    const j = judgeCommitment(task('建成城市综合体3个', 3, '个'), review('开工建设城市综合体4个。'));
    expect(j).toMatchObject({ verdict: 'not_comparable', reason: { code: 'other_stage' } });
  });

  it('counts renovation programmes by units started', () => {
    expect(judgeCommitment(task('完成棚户区改造2000套', 2000, '套'), review('新开工改造棚户区2350套。')).verdict).toBe('met');
  });

  it('keeps an increment apart from a stock', () => {
    const j = judgeCommitment(task('新增省级专精特新企业15家', 15, '家'), review('省级专精特新企业达到86家。'));
    expect(j).toMatchObject({ verdict: 'not_comparable', reason: { code: 'stock_vs_increment' } });
  });

  it('takes another tier of a designation for another category', () => {
    const j = judgeCommitment(task('创建省级示范家庭农场8家', 8, '家'), review('创建市级以上示范家庭农场19家。'));
    expect(j).toMatchObject({ verdict: 'not_comparable', reason: { code: 'other_measure' } });
  });

  it('does not count one animal for another', () => {
    const j = judgeCommitment(task('生猪出栏量达到90万头', 90, '万头'), review('新建肉羊养殖场12个，出栏量达到30万头。'));
    expect(j.verdict).not.toMatch(/met|missed/);
  });

  it('never settles a bare investment sum by another project list\'s investment', () => {
    const j = judgeCommitment(task('完成投资80亿元', 80, '亿元'), review('重点项目完成投资95亿元。技改项目完成投资31亿元。'));
    expect(j.verdict).not.toMatch(/met|missed/);
  });

  it('asks for review when a two-character object is counted under another verb', () => {
    expect(judgeCommitment(task('引进项目25个以上', 25, '个', 'at_least'), review('实施重点技改项目13个。')).verdict).toBe('needs_review');
  });

  it('asks for review when a two-character object is counted twice with opposite verdicts', () => {
    const j = judgeCommitment(task('新增学位3000个', 3000, '个'), review('新增学位3400个。城区新增学位1200个。'));
    expect(j.verdict).toBe('needs_review');
  });

  it('does not take a round magnitude in a programme\'s name for a promised quantity', () => {
    const j = judgeCommitment(task('推进百万亩林业提质工程', 100, '万亩'), review('完成造林绿化180万亩。'));
    expect(j.verdict).not.toMatch(/met|missed/);
  });

  it('settles a project list by a count of the same list only', () => {
    const same = judgeCommitment({ ...task('推进总投资120亿元的30个重点项目建设', 30, '个') }, review('总投资118亿元的32个重点项目加快建设。'));
    expect(same.verdict).toBe('met');
    const other = judgeCommitment({ ...task('推进总投资120亿元的30个重点项目建设', 30, '个') }, review('总投资9.6亿元的12个重点项目竣工。'));
    expect(other.verdict).not.toMatch(/met|missed/);
  });

  it('meets a task the review states exceeded', () => {
    expect(judgeCommitment(task('送戏下乡演出不少于60场', 60, '场', 'at_least'), review('超额完成送戏下乡演出任务。'))).toMatchObject({ verdict: 'met', reason: { code: 'stated_done' } });
  });

  it('shows an object named only in words as not comparable, but not an aim', () => {
    expect(judgeCommitment(task('开通城际公交线路6条', 6, '条'), review('城际公交线路不断加密。'))).toMatchObject({ verdict: 'not_comparable', reason: { code: 'words_only' } });
    expect(judgeCommitment(task('新建乡村博物馆5座', 5, '座'), review('打造乡村博物馆集群。')).verdict).toBe('not_reported');
  });

  it('takes the same head with another modifier for a neighbouring category', () => {
    const j = judgeCommitment(task('新建立体停车场3个', 3, '个'), review('新建公共厕所8座、社会停车场4个。'));
    expect(j).toMatchObject({ verdict: 'not_comparable', reason: { code: 'other_measure' } });
  });

  it('prefers, among equally named counts, the one at the promised stage', () => {
    const j = judgeCommitment(task('推动30个重点产业项目竣工投产', 30, '个'), review('56个重点产业项目开工建设，34个重点产业项目竣工投产。'));
    expect(j).toMatchObject({ verdict: 'met', outcome: 34 });
  });

  it('says not reported when nothing counts the object', () => {
    expect(judgeCommitment(task('新建污水处理厂2座', 2, '座'), review('新建口袋公园9个。'))).toMatchObject({ verdict: 'not_reported', reason: { code: 'not_found' } });
  });
});

describe('a promise naming examples, answered by a list of names', () => {
  const p = task('推动城南敬老院、东湖颐养中心等3家养老机构通过三星级评定', 3, '家');
  it('counts the names of a list that includes an example and says the same of them', () => {
    const j = judgeCommitment(p, review('东湖颐养中心、城南敬老院、西山老年公寓通过省三星级评定。'));
    expect(j).toMatchObject({ verdict: 'met', reason: { code: 'reached', outcome: { value: 3 } } });
  });

  it('settles nothing with fewer names, or with a list that says something else of them', () => {
    expect(judgeCommitment(p, review('城南敬老院、东湖颐养中心通过省三星级评定。')).verdict).not.toMatch(/met|missed/);
    expect(judgeCommitment(p, review('城南敬老院、东湖颐养中心、西山老年公寓完成消防改造。')).verdict).not.toMatch(/met|missed/);
  });
});
