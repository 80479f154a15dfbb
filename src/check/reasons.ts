/**
 * Why a verdict was given: a stable code with the figures it rests on, and
 * the same rendered as a sentence for readers (Chinese first, English too).
 * Pure data in, text out, so the CLI, the exports and the web app say the
 * same thing.
 */
import type { FactKind, Qualifier } from '../model.js';
import { fmt } from './verdict.js';

export type ReasonCode =
  /** The same measure for the year reaches the figure / falls short. */
  | 'reached'
  | 'short'
  /** Urban and rural figures given for an all-resident promise: both reach, both fall short, or one each way. */
  | 'both_reached'
  | 'both_short'
  | 'split_straddles'
  /** Income growth against economic growth (同步). */
  | 'in_step'
  | 'not_in_step'
  /** A promise in words (回稳向好, 保稳提质) answered by the year's growth figure. */
  | 'grew'
  | 'fell'
  /** The review states the task done (超额完成…任务, 全部完成). */
  | 'stated_done'
  /** Only an adjusted figure (可比口径, 扣除…因素): reaching the figure proves nothing, falling short does. */
  | 'adjusted_only'
  | 'adjusted_short'
  /** Same measure in another kind or unit (an amount for a growth rate). */
  | 'other_kind'
  /** A related but different measure, scope or category. */
  | 'other_measure'
  /** A stage begun (开工, 进入核准程序) where a stage done was promised. */
  | 'other_stage'
  /** A stock (达到, 总数) where an increment (新增) was promised, or the reverse. */
  | 'stock_vs_increment'
  /** Answered only in words, with no figure. */
  | 'words_only'
  /** The outcome is only a bound (增长7%以上) on the wrong side to settle the promise. */
  | 'open_bound'
  /** Only a several-year figure (年均, 累计, 五年来, 从…增长到…). */
  | 'multi_year_only'
  /** The promise is for a plan period (年均, 到2025年) or names a programme: no year's figure settles it. */
  | 'plan_period'
  | 'part_year_only'
  /** A task set from above (完成市定目标): the review gives the measure's figure but not the target it was set. */
  | 'target_unstated'
  | 'not_found'
  /** A figure was found but it is not sure to be about the same thing: 待核实. */
  | 'weak_match';

export interface FigureRef {
  readonly kind?: FactKind | 'share' | 'multiple' | 'ranking';
  readonly value?: number;
  readonly value_max?: number;
  readonly unit?: string;
  readonly qualifier?: Qualifier;
  readonly estimated?: boolean;
  /** Words naming the figure (城镇, 农村, 经济增长 …). */
  readonly label?: string;
}

export interface ReasonFields {
  readonly code: ReasonCode;
  readonly target?: FigureRef;
  readonly outcome?: FigureRef;
  /** Further figures the reason compares (the rural figure, GDP growth for 同步). */
  readonly others?: readonly FigureRef[];
  readonly direction?: 'floor' | 'ceiling';
  readonly bound?: number;
  readonly tolerance?: number;
  /** 年均, 累计, 五年来 … */
  readonly period_words?: string;
  /** Scope or measure words that differ (可比, 调查 vs 登记, 开发区 …). */
  readonly scope?: string;
  /** The words of the review the verdict leans on, when no figure does. */
  readonly quote?: string;
  /** promised vs found stage or count (建成 vs 开工, 新增 vs 总数). */
  readonly promised?: string;
  readonly found?: string;
}

export interface Reason extends ReasonFields {
  /** Rendered for readers, Chinese. */
  readonly text: string;
  readonly text_en: string;
}

const Q_ZH: Record<Qualifier, string> = { exact: '', about: '左右', at_least: '以上', at_most: '以内', range: '' };
const Q_EN: Record<Qualifier, string> = { exact: '', about: ' or so', at_least: ' or more', at_most: ' at most', range: '' };

function unitZh(u?: string): string {
  return u ?? '';
}

/** 增长7%左右, 下降3%以上, 4.5%以内, 38万亩, 5%–6%. */
export function figureZh(f: FigureRef): string {
  if (f.value === undefined) return f.label ?? '';
  const u = unitZh(f.unit);
  const v = f.value_max !== undefined ? `${fmt(Math.abs(f.value))}${u === '%' ? '' : u}–${fmt(Math.abs(f.value_max))}${u}` : `${fmt(Math.abs(f.value))}${u}`;
  const q = f.qualifier ? Q_ZH[f.qualifier] : '';
  const est = f.estimated ? '（预计）' : '';
  const label = f.label ? f.label : '';
  if (f.kind === 'growth') return `${label}${est}${f.value < 0 ? '下降' : '增长'}${v}${q}`;
  if (f.kind === 'share') return `${label}${est}占比${v}${q}`;
  if (f.kind === 'multiple') return `${label}${est}${v}`;
  return `${label}${est}${f.value < 0 ? '-' : ''}${v}${q}`;
}

