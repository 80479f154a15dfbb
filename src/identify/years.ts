/**
 * Which year a report is delivered in (its plan year) and which year it
 * reviews: dateline, review and plan headings, and, when the years are masked
 * (20xx), general-knowledge rules about anniversaries and plan periods.
 */
import { parseInteger, parseYear, YEAR_SRC } from '../text/numerals.js';
import { YEAR_RULES, type YearRule } from './year-rules.js';
import { execAll, yearAnchoredMatches } from './matches.js';

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
/** The heading patterns, sticky: tried only where headingStarts says a heading can start. */
const REVIEW_HEAD_AT = new RegExp(REVIEW_HEAD.source, 'my');
const PLAN_HEAD_AT = new RegExp(PLAN_HEAD.source, 'my');
const HEAD_SPACE = new Set([' ', '\t', '\u3000']);
const LINE_END = new Set(['\n', '\r', '\u2028', '\u2029']);
const SECTION_NUMERAL = new Set('一二三四五六七八九十');
const PART_NUMERAL = new Set('一二三四五六');

/**
 * Where a heading whose year ends at the 年 at `p` can start, earliest first. The year is the four
 * characters before that 年; before it may stand 关于 or 对, then spaces, then the heading's start:
 * a line start (^ with the m flag), a line feed, a numeral and 、．., or 第N部分. None of those ends
 * in a space, so the start ends where the spaces before the year begin.
 */
function headingStarts(s: string, p: number): number[] {
  const year = p - 4;
  if (year < 0) return [];
  const out: number[] = [];
  for (const v of [year, s[year - 1] === '对' ? year - 1 : -1, s.startsWith('关于', year - 2) ? year - 2 : -1]) {
    if (v < 0) continue;
    let r = v;
    while (r > 0 && HEAD_SPACE.has(s[r - 1])) r--;
    if (r === 0 || LINE_END.has(s[r - 1])) out.push(r);
    if (s[r - 1] === '\n') out.push(r - 1);
    if ('、．.'.includes(s[r - 1] ?? 'x') && SECTION_NUMERAL.has(s[r - 2])) out.push(r - 2);
    if (s.startsWith('部分', r - 2) && s[r - 4] === '第' && PART_NUMERAL.has(s[r - 3])) out.push(r - 4);
  }
  return out.filter((x) => x >= 0).sort((a, b) => a - b);
}

/**
 * The matches of the review and plan heading patterns in `s`, in order: what repeated exec of
 * REVIEW_HEAD or PLAN_HEAD (g and m flags) finds. The patterns begin with ^, a line feed or a
 * numeral, and trying them at every character took ~8 % of identifying; each 年 allows only a few
 * starts.
 */
const reviewHeadings = (s: string) => yearAnchoredMatches(s, REVIEW_HEAD_AT, headingStarts);
const planHeadings = (s: string) => yearAnchoredMatches(s, PLAN_HEAD_AT, headingStarts);

/** Numbered top-level heading that opens the plan part, years or not. */
const PLAN_PART = /(?:^|\n)[ \t\u3000]*(?:[二三四五六][、．.]|第[二三四]部分)[^\n]{0,24}?(?:安排|任务|目标|总体要求|建议|打算|部署|重点工作|思路|主要工作)/g;
const MASK_RE = /20[xX×ｘＸ*＊]{2}(?=年)|二〇[xX×ｘＸ*＊]{2}(?=年)/g;

export function countMasked(text: string, start: number, end: number): number {
  MASK_RE.lastIndex = 0;
  const slice = text.slice(start, end);
  return (slice.match(MASK_RE) ?? []).length;
}

/** Numbered top-level headings that open the plan part (PLAN_PART), in order. */
const planParts = (s: string) => execAll(PLAN_PART, s);

/** The first match `matches` gives in text[start, end), with its index in `text`; with a year group that reads as a year when `wantYear`. */
function firstMatch(matches: (s: string) => Iterable<RegExpExecArray>, text: string, start: number, end: number, wantYear: boolean): RegExpExecArray | null {
  for (const m of matches(text.slice(start, end))) {
    if (wantYear && !parseYear(m[1])) continue;
    m.index += start;
    return m;
  }
  return null;
}

/** For tests: the heading patterns, and their matches as firstMatch reads them. */
export const headingPatterns = { review: REVIEW_HEAD, plan: PLAN_HEAD, matches: (which: 'review' | 'plan', s: string) => [...(which === 'review' ? reviewHeadings : planHeadings)(s)] };

/** Start of the plan part in [start, end): a plan heading, or the doc's middle. */
export function planPartStart(text: string, start: number, end: number): number {
  const ph = firstMatch(planHeadings, text, start, end, false);
  const pp = firstMatch(planParts, text, start, end, false);
  const cands = [ph?.index, pp?.index].filter((x): x is number => x !== undefined && x > start + (end - start) * 0.1);
  return cands.length ? Math.min(...cands) : start + Math.floor((end - start) * 0.5);
}

