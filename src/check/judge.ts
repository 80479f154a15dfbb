/**
 * Judging one promise by the review's observations. A promise is settled
 * only by an observation of the same subject, kind and period: wording may
 * choose among those, never across them. What has only a related
 * observation is not_comparable with that observation shown; what has none
 * is not_reported. A reading that is not sure enough says needs_review.
 */
import type { FactKind, Qualifier } from '../model.js';
import { findMentions } from '../extract/indicators.js';
import { leadOf, overlap, subjectOf } from './match.js';
import { commonRun, leadVerb, objectMatch, objectOf, promiseObject, tierOf } from './objects.js';
import type { Observation, Reading, Statement } from './observations.js';
import { reason, type FigureRef, type Reason, type ReasonFields } from './reasons.js';
import type { Evidence } from './types.js';
import { convert, unitFamily } from './units.js';
import { compare, type Verdict } from './verdict.js';

/** Below this confidence a met or missed is shown as needs_review (待核实). */
export const REVIEW_THRESHOLD = 0.6;

export interface Judgement {
  readonly verdict: Verdict;
  readonly reason: Reason;
  /** 0..1: how sure the reading is that the evidence speaks of the promised measure and year. */
  readonly confidence: number;
  readonly evidence?: Evidence;
  readonly outcome?: number;
  readonly outcome_unit?: string;
  readonly estimated?: boolean;
}

export interface PromiseFigure {
  readonly text: string;
  readonly indicator?: string;
  readonly kind?: FactKind;
  readonly value?: number;
  readonly value_max?: number;
  readonly unit?: string;
  readonly qualifier?: Qualifier;
  readonly scope?: string;
  /** The sentence a commitment stands in, for an object it leaves out. */
  readonly sentence?: string;
}

/** Indicators that are related but not the same measure: their figure makes a verdict not_comparable. */
const RELATED: Record<string, string[]> = {
  industrial_output: ['industrial_value_added'],
  industrial_value_added: ['industrial_output'],
  fiscal_revenue: ['general_budget_revenue', 'local_fiscal_revenue'],
  general_budget_revenue: ['fiscal_revenue', 'local_fiscal_revenue'],
  local_fiscal_revenue: ['general_budget_revenue', 'fiscal_revenue'],
  disposable_income: ['urban_disposable_income', 'rural_disposable_income'],
  urban_disposable_income: ['disposable_income'],
  rural_disposable_income: ['disposable_income'],
  foreign_trade: ['exports'],
  exports: ['foreign_trade'],
};

// Air quality stands beside emission and energy targets: related, never the same measure.
const AIR = /优良天数|空气质量|PM2\.5|PM ?2\.5|细颗粒物|综合指数|重污染天数|优良率|空气优良/;
const EMISSION_TARGET = /排放|减排|污染物|PM2\.5|细颗粒物|约束性|能耗|空气/;

function evidenceOf(o: { text: string; textStart: number; textEnd: number }): Evidence {
  return { text: o.text, start: o.textStart, end: o.textEnd };
}

function targetRef(p: PromiseFigure): FigureRef {
  return { kind: p.kind, value: p.value, value_max: p.value_max, unit: p.unit, qualifier: p.qualifier };
}

function obsRef(o: Observation, label?: string): FigureRef {
  return { kind: o.kind === 'ranking' ? 'level' : o.kind, value: o.value, ...(o.valueMax !== undefined ? { value_max: o.valueMax } : {}), unit: o.unit, qualifier: o.qualifier, estimated: o.estimated, ...(label ? { label } : {}) };
}

function judged(verdict: Verdict, fields: ReasonFields, confidence: number, o?: Observation | Statement): Judgement {
  const base: Judgement = { verdict, reason: reason(fields), confidence };
  if (!o) return base;
  if ('kind' in o) return { ...base, evidence: evidenceOf(o), outcome: o.value, outcome_unit: o.unit, estimated: o.estimated };
  return { ...base, evidence: { text: o.text, start: o.start, end: o.end } };
}

/** A met or missed below the threshold becomes needs_review, keeping the figures and saying why. */
function guarded(j: Judgement): Judgement {
  if ((j.verdict === 'met' || j.verdict === 'missed') && j.confidence < REVIEW_THRESHOLD) {
    return { ...j, verdict: 'needs_review', reason: reason({ ...j.reason, code: 'weak_match' }) };
  }
  return j;
}

const isAdjusted = (o: Observation) => o.scope.some((s) => s === '可比' || s === '扣除' || s === '同口径');
/** A narrower area than the promise's (开发区, 市区) speaks of a part, not the whole. */
const isPart = (p: PromiseFigure, o: Observation) =>
  (o.scope.includes('园区') && !/园区|开发区|高新区|新区/.test(p.text)) || (o.scope.includes('市区') && !/市区|城区/.test(p.text)) || (o.scope.includes('限上') && !/限额以上|限上/.test(p.text));

/** Registered vs surveyed unemployment, and other sub-measures that share an indicator id. */
function measureDiffers(p: PromiseFigure, o: Observation): string | undefined {
  // Emissions are not concentrations (排放量削减 / 浓度下降).
  if (/排放/.test(p.text) && /浓度/.test(o.subject + o.text.slice(0, Math.max(0, o.text.indexOf(String(Math.abs(o.value)))))) && !/排放/.test(o.subject)) return '排放量 / 浓度';
  if (p.indicator === 'unemployment_rate') {
    const pr = /调查/.test(p.text) ? '调查' : /登记/.test(p.text) ? '登记' : undefined;
    const or = o.scope.includes('调查') || /调查/.test(o.subject) ? '调查' : o.scope.includes('登记') || /登记/.test(o.subject) ? '登记' : undefined;
    if (pr && or && pr !== or) return `${pr}失业率 / ${or}失业率`;
  }
  return undefined;
}

