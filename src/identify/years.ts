/**
 * Which year a report is delivered in (its plan year) and which year it
 * reviews: dateline, review and plan headings, and, when the years are masked
 * (20xx), general-knowledge rules about anniversaries and plan periods.
 */
import { parseSmall, parseYear, YEAR_SRC } from './cn-numbers.js';
import { YEAR_RULES, type YearRule } from './year-rules.js';

export interface YearFinding {
  readonly year: number;
  readonly evidence: string;
  readonly confidence: number;
  readonly index?: number;
  readonly length?: number;
}

const YEAR_OR_MASK = `(${YEAR_SRC.slice(1, -1)}|20[xX×ｘＸ*＊]{2}|二〇[xX×ｘＸ*＊]{2})`;

const HEAD_START = '(?:^|\\n|[一二三四五六七八九十][、．.]|第[一二三四五六]部分)[ \\t\\u3000]*(?:关于|对)?';
const REVIEW_HEAD = new RegExp(`${HEAD_START}${YEAR_OR_MASK}年(?:和今年以来|以来)?(?:[^\\n，。；]{0,8}?(?:回顾|总结)|(?:的)?政府工作[ \\t\\u3000]*$)`, 'gm');
const PLAN_HEAD = new RegExp(
  `${HEAD_START}${YEAR_OR_MASK}年(?:的)?(?:政府)?(?:工作(?:安排|任务|建议|部署|重点|总体要求|思路)|主要(?:目标|任务|工作)|目标任务|重点(?:工作|任务)|总体要求|` +
    `(?:经济社会发展|发展)(?:的)?(?:总体要求|主要(?:预期)?目标|目标|主要任务|任务目标|任务))`,
  'gm',
);
/** Numbered top-level heading that opens the plan part, years or not. */
const PLAN_PART = /(?:^|\n)[ \t\u3000]*(?:[二三四五六][、．.]|第[二三四]部分)[^\n]{0,24}?(?:安排|任务|目标|总体要求|建议|打算|部署|重点工作|思路|主要工作)/g;
const MASK_RE = /20[xX×ｘＸ*＊]{2}(?=年)|二〇[xX×ｘＸ*＊]{2}(?=年)/g;

export function countMasked(text: string, start: number, end: number): number {
  MASK_RE.lastIndex = 0;
  const slice = text.slice(start, end);
  return (slice.match(MASK_RE) ?? []).length;
}

function firstMatch(re: RegExp, text: string, start: number, end: number, wantYear: boolean): RegExpExecArray | null {
  re.lastIndex = 0;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (wantYear && !parseYear(m[1])) continue;
    m.index += start;
    return m;
  }
  return null;
}

/** Start of the plan part in [start, end): a plan heading, or the doc's middle. */
export function planPartStart(text: string, start: number, end: number): number {
  const ph = firstMatch(PLAN_HEAD, text, start, end, false);
  const pp = firstMatch(PLAN_PART, text, start, end, false);
  const cands = [ph?.index, pp?.index].filter((x): x is number => x !== undefined && x > start + (end - start) * 0.1);
  return cands.length ? Math.min(...cands) : start + Math.floor((end - start) * 0.5);
}

/** Report year read from review/plan headings with written years. */
export function yearFromHeadings(text: string, start: number, end: number): YearFinding | null {
  const rv = firstMatch(REVIEW_HEAD, text, start, end, true);
  const pl = firstMatch(PLAN_HEAD, text, start, end, true);
  const rvY = rv ? parseYear(rv[1]) : null;
  const plY = pl ? parseYear(pl[1]) : null;
  if (plY && rvY && plY === rvY + 1) {
    return { year: plY, evidence: `${rv![0]} … ${pl![0]}`, confidence: 0.9, index: pl!.index, length: pl![0].length };
  }
  if (plY && (!rvY || (pl!.index < (rv?.index ?? Infinity)) === false)) {
    return { year: plY, evidence: pl![0], confidence: 0.8, index: pl!.index, length: pl![0].length };
  }
  if (rvY) return { year: rvY + 1, evidence: `${rv![0]} (review of ${rvY})`, confidence: 0.75, index: rv!.index, length: rv![0].length };
  if (plY) return { year: plY, evidence: pl![0], confidence: 0.7, index: pl!.index, length: pl![0].length };
  return null;
}

/** 今年是… / 刚刚过去的2022年 style phrases. */
export function yearFromPhrases(text: string, start: number, end: number): YearFinding | null {
  const slice = text.slice(start, Math.min(end, start + 20000));
  let m = new RegExp(`(?:刚刚过去的|过去的|回顾)${YEAR_SRC}年`).exec(slice);
  if (m) {
    const y = parseYear(m[1]);
    if (y) return { year: y + 1, evidence: m[0], confidence: 0.6, index: start + m.index, length: m[0].length };
  }
  m = new RegExp(`今年是${YEAR_SRC}?`).exec(slice);
  void m;
  return null;
}

function ruleYear(rule: YearRule, m: RegExpExecArray): number | null {
  if (rule.year) return rule.year;
  const g = m[1];
  if (rule.table) return rule.table[g] ?? null;
  if (rule.base !== undefined) {
    const n = parseSmall(g);
    return n ? rule.base + n : null;
  }
  return null;
}

