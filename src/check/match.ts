/**
 * Finding what the later report says about a promise: the review part's
 * clauses, scored by how much of the promise's wording they share.
 */
import { parseFigures } from './figures.js';

export interface Clause {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The punctuation that ended it ('' at the end of the span). */
  readonly sep: string;
}

// Words that say how, not what: they match anything and decide nothing.
// Action verbs and generic places are filler too: 改造农村厕所 and 改造农村危桥
// share them, but not their object.
const FILLER = /全年|年度|今年|计划|力争|确保|争取|累计|全市|全区|全县|全省|完成|达到|实现|突破|超过|不低于|以上|以内|左右|同比|增长|预计|新增|其中|正常年景下|一批|提级|提质|系统|持续|加快|推动|推进|实施|开展|新建|改建|扩建|新改建|新改扩建|修建|建设|建成|改造|升级|打造|创建|培育|整治|治理|提升|巩固|加强|农村|城市|城乡|重点|各类/g;

/** Splits a span of text into clauses at sentence and clause punctuation. */
export function clausesOf(text: string, from: number, to: number): Clause[] {
  const out: Clause[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || /[，,；;。！？!?\n、：:]/.test(text[i])) {
      if (i > start) out.push({ text: text.slice(start, i), start, end: i, sep: i < to ? text[i] : '' });
      start = i + 1;
    }
  }
  return out;
}

/** Clauses joined across enumeration commas (甲、乙建成通车): a task named as a list. */
export function joinLists(text: string, clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (const c of clauses) {
    const last = out[out.length - 1];
    if (last && last.sep === '、' && last.end + 1 === c.start) out[out.length - 1] = { text: text.slice(last.start, c.end), start: last.start, end: c.end, sep: c.sep };
    else out.push(c);
  }
  return out;
}

/** The promise's subject: its words without figures, units and filler. */
export function subjectOf(text: string): string {
  // A threshold names the category (5000万元以上项目): keep its figure.
  const kept: string[] = [];
  const protectedText = text.replace(/\d+(?:\.\d+)?(?:万亿|亿|万|千)?元以上(?=项目|企业|工业)/g, (m) => `\u{F0000}${kept.push(m.replace('以上', '')) - 1}\u{F0001}`);
  return protectedText
    // 甲、乙等78个项目: the named examples are not what is counted.
    .replace(/^[^，。；]*等(?=[0-9])/, '')
    // What is measured, not the measure: 棚膜面积 is about 棚膜.
    .replace(/(面积|数量|规模|总量|里程|长度)(?=[达为突超增0-9]|$)/g, '')
    .replace(/[0-9０-９.．%％]+(?:万亿|亿|万|千)?(?:元|亩|公里|千米|米|个百分点|个|处|项|座|所|家|户|套|条|件|人次|人|名|头|只|吨|斤|千瓦时|千瓦|平方米|公顷)?(?![0-9]*\u{F0001})/gu, ' ')
    .replace(FILLER, ' ')
    .replace(/[“”"‘’《》()（）、，,。；;：:\s]+/g, ' ')
    .replace(/\u{F0000}(\d+)\u{F0001}/gu, (_m, k: string) => kept[Number(k)])
    .trim();
}

function grams(s: string, n: number): Set<string> {
  const out = new Set<string>();
  for (const part of s.split(' ')) for (let i = 0; i + n <= part.length; i++) out.add(part.slice(i, i + n));
  return out;
}

/** The subject's first bigram: the entity (肉牛, 生猪, 高标) a figure is about. */
export function leadOf(subject: string): string {
  return subject.split(' ').filter((w) => w.length >= 2).sort((a, b) => b.length - a.length)[0]?.slice(0, 2) ?? '';
}

/** How much of `subject` the clause says (0..1): half bigrams, half characters. */
export function overlap(subject: string, clause: string): number {
  const sb = grams(subject, 2);
  const su = grams(subject, 1);
  if (su.size === 0) return 0;
  const cb = grams(clause, 2);
  const cu = grams(clause, 1);
  let b = 0;
  for (const g of sb) if (cb.has(g)) b++;
  let u = 0;
  for (const g of su) if (cu.has(g)) u++;
  const bigram = sb.size ? b / sb.size : u / su.size;
  return 0.5 * bigram + 0.5 * (u / su.size);
}

export interface ClauseMatch {
  readonly clause: Clause;
  readonly score: number;
  readonly figure?: { value: number; unit: string };
  /** The clause names the subject's head (its last two characters: 公园, 农田, 存栏量…) and its lead (肉牛, 生猪…), in itself or the clause before. */
  readonly head: boolean;
}

/** Chinese puts the head noun last: 口袋公园 is a kind of 公园. */
export function headOf(subject: string): string {
  const words = subject.split(' ').filter(Boolean);
  const last = words[words.length - 1] ?? '';
  return last.slice(-2);
}

/**
 * The best clause for a promise. With `unit`, clauses carrying a figure in a
 * comparable unit come first; the clause's context (the clause before) helps
 * when the subject was stated once for a list of figures.
 */
export function bestClause(subject: string, clauses: Clause[], accept: (unit: string) => boolean): ClauseMatch | undefined {
  let best: ClauseMatch | undefined;
  const head = headOf(subject);
  const lead = leadOf(subject);
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i];
    const figures = parseFigures(c.text).filter((f) => accept(f.unit));
    // The subject is often named once before a run of figures (新增肉牛养殖主体4000家，养殖量达到170万头).
    const before = i > 0 ? clauses[i - 1] : undefined;
    const prev = before && before.end + 1 === c.start && /[，,、：:]/.test(before.sep) ? before.text : '';
    const context = prev + c.text;
    // Only a clause that carries a figure of its own may borrow its neighbour's words.
    const score = Math.max(overlap(subject, c.text), prev && figures.length ? 0.8 * overlap(subject, context) : 0);
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && figures.length > 0 && !best.figure)) {
      // The lead (肉牛 vs 生猪) matters unless most of the wording agrees anyway.
      best = { clause: c, score, figure: figures[0], head: context.includes(head) && (context.includes(lead) || score >= 0.65) };
    }
  }
  return best;
}
