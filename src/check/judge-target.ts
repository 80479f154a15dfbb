/**
 * Judging a main target (增长7%左右, 控制在4.5%以内, 1000万人以上) by the
 * review's observations of the same indicator, kind and year. Only related
 * observations (another kind, measure, scope or period) make it
 * not_comparable or not_reported with that observation shown.
 */
import type { Observation, Reading } from './observations.js';
import { RELATED, compareTo, guarded, isAdjusted, isPart, judged, kindFits, obsRef, ofIndicator, settled, targetRef, type Judgement, type PromiseFigure } from './judging.js';
import { FAILED, STATED, judgeQualitative } from './judge-words.js';

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

/**
 * A main target with a figure (增长7%左右, 控制在4.5%以内, 1000万人以上).
 */
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
