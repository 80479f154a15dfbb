/**
 * Structure pass: paragraphs, numbered headings at every level (一、 （一）
 * 1. ①), the parts of a report (review, plan, self-building), the plan year,
 * and the expected-targets, headline and livelihood-projects passages.
 */
import type { PartKind } from '../model.js';

export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Heading {
  readonly start: number;
  readonly end: number;
  readonly title: string;
  readonly level: number;
  /** Index of the paragraph. */
  readonly para: number;
}

export interface PartRange {
  readonly kind: PartKind;
  readonly start: number;
  readonly end: number;
}

export interface Structure {
  readonly paragraphs: Paragraph[];
  readonly headings: Heading[];
  readonly parts: PartRange[];
  readonly planYear: number | null;
  readonly reviewYear: number | null;
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
const LEVEL_RES: ReadonlyArray<readonly [number, RegExp]> = [
  [1, new RegExp(`^[ ]*${CN_NUM}[、.．][ ]?`)],
  [2, new RegExp(`^[ ]*[（(]${CN_NUM}[）)][ ]?`)],
  [3, /^[ ]*\d{1,2}[.．、](?!\d)[ ]?/],
  [4, /^[ ]*[①-⑳][ ]?/],
];

const REVIEW_RE = /工作回顾|回顾|过去一年|过去五年|一年来的工作|工作总结|取得的成绩|主要工作/;
const PLAN_RE = /主要目标|预期目标|目标任务|重点工作|工作安排|总体要求|工作建议|政府工作的建议|主要任务|重点任务|工作任务|工作部署|总体思路|工作思路|发展目标|今年的?工作/;
const SELF_RE = /自身建设|政府建设|建设人民满意的政府|服务型政府|法治政府/;

/** Marks a line may stop at without being cut: a sentence's or clause's end, a closing quote or bracket. */
const LINE_END_MARKS = new Set('。！？!?：:；;”"）)…');

/**
 * Whether the paragraph ends at one of LINE_END_MARKS, white space after it aside. Read from the
 * end: a paragraph grows with every cut line joined to it, and a test of the whole paragraph for
 * each line (a regex ending in `\s*$` tries every position) made a text of many lines without a
 * stop quadratic: 16,000 lines took 3 s, 8 MiB of them 35 s.
 */
function endsAtMark(p: string): boolean {
  const t = p.trimEnd();
  return t.length > 0 && LINE_END_MARKS.has(t[t.length - 1]);
}

export function paragraphsOf(text: string, base: number): Paragraph[] {
  const lines: { start: number; end: number }[] = [];
  let last = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (i > last && text.slice(last, i).trim()) lines.push({ start: last, end: i });
      last = i + 1;
    }
  }
  // a line cut mid-sentence (a figure split from its unit, a bare ——) joins the next
  const out: Paragraph[] = [];
  const heading = (t: string) => LEVEL_RES.some(([, re]) => re.test(t)) || /^[ ]*——/.test(t);
  // a line that continues the one before it: it opens with a mark that cannot start a sentence
  const continues = (t: string) => /^[ ]*[、，,。；;”）)]/.test(t);
  lines.forEach((l, li) => {
    const prev = out[out.length - 1];
    const cur = text.slice(l.start, l.end);
    const next = li + 1 < lines.length ? text.slice(lines[li + 1].start, lines[li + 1].end) : '';
    if (prev) {
      const p = prev.text;
      // …or a paragraph whose last sentence was cut by a hyperlinked word on its own line
      // ("…持续提升。新建" / "高速铁路" / "投产里程超过1900公里"), or such a word that opens
      // a sentence ("…29万公里。" / "城市轨道交通" / "、地下综合管廊建设加快。")
      const fragment = cur.trim().length <= 8 && !/[。！？!?，,；;：:]/.test(cur) && continues(next);
      const cut = ((!endsAtMark(p) && (p.length > 30 || /[\d.]/.test(p[p.length - 1] ?? '') || /^[ ]*——?$/.test(p) || /[。！？!?]/.test(p))) || continues(cur) || fragment) && !heading(cur);
      if (cut && !text.slice(prev.end - base, l.start).trim()) {
        out[out.length - 1] = { start: prev.start, end: base + l.end, text: text.slice(prev.start - base, l.end) };
        return;
      }
    }
    out.push({ start: base + l.start, end: base + l.end, text: cur });
  });
  return out;
}

function headingOf(p: Paragraph, para: number): Heading | null {
  for (const [level, re] of LEVEL_RES) {
    const m = re.exec(p.text);
    if (!m) continue;
    const rest = p.text.slice(m[0].length);
    const stop = rest.search(/[。！!]/);
    const title = (stop >= 0 ? rest.slice(0, stop) : rest).slice(0, 60).trim();
    if (!title) return null;
    return { start: p.start, end: p.start + m[0].length + Math.min(title.length, rest.length), title, level, para };
  }
  return null;
}