/** Same kind: a growth answers a growth, a level a level; a share, a multiple, a rank answer neither. */
function kindFits(promised: FactKind | undefined, o: Observation): boolean {
  if (o.kind === 'share' || o.kind === 'multiple' || o.kind === 'ranking') return false;
  return (promised ?? 'level') === o.kind;
}

function compareTo(p: PromiseFigure, o: Observation) {
  const v = convert(o.value, o.unit, p.unit);
  if (v === undefined || p.value === undefined) return undefined;
  return { value: v, c: compare(p.value, p.qualifier, v, { indicator: p.indicator, targetMax: p.value_max, unit: p.unit }) };
}

/**
 * An outcome given as a bound (增长7%以上, 降幅超过3%) settles a promise only
 * when the whole bound lies on one side: "7%以上" proves a 6% floor reached but
 * says nothing about an 8.5% one.
 */
function openBound(p: PromiseFigure, o: Observation, c: { verdict: 'met' | 'missed'; direction: 'floor' | 'ceiling' }): boolean {
  // at_least on a rise reaches upward; on a fall (降幅超过3%, stored −3) it reaches downward.
  const up = (o.qualifier === 'at_least' && o.value >= 0) || (o.qualifier === 'at_most' && o.value < 0);
  const down = (o.qualifier === 'at_least' && o.value < 0) || (o.qualifier === 'at_most' && o.value >= 0);
  if (!up && !down) return false;
  const reachesFurther = (c.direction === 'floor') === up;
  return c.verdict === 'missed' ? reachesFurther : !reachesFurther;
}

function settled(p: PromiseFigure, o: Observation, confidence: number): Judgement {
  const r = compareTo(p, o)!;
  if (openBound(p, o, r.c)) return judged('not_comparable', { code: 'open_bound', target: targetRef(p), outcome: obsRef(o) }, 0.7, o);
  return guarded(judged(r.c.verdict, { code: r.c.verdict === 'met' ? 'reached' : 'short', target: targetRef(p), outcome: obsRef(o), direction: r.c.direction, bound: r.c.bound, tolerance: r.c.tolerance }, confidence, o));
}

/** A name outside the lexicon without its generic tail (化学需氧量排放量 → 化学需氧量). */
function coreName(id: string): string {
  return id.replace(/^other:/, '').replace(/(?:排放量|排放|总量|平均浓度|浓度|下降率|的)$/g, '');
}

/**
 * The observations of the promised indicator, in review order. An indicator
 * outside the lexicon (other:化学需氧量排放量) is found by its name in the
 * observation's subject (二氧化硫排放量和化学需氧量均削减5.5%).
 */
function ofIndicator(R: Reading, id: string | undefined): Observation[] {
  if (!id) return [];
  if (!id.startsWith('other:')) return R.observations.filter((o) => o.indicator === id);
  const name = coreName(id);
  return R.observations.filter((o) => o.indicator === id || (name.length >= 3 && o.subject.includes(name)));
}

/**
 * A main target with a figure (增长7%左右, 控制在4.5%以内, 1000万人以上).
 */
/**
 * A promise for a plan period (年均增长7%, 今后五年, 到2025年, “十四五”末): no single
 * year's figure settles it.
 */
export function planPeriodWords(text: string, year?: number | null): string | undefined {
  const m = /年均|平均每年|今后五年|五年累计|五年内|十[一二三四五六]五”?(?:末|期间|时期)|(?:到|至)\d{4}年/.exec(text);
  if (m) return m[0];
  const later = [...text.matchAll(/(\d{4})年/g)].find((x) => year !== undefined && year !== null && Number(x[1]) > year);
  return later ? later[0] : undefined;
}