export function figureEn(f: FigureRef): string {
  if (f.value === undefined) return f.label ?? '';
  const u = f.unit ?? '';
  const v = f.value_max !== undefined ? `${fmt(Math.abs(f.value))}–${fmt(Math.abs(f.value_max))}${u}` : `${fmt(Math.abs(f.value))}${u}`;
  const q = f.qualifier ? Q_EN[f.qualifier] : '';
  const est = f.estimated ? ' (estimated)' : '';
  const label = f.label ? `${f.label} ` : '';
  if (f.kind === 'growth') return `${label}${f.value < 0 ? 'a fall of' : 'growth of'} ${v}${q}${est}`;
  if (f.kind === 'share') return `${label}a share of ${v}${q}${est}`;
  return `${label}${f.value < 0 ? '-' : ''}${v}${q}${est}`;
}

function toleranceZh(r: ReasonFields): string {
  if (!r.tolerance) return '';
  const u = r.target?.unit === '%' || r.target?.unit === '个百分点' ? '个百分点' : r.target?.unit ?? '';
  return `，容差${fmt(r.tolerance)}${u}`;
}

function boundZh(r: ReasonFields): string {
  if (r.bound === undefined) return '';
  const u = r.target?.unit ?? '';
  if (r.target?.value !== undefined && r.target.value < 0 && r.direction === 'ceiling') return `（降幅不小于${fmt(-r.bound)}${u}）`;
  return r.direction === 'ceiling' ? `（不高于${fmt(r.bound)}${u}）` : `（不低于${fmt(r.bound)}${u}）`;
}

function boundEn(r: ReasonFields): string {
  if (r.bound === undefined) return '';
  const u = r.target?.unit ?? '';
  if (r.target?.value !== undefined && r.target.value < 0 && r.direction === 'ceiling') return ` (a fall of at least ${fmt(-r.bound)}${u})`;
  return r.direction === 'ceiling' ? ` (at most ${fmt(r.bound)}${u})` : ` (at least ${fmt(r.bound)}${u})`;
}

export function renderZh(r: ReasonFields): string {
  const t = r.target ? figureZh(r.target) : '';
  const o = r.outcome ? figureZh(r.outcome) : '';
  const others = (r.others ?? []).map(figureZh).join('、');
  switch (r.code) {
    case 'reached':
      return `依据：目标${t}${toleranceZh(r)}${boundZh(r)}，实绩${o}，达到`;
    case 'short':
      return `依据：目标${t}${toleranceZh(r)}${boundZh(r)}，实绩${o}，未达到`;
    case 'both_reached':
      return `依据：目标${t}${toleranceZh(r)}，${o}、${others}，均达到`;
    case 'both_short':
      return `依据：目标${t}${toleranceZh(r)}，${o}、${others}，均未达到`;
    case 'split_straddles':
      return `报告只给出城镇、农村分项（${o}、${others}），一项达到一项未达到，不能代表全体居民`;
    case 'in_step':
      return `依据：${o}，${others}，收入增速不低于经济增速减0.5个百分点，视为同步`;
    case 'not_in_step':
      return `依据：${o}，${others}，收入增速低于经济增速0.5个百分点以上，未同步`;
    case 'grew':
      return `依据：目标为定性表述，报告该指标当年${o}`;
    case 'fell':
      return r.quote ? `依据：报告称“${r.quote}”，未达到目标${t}` : `依据：目标为定性表述，报告该指标当年${o}，未达到`;
    case 'stated_done':
      return `依据：报告称“${r.quote ?? ''}”`;
    case 'adjusted_only':
      return `报告只给出${r.scope ?? '可比'}口径数字（${o}），不是原口径，不据此判定达成`;
    case 'adjusted_short':
      return `依据：${r.scope ?? '可比'}口径${o}已低于目标${t}，原口径只会更低`;
    case 'other_kind':
      return `承诺的是${t}，报告只给出${o}，口径不同`;
    case 'other_measure':
      return `报告给出的是相关但不同的指标或范围${r.scope ? `（${r.scope}）` : ''}${o ? `：${o}` : ''}`;
    case 'other_stage':
      return `承诺${r.promised ?? '完成'}，报告只说${r.found ?? '开始'}，阶段不同`;
    case 'stock_vs_increment':
      return `承诺的是${r.promised ?? '新增量'}，报告给出的是${r.found ?? '总量'}（${o}）`;
    case 'words_only':
      return `报告只有文字表述，没有可比数字：“${r.quote ?? ''}”`;
    case 'open_bound':
      return `报告只给出界限（${o}），不足以判断是否达到目标${t}`;
    case 'multi_year_only':
      return `报告只有多年数字（${r.period_words ?? '年均/累计'}），不是当年数字`;
    case 'plan_period':
      return `这是规划期或项目名称中的数字（${r.period_words ?? ''}），不能用当年数字核对`;
    case 'part_year_only':
      return `报告只有部分时段数字（${r.period_words ?? ''}）`;
    case 'target_unstated':
      return `报告给出${o}，但没有说明上级下达的目标是否完成`;
    case 'not_found':
      return '复盘部分未提及该项';
    case 'weak_match':
      return `找到的数字${o ? `（${o}）` : ''}与承诺对象只部分相符，需人工核实`;
  }
}