/** Report year read from review/plan headings with written years. */
export function yearFromHeadings(text: string, start: number, end: number): YearFinding | null {
  const rv = firstMatch(reviewHeadings, text, start, end, true);
  const pl = firstMatch(planHeadings, text, start, end, true);
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

/** Looking back at a year: 刚刚过去的2022年, 回顾2022年, 报告回顾了2022年工作 → the review year. */
const REVIEW_PHRASE = new RegExp(`(?:刚刚过去的|过去的|回顾了?|总结了?)${YEAR_SRC}年`);
/**
 * Setting a year's targets: 2024年全市经济社会发展的主要预期目标, 2024年发展主要预期目标,
 * 2024年政府工作的总体要求 → the plan year (a digest's 报告提出… sentence). Not after
 * 到/至 (到2025年主要目标: a plan period's end).
 */
const PLAN_PHRASE = new RegExp(
  `(?=[\\d一二三四五六七八九〇○零Ｏ])(?<![到至])${YEAR_SRC}年(?:[全本][国省市县区州旗盟])?(?:经济社会发展|国民经济和社会发展|发展|政府工作)?的?(?:主要预期目标|预期目标|主要目标|总体要求)`,
);

/** Report year from phrases that look back at the review year or set the plan year's targets. */
export function yearFromPhrases(text: string, start: number, end: number): YearFinding | null {
  const slice = text.slice(start, Math.min(end, start + 20000));
  const rv = REVIEW_PHRASE.exec(slice);
  const pl = PLAN_PHRASE.exec(slice);
  const rvY = rv ? parseYear(rv[1]) : null;
  const plY = pl ? parseYear(pl[1]) : null;
  if (rvY && plY && plY === rvY + 1) {
    return { year: plY, evidence: `${rv![0]} … ${pl![0]}`, confidence: 0.75, index: start + pl!.index, length: pl![0].length };
  }
  const first = rvY && (!plY || rv!.index <= pl!.index) ? 'review' : plY ? 'plan' : null;
  if (first === 'review') return { year: rvY! + 1, evidence: `${rv![0]} (review of ${rvY})`, confidence: 0.6, index: start + rv!.index, length: rv![0].length };
  if (first === 'plan') return { year: plY!, evidence: pl![0], confidence: 0.6, index: start + pl!.index, length: pl![0].length };
  return null;
}

function ruleYear(rule: YearRule, m: RegExpExecArray): number | null {
  if (rule.year) return rule.year;
  const g = m[1];
  if (rule.table) return rule.table[g] ?? null;
  if (rule.base !== undefined) {
    const n = parseInteger(g);
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
  // A year written with its plan or budget, or as the subject of what will be
  // done (2024年，全市将…; 2024年要…), is the plan year.
  const planRe = /(?<!\d)((?:19[5-9]|20[0-9])\d)年(?:(?:的|度)?(?:国民经济和社会发展|经济和社会发展|国民经济)?(?:计划|预算(?:草案)?|要|将|的(?:主要)?任务)|[，,](?:[全我本][国省市县区州旗盟])?(?:将|要|拟|力争))/g;
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
/** Terms whose sessions were not annual: the year of each session in order (general knowledge). */
const NPC_IRREGULAR: Record<number, readonly number[]> = { 2: [1959, 1960, 1962, 1963], 3: [1964], 4: [1975] };

/** 第N届全国人民代表大会第M次会议, also abbreviated 十四届全国人大二次会议. Groups: 1 term, 2 session. */
const NPC_SESSION_SRC = '第?([一二三四五六七八九十]{1,3}|\\d{1,2})届全国(?:人民代表大会|人大)第?([一二三四五六七八九十]{1,2}|\\d{1,2})次(?:全体)?会议';

/** Why a session falls in its year, for evidence. */
export function npcWhy(s: { year: number; term: number; session: number; first: number }): string {
  return NPC_IRREGULAR[s.term] ? `session ${s.session} of the NPC's term ${s.term} met in ${s.year}` : `term ${s.term} of the NPC first met in ${s.first}, one session a year`;
}

/** The calendar year of an annual NPC session named in `meeting`, or null. */
export function npcSessionYear(meeting: string): { year: number; term: number; session: number; first: number } | null {
  const m = new RegExp(NPC_SESSION_SRC).exec(meeting);
  if (!m) return null;
  const term = parseInteger(m[1]);
  const session = parseInteger(m[2]);
  if (!term || !session) return null;
  const irregular = NPC_IRREGULAR[term]?.[session - 1];
  if (irregular) return { year: irregular, term, session, first: NPC_IRREGULAR[term][0] };
  if (NPC_TERM_START[term] === undefined) return null;
  return { year: NPC_TERM_START[term] + session - 1, term, session, first: NPC_TERM_START[term] };
}

/**
 * The report year from the national session it is delivered at, read where the
 * text says so (a session mentioned for its 精神, or in a history — 当一九五四年…会议召开的时候 —
 * dates nothing; news leads are read by findNewsLead):
 * - 向/在第N届…第M次会议 (the report's own address or dateline);
 * - 从去年9月…第M次会议到现在 (last year's session named as such: the report is a year later).
 */
export function yearFromNpcSession(text: string, start: number, end: number): YearFinding | null {
  const slice = text.slice(start, Math.min(end, start + 1500));
  const re = new RegExp(`([向在])?${NPC_SESSION_SRC}(?!精神)`, 'g');
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const session = npcSessionYear(m[0]);
    if (!session) continue;
    const clause = slice.slice(Math.max(0, m.index - 12), m.index).split(/[。；，]/).pop() ?? '';
    const addressed = m[1] !== undefined && /^第/.test(m[0].slice(1));
    const lastYear = /去年/.test(clause);
    if (!addressed && !lastYear) continue;
    const year = lastYear ? session.year + 1 : session.year;
    const why = lastYear
      ? `${m[0]} was last year's session (${npcWhy(session)})`
      : `${m[0]} (${npcWhy(session)})`;
    return { year, evidence: why, confidence: lastYear ? 0.6 : 0.75, index: start + m.index, length: m[0].length };
  }
  return null;
}
