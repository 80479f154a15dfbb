/**
 * What every judgement shares: its shape (verdict, reason, confidence,
 * evidence), the guard that turns an unsure met or missed into needs_review,
 * and the tests that decide whether an observation may settle a promise at
 * all — same kind, same whole place, same headline scope, comparable units.
 */
import type { FactKind, Qualifier } from '../model.js';
import type { Observation, Reading, Statement } from './observations.js';
import { reason, type FigureRef, type Reason, type ReasonFields } from './reasons.js';
import type { Evidence } from './types.js';
import { convert } from './units.js';
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
export const RELATED: Record<string, string[]> = {
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
export const AIR = /优良天数|空气质量|PM2\.5|PM ?2\.5|细颗粒物|综合指数|重污染天数|优良率|空气优良/;
export const EMISSION_TARGET = /排放|减排|污染物|PM2\.5|细颗粒物|约束性|能耗|空气/;
function evidenceOf(o: { text: string; textStart: number; textEnd: number }): Evidence {
  return { text: o.text, start: o.textStart, end: o.textEnd };
}

export function targetRef(p: PromiseFigure): FigureRef {
  return { kind: p.kind, value: p.value, value_max: p.value_max, unit: p.unit, qualifier: p.qualifier };
}

export function obsRef(o: Observation, label?: string): FigureRef {
  return { kind: o.kind === 'ranking' ? 'level' : o.kind, value: o.value, ...(o.valueMax !== undefined ? { value_max: o.valueMax } : {}), unit: o.unit, qualifier: o.qualifier, estimated: o.estimated, ...(label ? { label } : {}) };
}

export function judged(verdict: Verdict, fields: ReasonFields, confidence: number, o?: Observation | Statement): Judgement {
  const base: Judgement = { verdict, reason: reason(fields), confidence };
  if (!o) return base;
  if ('kind' in o) return { ...base, evidence: evidenceOf(o), outcome: o.value, outcome_unit: o.unit, estimated: o.estimated };
  return { ...base, evidence: { text: o.text, start: o.start, end: o.end } };
}

/** A met or missed below the threshold becomes needs_review, keeping the figures and saying why. */
export function guarded(j: Judgement): Judgement {
  if ((j.verdict === 'met' || j.verdict === 'missed') && j.confidence < REVIEW_THRESHOLD) {
    return { ...j, verdict: 'needs_review', reason: reason({ ...j.reason, code: 'weak_match' }) };
  }
  return j;
}

export const isAdjusted = (o: Observation) => o.scope.some((s) => s === '可比' || s === '扣除' || s === '同口径');
/** A narrower area than the promise's (开发区, 市区) speaks of a part, not the whole. */
export const isPart = (p: PromiseFigure, o: Observation) =>
  (o.scope.includes('园区') && !/园区|开发区|高新区|新区/.test(p.text)) || (o.scope.includes('市区') && !/市区|城区/.test(p.text)) || (o.scope.includes('限上') && !/限额以上|限上/.test(p.text));

/** Same kind: a growth answers a growth, a level a level; a share, a multiple, a rank answer neither. */
export function kindFits(promised: FactKind | undefined, o: Observation): boolean {
  if (o.kind === 'share' || o.kind === 'multiple' || o.kind === 'ranking') return false;
  return (promised ?? 'level') === o.kind;
}

export function compareTo(p: PromiseFigure, o: Observation) {
  const v = convert(o.value, o.unit, p.unit);
  if (v === undefined || p.value === undefined) return undefined;
  return { value: v, c: compare(p.value, p.qualifier, v, { indicator: p.indicator, targetMax: p.value_max, unit: p.unit }) };
}

/**
 * An outcome given as a bound (增长7%以上, 降幅超过3%) settles a promise only
 * when the whole bound lies on one side: "7%以上" proves a 6% floor reached but
 * says nothing about an 8.5% one.
 */
function openBound(o: Observation, c: { verdict: 'met' | 'missed'; direction: 'floor' | 'ceiling' }): boolean {
  // at_least on a rise reaches upward; on a fall (降幅超过3%, stored −3) it reaches downward.
  const up = (o.qualifier === 'at_least' && o.value >= 0) || (o.qualifier === 'at_most' && o.value < 0);
  const down = (o.qualifier === 'at_least' && o.value < 0) || (o.qualifier === 'at_most' && o.value >= 0);
  if (!up && !down) return false;
  const reachesFurther = (c.direction === 'floor') === up;
  return c.verdict === 'missed' ? reachesFurther : !reachesFurther;
}

export function settled(p: PromiseFigure, o: Observation, confidence: number): Judgement {
  const r = compareTo(p, o)!;
  if (openBound(o, r.c)) return judged('not_comparable', { code: 'open_bound', target: targetRef(p), outcome: obsRef(o) }, 0.7, o);
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
export function ofIndicator(R: Reading, id: string | undefined): Observation[] {
  if (!id) return [];
  if (!id.startsWith('other:')) return R.observations.filter((o) => o.indicator === id);
  const name = coreName(id);
  return R.observations.filter((o) => o.indicator === id || (name.length >= 3 && o.subject.includes(name)));
}