export function judgeTarget(p: PromiseFigure, R: Reading, planYear?: number | null): Judgement {
  const period = planPeriodWords(p.text, planYear);
  if (period) return judged('not_reported', { code: 'plan_period', target: targetRef(p), period_words: period }, 0.7);
  if (p.kind === 'qualitative' || p.value === undefined) return judgeQualitative(p, R);
  // The review says in so many words that the target was not reached (没有实现年初确定的…目标).
  const admitted = R.statements.find((st) => st.period === 'year' && p.indicator !== undefined && st.indicators.includes(p.indicator) && /(?:没有|未能?|未)(?:实现|完成|达到)/.test(st.text) && /目标|任务|预期/.test(st.text));
  if (admitted) return guarded(judged('missed', { code: 'fell', target: targetRef(p), quote: admitted.text }, 0.8, admitted));
  const all = ofIndicator(R, p.indicator);
  const differing = all.filter((o) => measureDiffers(p, o) && o.period === 'year');
  const same = all.filter((o) => !measureDiffers(p, o));
  const year = same.filter((o) => o.period === 'year');
  const fits = year.filter((o) => kindFits(p.kind, o) && compareTo(p, o) !== undefined);
  const whole = fits.filter((o) => !isPart(p, o));
  const plain = p.scope && /可比/.test(p.scope) ? whole : whole.filter((o) => !isAdjusted(o));
  if (plain.length) {
    const o = plain[0];
    // 全年控制在5.5%以内 holds for every month: a year-end reading (年末降到5.5%) does not show it.
    const point = /年末|年底|12月末?/.exec(o.text);
    if (point && /全年/.test(p.text) && compareTo(p, o)!.c.direction === 'ceiling') {
      return judged('not_comparable', { code: 'part_year_only', target: targetRef(p), outcome: obsRef(o), period_words: point[0] }, 0.7, o);
    }
    // Two figures of the year that disagree on the verdict: the reading is not sure which is the whole.
    const verdicts = new Set(plain.map((x) => compareTo(p, x)!.c.verdict));
    return settled(p, o, verdicts.size > 1 ? 0.55 : o.estimated ? 0.85 : 0.9);
  }
  const adjusted = whole.filter(isAdjusted);
  if (adjusted.length) {
    const o = adjusted[0];
    const r = compareTo(p, o)!;
    const scope = o.scope.find((s) => s === '可比' || s === '扣除' || s === '同口径');
    if (r.c.verdict === 'missed') return guarded(judged('missed', { code: 'adjusted_short', target: targetRef(p), outcome: obsRef(o), scope, direction: r.c.direction, bound: r.c.bound }, 0.8, o));
    return judged('not_comparable', { code: 'adjusted_only', target: targetRef(p), outcome: obsRef(o), scope }, 0.8, o);
  }
  if (p.indicator === 'disposable_income' && p.kind === 'growth') {
    const split = urbanRural(p, R);
    if (split) return split;
  }
  const part = fits.filter((o) => isPart(p, o));
  if (part.length) return judged('not_comparable', { code: 'other_measure', target: targetRef(p), outcome: obsRef(part[0]), scope: part[0].scope.join('、') }, 0.8, part[0]);
  if (differing.length) return judged('not_comparable', { code: 'other_measure', target: targetRef(p), outcome: obsRef(differing[0]), scope: measureDiffers(p, differing[0]) }, 0.8, differing[0]);
  const otherKind = year.filter((o) => !fits.includes(o) && o.kind !== 'ranking');
  if (otherKind.length) {
    const o = otherKind.find((x) => x.kind === 'level') ?? otherKind[0];
    return judged('not_comparable', { code: 'other_kind', target: targetRef(p), outcome: obsRef(o) }, 0.8, o);
  }
  const related = R.observations.filter((o) => o.period === 'year' && (RELATED[p.indicator ?? ''] ?? []).includes(o.indicator ?? ''));
  if (related.length) return judged('not_comparable', { code: 'other_measure', target: targetRef(p), outcome: obsRef(related[0]), scope: related[0].subject }, 0.75, related[0]);
  const multi = same.filter((o) => o.period === 'multi_year');
  if (multi.length) return judged('not_reported', { code: 'multi_year_only', target: targetRef(p), period_words: multi[0].periodWords }, 0.8, multi[0]);
  const partYear = same.filter((o) => o.period === 'part_year');
  if (partYear.length) return judged('not_reported', { code: 'part_year_only', target: targetRef(p), period_words: partYear[0].periodWords }, 0.7, partYear[0]);
  const words = R.statements.filter((s) => s.period === 'year' && p.indicator && s.indicators.includes(p.indicator) && (STATED.test(s.text) || FAILED.test(s.text)));
  // 进出口总额出现下降 against a promised rise: short, whatever the figure.
  const failed = p.kind === 'growth' && (p.value ?? 0) > 0 ? words.find((s) => FAILED.test(s.text)) : undefined;
  if (failed) return guarded(judged('missed', { code: 'fell', target: targetRef(p), quote: failed.text }, 0.65, failed));
  if (words.length) return judged('not_comparable', { code: 'words_only', target: targetRef(p), quote: words[0].text }, 0.6, words[0]);
  return judged('not_reported', { code: 'not_found', target: targetRef(p) }, 0.7);
}

/**
 * Urban and rural figures for an all-resident promise: met when both reach
 * it, missed when both fall short, not_comparable when they straddle it.
 */
function urbanRural(p: PromiseFigure, R: Reading): Judgement | undefined {
  const pick = (id: string) => R.observations.find((o) => o.indicator === id && o.period === 'year' && kindFits(p.kind, o) && compareTo(p, o) !== undefined && !isAdjusted(o));
  const u = pick('urban_disposable_income');
  const r = pick('rural_disposable_income');
  if (!u || !r) return undefined;
  const cu = compareTo(p, u)!.c;
  const cr = compareTo(p, r)!.c;
  const fields = { target: targetRef(p), outcome: obsRef(u, '城镇'), others: [obsRef(r, '农村')], tolerance: cu.tolerance };
  const ev: Observation = { ...u, text: u.sentence === r.sentence ? (u.textStart <= r.textStart ? mergeText(u, r) : mergeText(r, u)) : u.text, textStart: Math.min(u.textStart, r.textStart), textEnd: Math.max(u.textEnd, r.textEnd) };
  if (u.sentence !== r.sentence) Object.assign(ev, { text: u.text, textStart: u.textStart, textEnd: u.textEnd });
  if (cu.verdict === 'met' && cr.verdict === 'met') return guarded(judged('met', { code: 'both_reached', ...fields }, 0.85, ev));
  if (cu.verdict === 'missed' && cr.verdict === 'missed') return guarded(judged('missed', { code: 'both_short', ...fields }, 0.85, ev));
  return judged('not_comparable', { code: 'split_straddles', ...fields }, 0.85, ev);
}