/** Longer than any sentence of a report (a long one runs to ~200 characters). */
const SENTENCE_LOOKBACK = 1000;

/**
 * Dates a text whose years are masked: each rule that fires gives a year;
 * in the review part it is the review year, in the plan part the report year
 * (rules about the plan year itself hold wherever they stand, except when the
 * sentence looks back: 去年/过去一年).
 */
export function yearFromRules(text: string, start: number, end: number): YearFinding | null {
  const planAt = planPartStart(text, start, end);
  const slice = text.slice(start, end);
  const votes = new Map<number, { w: number; why: string[]; index: number; length: number }>();
  for (const rule of YEAR_RULES) {
    const re = new RegExp(rule.pattern, 'g');
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const y = ruleYear(rule, m);
      if (!y) continue;
      const at = start + m.index;
      // The sentence up to the match, looked for in the SENTENCE_LOOKBACK characters before it:
      // in a text of one long line, searching back to its start for every match was quadratic (issue 15).
      const before = slice.slice(Math.max(0, m.index - SENTENCE_LOOKBACK), m.index);
      const sentence = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n')) + 1);
      const looksBack = /去年|过去一年|一年来|过去的一年|刚刚过去/.test(sentence);
      const looksAhead = /今年|新的一年|明年/.test(sentence);
      let inPlan = at >= planAt;
      if (looksBack) inPlan = false;
      else if (looksAhead) inPlan = true;
      let report: number;
      let how: string;
      if (rule.thisYear) { report = y; how = 'presented to this meeting'; }
      else { report = inPlan ? y : y + 1; how = inPlan ? 'in the plan part' : 'in the review part'; }
      const why = `“${m[0]}” → ${y} (${rule.explain}), ${how} → report year ${report}`;
      const v = votes.get(report);
      if (v) { v.w += rule.weight; if (v.why.length < 4 && !v.why.includes(why)) v.why.push(why); }
      else votes.set(report, { w: rule.weight, why: [why], index: at, length: m[0].length });
    }
  }
  if (!votes.size) return null;
  const ranked = [...votes.entries()].sort((a, b) => b[1].w - a[1].w);
  const [year, best] = ranked[0];
  const total = ranked.reduce((s, [, v]) => s + v.w, 0);
  const conf = Math.min(0.85, 0.4 + 0.1 * best.w) * (best.w / total);
  return { year, evidence: best.why.join('; '), confidence: Math.round(conf * 100) / 100, index: best.index, length: best.length };
}

/** Most frequent written year in the text (weak): usually the review year. */
export function yearFromFrequency(text: string, start: number, end: number): YearFinding | null {
  const slice = text.slice(start, end);
  // A year written with its plan or budget is the plan year.
  const planRe = /(?<!\d)((?:19[5-9]|20[0-9])\d)年(?:的|度)?(?:国民经济和社会发展|经济和社会发展|国民经济)?(?:计划|预算(?:草案)?|要|将|的(?:主要)?任务)/g;
  const plan = new Map<number, number>();
  for (let m = planRe.exec(slice); m; m = planRe.exec(slice)) plan.set(Number(m[1]), (plan.get(Number(m[1])) ?? 0) + 1);
  const re = /(?<!\d)((?:19[5-9]|20[0-9])\d)年/g;
  const counts = new Map<number, number>();
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  if (!counts.size) return null;
  const maxYear = Math.max(...counts.keys());
  const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  if (plan.size) {
    const [py, pn] = [...plan.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (py >= top && py === maxYear) return { year: py, evidence: `the latest year written, ${py}, comes with plan words (${pn}×)`, confidence: 0.45 };
  }
  // The latest year written is the plan year when it is mentioned; else top + 1.
  if (maxYear === top + 1) return { year: maxYear, evidence: `years written: ${top}×${n}, ${maxYear}×${counts.get(maxYear)}`, confidence: 0.4 };
  return { year: top + 1, evidence: `most frequent year written: ${top} (${n}×)`, confidence: 0.3 };
}

/** Congress terms of the National People's Congress: first year of each term (general knowledge). */
const NPC_TERM_START: Record<number, number> = { 1: 1954, 5: 1978, 6: 1983, 7: 1988, 8: 1993, 9: 1998, 10: 2003, 11: 2008, 12: 2013, 13: 2018, 14: 2023, 15: 2028 };

/** The national report addressed to 第N届全国人民代表大会第M次会议 (annual sessions). */
export function yearFromNpcSession(text: string, start: number, end: number): YearFinding | null {
  const slice = text.slice(start, Math.min(end, start + 1500));
  const re = /[向在]第([一二三四五六七八九十]{1,3})届全国人民代表大会第([一二三四五六七八九十]{1,2})次会议(?!以来)/g;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const n = parseSmall(m[1]);
    const k = parseSmall(m[2]);
    if (!n || !k || NPC_TERM_START[n] === undefined) continue;
    const y = NPC_TERM_START[n] + k - 1;
    return { year: y, evidence: `${m[0]} (the ${n}th NPC first met in ${NPC_TERM_START[n]}, one session a year)`, confidence: 0.75, index: start + m.index, length: m[0].length };
  }
  return null;
}