function classify(title: string): PartKind | null {
  if (SELF_RE.test(title)) return 'self_building';
  if (PLAN_RE.test(title)) return 'plan';
  if (REVIEW_RE.test(title)) return 'review';
  return null;
}

/** Short unnumbered lines that name a part (2024年工作回顾, 2025年工作安排建议). */
function bareHeading(p: Paragraph): PartKind | null {
  const t = p.text.trim();
  if (t.length > 24 || /[，,。；]/.test(t)) return null;
  return classify(t);
}

export function analyseStructure(text: string, base: number, reportYear: number | null, reviewYearIn: number | null): Structure {
  const paragraphs = paragraphsOf(text, base);
  const headings: Heading[] = [];
  const marks: { kind: PartKind; at: number; title: string }[] = [];
  paragraphs.forEach((p, i) => {
    const h = headingOf(p, i);
    if (h) headings.push(h);
    if (h && h.level === 1) {
      const k = classify(h.title);
      if (k) marks.push({ kind: k, at: p.start, title: h.title });
    } else if (!h) {
      const k = bareHeading(p);
      if (k) marks.push({ kind: k, at: p.start, title: p.text.trim() });
    }
  });
  // keep the first mark of each kind in order review → plan → self_building
  const order: PartKind[] = ['review', 'plan', 'self_building'];
  const chosen: { kind: PartKind; at: number; title: string }[] = [];
  for (const m of marks) {
    const lastKind = chosen.length ? chosen[chosen.length - 1].kind : null;
    if (chosen.some((c) => c.kind === m.kind)) continue;
    if (lastKind && order.indexOf(m.kind) < order.indexOf(lastKind)) continue;
    chosen.push(m);
  }
  const end = base + text.length;
  const parts: PartRange[] = [];
  const first = chosen.length ? chosen[0].at : end;
  if (first > base) parts.push({ kind: 'preamble', start: base, end: first });
  chosen.forEach((c, i) => parts.push({ kind: c.kind, start: c.at, end: i + 1 < chosen.length ? chosen[i + 1].at : end }));

  // plan year: a plan heading with a year, else the review year + 1, else the input
  let planYear: number | null = null;
  let reviewYear: number | null = reviewYearIn;
  for (const c of chosen) {
    const y = /((?:19|20)\d\d)年/.exec(c.title);
    if (!y) continue;
    if (c.kind === 'plan') planYear = Number(y[1]);
    if (c.kind === 'review' && reviewYear === null) reviewYear = Number(y[1]);
  }
  if (planYear === null) planYear = reportYear ?? (reviewYear !== null ? reviewYear + 1 : null);
  if (planYear === null) {
    const m = /((?:19|20)\d\d)年(?:是|的)?(?:主要目标|工作|经济社会发展)/.exec(text);
    if (m) planYear = Number(m[1]);
  }
  if (reviewYear === null && planYear !== null) reviewYear = planYear - 1;
  return { paragraphs, headings, parts, planYear, reviewYear };
}

export function partAt(s: Structure, at: number): PartKind {
  for (const p of s.parts) if (at >= p.start && at < p.end) return p.kind;
  return 'other';
}

/**
 * When no heading names the plan part (slogan headings, digests), the plan
 * starts at the level-1 section holding the targets passage, else at its paragraph.
 */
export function withPlanAt(s: Structure, at: number): Structure {
  if (s.parts.some((p) => p.kind === 'plan')) return s;
  const review = s.parts.find((p) => p.kind === 'review');
  const para = s.paragraphs.find((p) => p.start <= at && at <= p.end);
  let planStart = para ? para.start : at;
  const h1 = s.headings.filter((h) => h.level === 1 && h.start <= at && (!review || h.start > review.start));
  if (h1.length) planStart = h1[h1.length - 1].start;
  const parts: PartRange[] = [];
  for (const p of s.parts) {
    if (p.end <= planStart) parts.push(p);
    else if (p.start < planStart) {
      parts.push({ ...p, end: planStart });
      const nextSelf = s.parts.find((q) => q.kind === 'self_building' && q.start >= planStart);
      parts.push({ kind: 'plan', start: planStart, end: nextSelf ? nextSelf.start : p.end });
    } else if (!parts.some((q) => q.kind === 'plan')) {
      parts.push({ kind: 'plan', start: planStart, end: p.start }, p);
    } else parts.push(p);
  }
  return { ...s, parts: parts.filter((p) => p.end > p.start) };
}