function mergeText(a: Observation, b: Observation): string {
  const start = a.textStart;
  const end = Math.max(a.textEnd, b.textEnd);
  const sStart = a.textStart - a.sentence.indexOf(a.text);
  return a.sentence.slice(start - sStart, end - sStart);
}

// Words that state an outcome (not an intention): 保持稳定, 总体平稳, 持续改善, 完成, 实现, 基本平衡 …
const STATED = /稳定|平稳|改善|好转|下降|增长|完成|实现|取得|进展|提升|向好|最低|较低|前列|有效|全部|圆满|超额|收官|同步|快于|高于|达到|巩固|回升|提高|扩大|减少|平衡|趋于|回稳|释放|化解|处置/;
const DONE_TASK = /(?:超额|全面|圆满|均|全部|顺利)?完成[^，。；]{0,12}(?:任务|目标)|(?:任务|目标)[^，。；]{0,6}(?:全面|圆满|超额)?完成/;
const STABLE_WORDS = /稳|增长|向好|提质|回稳|回升|扩大|提高|恢复/;
// A promise that something keeps falling (排放继续减少, 持续下降).
const FALL_WORDS = /(?:继续|持续|进一步|稳步)?(?:减少|下降|降低)(?![\d])/;
// A review that says a growth promise failed in words (出现下降, 目标未能实现).
const FAILED = /出现下降|负增长|未能实现|未能完成|没有完成|未完成|未达到|未达预期/;
// Specific pollutants whose emissions answer a promise on 主要污染物排放.
const POLLUTANTS = /二氧化硫|氮氧化物|化学需氧量|氨氮|挥发性有机物|主要污染物/;
// Where a qualitative aim's subject ends and its predicate begins (宏观杠杆率|保持基本稳定).
const QUAL_PREDICATE = /(?:保持|取得|有序|有效|继续|持续|进一步|基本|稳定|稳中|稳步|回稳|促稳|保稳|量稳|同步|完成|实现|改善|下降|减少|平衡|增长|防控|进入|达到|确保|明显|不断|全面|总体|如期)/;

/** The thing a qualitative aim speaks of: its words before the predicate, without lead verbs. */
export function qualitativeSubject(text: string): string {
  const t = text.replace(/[（(][^）)]*[）)]/g, '').replace(/^(?:力争|确保|努力|争取|推动|促进|实现|完成|保持|做到|坚持|各类)+/, '');
  const m = QUAL_PREDICATE.exec(t.slice(1));
  return (m ? t.slice(0, m.index + 1) : t).replace(/^(?:各类|各项|主要的)/, '').trim();
}

/**
 * The clause states the change after naming the measure (进出口逐步回稳, 外贸外资保持稳定),
 * not as an aim before it (着力稳外贸, 推动外贸稳规模).
 */
// A clause that opens on an aim (着力稳外贸, 打造…之城) says what was sought, not what came of it.
const AIM_OPENING = /^(?:着力|推动|推进|促进|加快|加强|坚持|努力|抓好|做好|实施|出台|支持|引导|鼓励|扎实|全力|大力|打造|争创|力争|奋力|积极|致力)/;

function saysAfter(text: string, id: string, words: RegExp): boolean {
  if (AIM_OPENING.test(text)) return false;
  const m = findMentions(text).find((x) => x.id === id);
  return m !== undefined && words.test(text.slice(m.end));
}

function asStatement(c: Reading['clauses'][number]): Statement {
  return { start: c.start, end: c.end, text: c.text, sentence: c.text, indicators: [], period: c.period };
}

/**
 * A target in words: income in step with growth (同步), a stabilising or
 * growing measure (进出口回稳向好), a task to complete (完成省定任务), or any
 * other aim (宏观杠杆率保持基本稳定).
 */