export function renderEn(r: ReasonFields): string {
  const t = r.target ? figureEn(r.target) : '';
  const o = r.outcome ? figureEn(r.outcome) : '';
  const others = (r.others ?? []).map(figureEn).join(', ');
  const tol = r.tolerance ? `, tolerance ${fmt(r.tolerance)}` : '';
  switch (r.code) {
    case 'reached':
      return `Target ${t}${tol}${boundEn(r)}; reported ${o}: reached`;
    case 'short':
      return `Target ${t}${tol}${boundEn(r)}; reported ${o}: short`;
    case 'both_reached':
      return `Target ${t}${tol}; ${o} and ${others}: both reach it`;
    case 'both_short':
      return `Target ${t}${tol}; ${o} and ${others}: both fall short`;
    case 'split_straddles':
      return `Only urban and rural figures (${o}, ${others}), one above and one below: not the all-resident figure`;
    case 'in_step':
      return `${o} against ${others}: income kept pace with the economy (within 0.5 point)`;
    case 'not_in_step':
      return `${o} against ${others}: income lagged the economy by more than 0.5 point`;
    case 'grew':
      return `A target in words; the review reports ${o} for the year`;
    case 'fell':
      return r.quote ? `The review states “${r.quote}”: short of ${t}` : `A target in words; the review reports ${o} for the year: short`;
    case 'stated_done':
      return `The review states: “${r.quote ?? ''}”`;
    case 'adjusted_only':
      return `Only an adjusted (${r.scope ?? '可比'}) figure, ${o}: not the headline figure`;
    case 'adjusted_short':
      return `Even the adjusted (${r.scope ?? '可比'}) figure, ${o}, falls short of ${t}`;
    case 'other_kind':
      return `Promised ${t}; the review gives only ${o}`;
    case 'other_measure':
      return `The review gives a related but different measure or scope${r.scope ? ` (${r.scope})` : ''}${o ? `: ${o}` : ''}`;
    case 'other_stage':
      return `Promised ${r.promised ?? 'done'}; the review says only ${r.found ?? 'begun'}`;
    case 'stock_vs_increment':
      return `Promised ${r.promised ?? 'an increment'}; the review gives ${r.found ?? 'a total'} (${o})`;
    case 'words_only':
      return `Answered only in words: “${r.quote ?? ''}”`;
    case 'open_bound':
      return `The review gives only a bound (${o}), which does not settle ${t}`;
    case 'multi_year_only':
      return `Only a several-year figure (${r.period_words ?? '年均/累计'}), not the year's`;
    case 'plan_period':
      return `A figure for a plan period or in a programme's name (${r.period_words ?? ''}): no year's figure settles it`;
    case 'part_year_only':
      return `Only a figure for part of the year (${r.period_words ?? ''})`;
    case 'target_unstated':
      return `The review gives ${o} but not whether the target set from above was met`;
    case 'not_found':
      return 'The review does not speak of it';
    case 'weak_match':
      return `A figure was found${o ? ` (${o})` : ''} but its subject only partly matches the promise: needs review`;
  }
}

export function reason(fields: ReasonFields): Reason {
  return { ...fields, text: renderZh(fields), text_en: renderEn(fields) };
}