function judgeQualitative(p: PromiseFigure, R: Reading): Judgement {
  const text = p.text;
  const year = (o: Observation) => o.period === 'year';
  const growthOf = (id: string) => R.observations.find((o) => o.indicator === id && year(o) && o.kind === 'growth' && o.unit === '%' && !isAdjusted(o) && !isPart(p, o));
  // 居民收入增长与经济增长同步: income growth at least GDP growth less 0.5 point.
  if (/同步/.test(text) && /收入/.test(text)) {
    const gdp = growthOf('gdp');
    const inc = growthOf('disposable_income');
    if (gdp && inc) {
      const ok = inc.value >= gdp.value - 0.5 - 1e-9;
      return guarded(judged(ok ? 'met' : 'missed', { code: ok ? 'in_step' : 'not_in_step', outcome: obsRef(inc, '居民收入'), others: [obsRef(gdp, '经济')] }, 0.8, inc));
    }
    const [u, r] = [growthOf('urban_disposable_income'), growthOf('rural_disposable_income')];
    if (gdp && u && r) {
      const okU = u.value >= gdp.value - 0.5 - 1e-9;
      const okR = r.value >= gdp.value - 0.5 - 1e-9;
      const fields = { outcome: obsRef(u, '城镇居民收入'), others: [obsRef(r, '农村居民收入'), obsRef(gdp, '经济')] };
      if (okU && okR) return guarded(judged('met', { code: 'in_step', ...fields }, 0.8, u));
      if (!okU && !okR) return guarded(judged('missed', { code: 'not_in_step', ...fields }, 0.8, u));
      return judged('not_comparable', { code: 'split_straddles', ...fields }, 0.8, u);
    }
    const said = R.statements.find((s) => s.period === 'year' && /同步|快于经济|高于经济|跑赢/.test(s.text) && /收入/.test(s.sentence));
    if (said) return judged('met', { code: 'stated_done', quote: said.text }, 0.7, said);
    const level = R.observations.find((o) => year(o) && /disposable_income$/.test(o.indicator ?? ''));
    if (level) return judged('not_comparable', { code: 'other_kind', outcome: obsRef(level, '居民收入') }, 0.65, level);
  }
  // A measure promised to hold steady or grow (进出口回稳向好, 居民收入稳步增长), or to keep falling
  // (主要污染物排放继续减少): the year's change of the same measure answers it.
  const falling = FALL_WORDS.test(text);
  const steady = STABLE_WORDS.test(text) && !EMISSION_TARGET.test(text);
  if (p.indicator && (falling || steady) && !/同步/.test(text)) {
    const mine = ofIndicator(R, p.indicator).filter((o) => year(o) && o.kind === 'growth' && o.unit === '%' && !isAdjusted(o) && !isPart(p, o));
    const pollutants = falling && p.indicator === 'pollutant_emissions' ? R.observations.filter((o) => year(o) && o.kind === 'growth' && o.unit === '%' && POLLUTANTS.test(o.subject) && /排放|减排/.test(o.subject + o.text)) : [];
    const g = mine[0] ?? pollutants[0];
    if (g) {
      const ok = falling ? g.value < 0 : g.value > 0;
      return guarded(judged(ok ? 'met' : 'missed', { code: ok ? 'grew' : 'fell', outcome: obsRef(g) }, 0.75, g));
    }
    // Only words for the measure: 进出口逐步回稳, 外贸外资保持稳定.
    const words = R.statements.find((st) => st.period === 'year' && st.indicators.includes(p.indicator!) && saysAfter(st.text, p.indicator!, falling ? FALL_WORDS : /稳|增长|向好|回升|扩大/) && !FAILED.test(st.text) && !NEGATED.test(st.text));
    if (words) return guarded(judged('met', { code: 'stated_done', quote: words.text }, 0.65, words));
    const level = ofIndicator(R, p.indicator).find((o) => year(o));
    if (level) return judged('not_comparable', { code: 'other_kind', outcome: obsRef(level) }, 0.65, level);
    // Only a related measure (出口 for 进出口): shown, not judged.
    const relatedIds = RELATED[p.indicator] ?? [];
    const rel = R.observations.find((o) => year(o) && relatedIds.includes(o.indicator ?? '')) ?? R.statements.find((st) => st.period === 'year' && st.indicators.some((i) => relatedIds.includes(i)));
    if (rel) return judged('not_comparable', { code: 'other_measure', ...('kind' in rel ? { outcome: obsRef(rel) } : { quote: rel.text }) }, 0.6, rel);
  }
  if (RANK_AIM.test(text)) return judgeRanking(p, R);
  const subject = qualitativeSubject(text);
  // 完成…任务: the review states the task done for the same thing.
  if (/完成|任务|目标/.test(text) && subject.length >= 2) {
    const done = R.clauses.find((c) => c.period === 'year' && DONE_TASK.test(c.text) && overlap(subject.replace(/任务|目标|下达|省定|市定|国家|上级|各项|约束性指标|指标|其他|等/g, ' ').trim() || subject, c.text) >= 0.5);
    if (done) return judged('met', { code: 'stated_done', quote: done.text }, 0.65, asStatement(done));
  }
  // Emissions and PM2.5 have air quality beside them: related, not the same measure. Energy does not.
  // Carbon dioxide is no air pollutant: its intensity has no air quality beside it.
  const emissions = p.indicator === 'pollutant_emissions' || /PM2\.5|细颗粒物/.test(p.indicator ?? '') || (/排放|减排|PM2\.5|细颗粒物/.test(text) && !/^(?:energy_|carbon_)|能耗|能源|二氧化碳|碳排放/.test(p.indicator ?? ''));
  const same = ofIndicator(R, p.indicator).find((o) => year(o));
  if (same) return judged('not_comparable', { code: 'other_kind', outcome: obsRef(same) }, 0.7, same);
  if (emissions) {
    // Air quality of part of the year is as related as the year's (下半年空气综合指数下降…).
    const air = R.observations.find((o) => (year(o) || o.period === 'part_year') && AIR.test(o.subject + o.text));
    if (air) return judged('not_comparable', { code: 'other_measure', outcome: obsRef(air), scope: '空气质量' }, 0.7, air);
    // Only words on air quality or pollution control (PM2.5浓度继续下降, 完成污染防治攻坚战阶段性目标任务).
    const said = R.clauses.find((c) => c.period === 'year' && (AIR.test(c.text) || /污染防治|大气污染|蓝天/.test(c.text)) && STATED.test(c.text));
    if (said) return judged('not_comparable', { code: 'other_measure', scope: '空气质量', quote: said.text }, 0.65, asStatement(said));
  }
  // Any other aim in words: a clause of the year that names the same thing and says it happened.
  if (subject.length >= 2) {
    let best: { c: Reading['clauses'][number]; s: number } | undefined;
    for (const [i, c] of R.clauses.entries()) {
      if (c.period !== 'year') continue;
      const next = R.clauses[i + 1];
      const said = (STATED.test(c.text) || (next !== undefined && next.start === c.end + 1 && STATED.test(next.text) && !QUAL_NOUN.test(next.text))) && !NEGATED.test(c.text);
      if (!said) continue;
      const s = overlap(subject, c.text);
      if (!best || s > best.s) best = { c, s };
    }
    if (best && best.s >= 0.75) return guarded(judged('met', { code: 'stated_done', quote: best.c.text }, best.s >= 0.9 ? 0.7 : 0.62, asStatement(best.c)));
  }
  return judged('not_reported', { code: 'not_found' }, 0.6);
}

// An aim stated as a rank (进入全省前三, 进入全市前列, 位次前移).
const RANK_AIM = /前列|前[一二三四五六七八九十\d]+(?:位|名)?|位次|排名/;
const RANK_SAID = /前列|前[一二三四五六七八九十\d]+(?:位|名)?|第[一二三四五六七八九十\d]+(?:位|名)?/;

/**
 * A rank aim for the main indicators (主要经济指标进入全省前列): met when the
 * review ranks the indicators (多项指标稳居全市前列); a single indicator's
 * rank or a comparison with the average (增速高于全市平均) is related only.
 */
function judgeRanking(p: PromiseFigure, R: Reading): Judgement {
  const list = R.clauses.filter((c) => c.period === 'year');
  for (const [i, c] of list.entries()) {
    const next = list[i + 1];
    const span = next && next.start === c.end + 1 ? `${c.text}，${next.text}` : c.text;
    if (/指标/.test(c.text) && RANK_SAID.test(span) && !/目标|力争|确保/.test(span)) return guarded(judged('met', { code: 'stated_done', quote: span }, 0.62, asStatement({ ...c, text: span, end: next && span !== c.text ? next.end : c.end })));
  }
  // Related only when it ranks an economic indicator (地区生产总值…全省第二), not any list (专项债券…全市前三).
  const related = list.find((c) => (RANK_SAID.test(c.text) || /高于(?:全省|全市|全国)(?:平均)?/.test(c.text)) && /(?:全省|全市|全国)/.test(c.text) && (/指标/.test(c.text) || findMentions(c.text).some((m) => !m.id.startsWith('other:'))) && !/目标|力争|确保/.test(c.text));
  if (related) return judged('not_comparable', { code: 'other_measure', quote: related.text, scope: '单项指标排名' }, 0.6, asStatement(related));
  return judged('not_reported', { code: 'not_found' }, 0.6);
}

// A problem or a negation is no outcome (国际收支不平衡矛盾加剧, 尚未完成, 压力加大).
const NEGATED = /(?:不|未|没有|尚未|难以|无法)(?:平衡|稳定|完成|实现|达到|改善|平稳|好转)|矛盾|问题|压力|困难|风险加大|下行/;

// A following clause with a subject of its own says something else.
const QUAL_NOUN = /^[^，。；]{0,6}(?:指数|浓度|率|量|额|收入|总值)/;

// ——— commitments ———

// A promise to finish (建成, 完成, 竣工) is not kept by a start (开工, 进入…程序).
const PROMISE_DONE = /建成|完成|竣工|投产|通车|投用|交付|办结|落成/;
// Annual renovation programmes are counted by units started (新开工改造).
const RENOVATION = /老旧小区|棚户区|城中村|危旧房|危房/;
const PROMISE_INCREMENT = /新增|新建|新培育|新引进|新认定|新创建|引进|培育|认定/;
const PROMISE_STOCK = /达到|发展到|总数|总量|累计达|保有/;

function commitmentKind(p: PromiseFigure): FactKind {
  if (p.kind && p.kind !== 'qualitative') return p.kind;
  if (p.unit === '%' && /增长|增幅|增速|提高(?!到|至)/.test(p.text)) return 'growth';
  return 'level';
}

interface Scored {
  o: Observation;
  object: string;
  score: number;
  head: boolean;
}

/** The thing an observation counts: its subject's object, or the words before its figure. */
function observedObject(o: Observation): string {
  return objectOf(o.subject) || o.subject;
}

// Words that widen or narrow where, not what: a promise's 城镇老旧小区 is still counted by 老旧小区.
const SCOPE_MODIFIER = /^(?:城镇|农村|城乡|城市|全市|全省|全县|全区|主城区|市区|城区|县城|新建|新增|年内|全年|在建|续建)+$/;

function scoreAgainst(object: string, o: Observation): Scored {
  // The object as stripped, or the subject as written when that matches better (项目 / 重点技改项目).
  const stripped = observedObject(o);
  const a = objectMatch(object, stripped);
  const b = o.subject.length >= 2 ? objectMatch(object, o.subject) : { score: 0, head: false };
  const [found, m] = b.score > a.score && b.head ? [o.subject, b] : [stripped, a];
  // 生猪养殖量 promised, 养殖量 found: the missing entity must be in the sentence before the figure.
  if (m.score >= 0.9 && found.length < object.length && object.includes(found)) {
    const missing = object.replace(found, '');
    const before = o.sentence.slice(0, Math.max(0, o.sentence.indexOf(o.text)) + o.text.length);
    if (!SCOPE_MODIFIER.test(missing) && !before.includes(missing)) return { o, object: found, score: 0.5, head: m.head };
  }
  return { o, object: found, ...m };
}

/**
 * A quantified commitment (新建口袋公园100个, 建设高标准农田38万亩): judged by
 * the year's observation that counts the same object, in a unit of the same
 * family, of the same kind, tier and stage.
 */
export function judgeCommitment(p: PromiseFigure, R: Reading, planYear?: number | null): Judgement {
  if (p.value === undefined || !p.unit) return judgeTask(p, R);
  // 新增千亿斤粮食生产能力, 百万亩造林工程: a round magnitude in words names a programme, not the year's quantity.
  if (!/[0-9０-９]/.test(p.text) && /[百千万亿]{1,2}(?:亿|万)?[^\s，。]{0,2}/.test(p.text) && /^[百千万亿]+$/.test(roundMagnitude(p.text))) {
    return judged('not_reported', { code: 'plan_period', target: targetRef(p), period_words: roundMagnitude(p.text) }, 0.6);
  }
  const kind = commitmentKind(p);
  const promise: PromiseFigure = { ...p, kind };
  // Its sentence may set the period for a list (到2010年，生产总值…、财政收入力争达到2000亿元左右).
  const at = p.sentence ? p.sentence.indexOf(p.text) : -1;
  const period = planPeriodWords(p.text, planYear) ?? (p.sentence && at > 0 ? planPeriodWords(p.sentence.slice(0, at), planYear) : undefined);
  if (period) return judged('not_reported', { code: 'plan_period', target: targetRef(promise), period_words: period }, 0.7);
  if (p.indicator && !p.indicator.startsWith('other:') && ofIndicator(R, p.indicator).some((o) => o.period === 'year')) {
    const j = judgeTarget(promise, R, planYear);
    if (j.verdict !== 'not_reported') return j;
  }
  const object = promiseObject(p.text, p.sentence);
  if (object.length < 2) return judged('not_reported', { code: 'not_found', target: targetRef(promise) }, 0.6);
  // A project list's total cost (总投资X亿元的N个项目) is not a year's investment, nor the reverse.
  const totalCost = (t: string) => /总投资/.test(t);
  const year = R.observations.filter((o) => o.period === 'year' && totalCost(o.subject + o.text.slice(0, Math.max(0, o.text.indexOf(String(Math.abs(o.value)))))) === totalCost(p.text));
  const scored = year.map((o) => scoreAgainst(object, o)).filter((s) => s.head && s.score >= 0.5);
  // Among equally named counts, the one at the promised stage first (竣工投产 before 落地开工).
  const stage = PROMISE_DONE.test(p.text) ? 'done' : /开工|启动|签约/.test(p.text) ? 'begun' : undefined;
  const atStage = (s: Scored) => (stage !== undefined && s.o.stage === stage ? 1 : 0);
  scored.sort((a, b) => b.score - a.score || atStage(b) - atStage(a) || a.o.start - b.o.start);
  const sameKind = (o: Observation) => unitFamily(p.unit)?.family !== 'share' || kindFits(kind, o) || (kind === 'level' && o.kind === 'share');
  const comparable = scored.filter((s) => compareTo(promise, s.o) !== undefined && sameKind(s.o));
  const best = comparable[0];
  // The same head with another modifier (立体停车场 promised, 城市停车场 counted): a neighbouring category.
  if (best && best.score < 0.7 && best.object.slice(-2) === object.slice(-2) && !object.includes(best.object) && !best.object.includes(object)) {
    return judged('not_comparable', { code: 'other_measure', target: targetRef(promise), outcome: obsRef(best.o), scope: `${object} / ${best.object}` }, 0.65, best.o);
  }
  if (best && best.score >= 0.55) {
    const o = best.o;
    // 省级美丽乡村 promised, 市级以上美丽乡村 counted (or no tier at all): another category.
    const [tp, to] = [tierOf(object), tierOf(best.object)];
    if (tp !== to) return judged('not_comparable', { code: 'other_measure', target: targetRef(promise), outcome: obsRef(o), scope: `${tp ?? '不分级'} / ${to ?? '不分级'}` }, 0.7, o);
    if (PROMISE_DONE.test(p.text) && o.stage === 'begun' && !RENOVATION.test(p.text)) {
      return judged('not_comparable', { code: 'other_stage', target: targetRef(promise), outcome: obsRef(o), promised: PROMISE_DONE.exec(p.text)![0], found: o.text }, 0.75, o);
    }
    if (PROMISE_INCREMENT.test(p.text) && o.count === 'stock' && !PROMISE_STOCK.test(p.text)) {
      return judged('not_comparable', { code: 'stock_vs_increment', target: targetRef(promise), outcome: obsRef(o), promised: '新增量', found: '总量' }, 0.7, o);
    }
    if (PROMISE_STOCK.test(p.text) && o.count === 'increment' && !PROMISE_INCREMENT.test(p.text) && !/完成|建成|实施/.test(p.text)) {
      return judged('not_comparable', { code: 'stock_vs_increment', target: targetRef(promise), outcome: obsRef(o), promised: '总量', found: '新增量' }, 0.7, o);
    }
    // Confidence follows how fully the observation's own object names the promised one.
    let confidence = best.score >= 0.85 ? 0.85 : best.score >= 0.7 ? 0.7 : 0.5;
    // Another reading as good that says the opposite: not sure which is meant. A two-character
    // object (投资, 学位) counted more than once in the year is as unsure.
    const rival = comparable.find((s) => s !== best && s.score >= best.score - 1e-9 && compareTo(promise, s.o)!.c.verdict !== compareTo(promise, o)!.c.verdict);
    // A two-character object (项目, 投资, 学位) is sure only when the review counts exactly it with the
    // promise's own verb (新增学位…, 新增学位…), and only once at that stage.
    const lead = leadVerb(p.text);
    const generic = object.length <= 2 && (best.object !== object || lead === undefined || !o.text.includes(lead) || comparable.filter((s) => s.score >= best.score - 1e-9 && s.o.stage === o.stage).length > 1);
    // A project list's total cost (总投资137亿元的92个项目) names the list: a count of another list
    // (a total cost far from it) does not answer it.
    const listCost = /总投资/.test(p.text) && !sameList(p.text, o.text);
    if (rival || generic || listCost) confidence = Math.min(confidence, 0.55);
    return settled(promise, o, confidence);
  }
  const strong = scored.find((s) => s.score >= 0.7 && compareTo(promise, s.o) === undefined);
  if (strong) return judged('not_comparable', { code: 'other_kind', target: targetRef(promise), outcome: obsRef(strong.o) }, 0.65, strong.o);
  // The same entity with another measure (肉牛存栏量 promised, 肉牛养殖量 reported): related, not the same.
  const lead = leadOf(object);
  const measure = object.slice(-1);
  const sibling = lead.length === 2 ? year.find((o) => compareTo(promise, o) !== undefined && o.subject !== lead && ((o.subject.startsWith(lead) && overlap(object, o.subject) >= 0.3) || (/[量率额数]/.test(measure) && o.subject.endsWith(measure) && o.sentence.slice(0, Math.max(0, o.sentence.indexOf(o.text)) + o.text.length).includes(lead)))) : undefined;
  if (sibling) return judged('not_comparable', { code: 'other_measure', target: targetRef(promise), outcome: obsRef(sibling), scope: sibling.subject }, 0.6, sibling);
  const multi = R.observations.filter((o) => o.period === 'multi_year').map((o) => scoreAgainst(object, o)).filter((s) => s.head && s.score >= 0.85 && compareTo(promise, s.o) !== undefined);
  if (multi.length) return judged('not_reported', { code: 'multi_year_only', target: targetRef(promise), period_words: multi[0].o.periodWords }, 0.7, multi[0].o);
  // 超额完成哈哈腔演出任务: the task stated done for the same object.
  // (Only for an object of three characters or more: 住房 alone is in too many tasks.)
  const done = object.length >= 3 ? R.clauses.find((c) => c.period === 'year' && DONE_TASK.test(c.text) && overlap(object, c.text) >= 0.55) : undefined;
  if (done) return guarded(judged('met', { code: 'stated_done', quote: done.text }, 0.62, asStatement(done)));
  // The object named in words only (中欧班列开行数量持续增长, 打通一批断头路): related, no count to read.
  const named = R.clauses.find((c) => c.period === 'year' && !AIM_OPENING.test(c.text) && namesObject(c.text, object));
  if (named) return judged('not_comparable', { code: 'words_only', target: targetRef(promise), quote: named.text }, 0.6, asStatement(named));
  return judged('not_reported', { code: 'not_found', target: targetRef(promise) }, 0.6);
}

/**
 * A clause names the object when it holds all of a short one (断头路) or a run
 * of at least four characters that is most of a longer one (建材产业园 of 新型建材产业园区).
 */
export function namesObject(clause: string, object: string): boolean {
  if (object.length < 3) return false;
  if (object.length <= 4) return clause.includes(object);
  const run = commonRun(object, clause);
  return run.length >= 4 && run.length * 2 >= object.length;
}

/** Two project lists are the same when their total costs (总投资X亿元) lie within a fifth of each other. */
function sameList(promised: string, found: string): boolean {
  const cost = (t: string) => {
    const m = /总投资([0-9.]+)(亿|万)元/.exec(t);
    return m ? Number(m[1]) * (m[2] === '亿' ? 1e4 : 1) : undefined;
  };
  const [a, b] = [cost(promised), cost(found)];
  return a !== undefined && b !== undefined && Math.abs(a - b) <= 0.2 * Math.max(a, b);
}

/** The figure of a promise written only in Chinese magnitudes (千亿斤 → 千亿), or ''. */
function roundMagnitude(text: string): string {
  return /(?<![一二两三四五六七八九十零〇])([百千万亿]+)(?=[斤吨亩元人户个公里])/.exec(text)?.[1] ?? '';
}

/** A task without a figure: done when a clause of the year states the same task. */
function judgeTask(p: PromiseFigure, R: Reading): Judgement {
  const subject = subjectOf(p.text);
  if (subject.length >= 2) {
    let best: { c: Reading['clauses'][number]; s: number } | undefined;
    for (const c of R.clauses) {
      if (c.period !== 'year') continue;
      const s = overlap(subject, c.text);
      if (!best || s > best.s) best = { c, s };
    }
    if (best && best.s >= 0.6) {
      const c = best.c;
      return guarded(judged('met', { code: 'stated_done', quote: c.text }, best.s >= 0.8 ? 0.65 : 0.5, { start: c.start, end: c.end, text: c.text, sentence: c.text, indicators: [], period: 'year' }));
    }
  }
  return judged('not_reported', { code: 'not_found' }, 0.6);
}
