/**
 * Outcomes pass: results stated in the review part. Items of the passage that
 * sums up the review year's main indicators are marked `headline`. Only the
 * review part yields outcomes: the plan part's figures are next year's.
 */
import type { Source } from '../ingest/source.js';
import type { Outcome } from '../model.js';
import { parseItems, splitClauses, splitSentences, type Item, figureOf } from './items.js';
import { isCanonical } from './indicators.js';
import type { Structure } from './structure.js';

/**
 * A paragraph about a whole plan period: its first sentence names the period
 * (五年来…, 过去的五年是…的五年, “十三五”时期…); its figures are the period's.
 */
const PERIOD_PARAGRAPH = /^[ ]*(?:——)?(?:五年来|过去(?:的)?五年|这五年|五年间|“?十[一二三四五六]五”?(?:时期|期间|以来))/;
const firstSentence = (t: string) => t.slice(0, (t.search(/[。！？!?]/) + 1) || t.length);
/** The title of a review of a whole plan period (一、过去五年工作回顾, “十三五”时期…回顾). */
const PERIOD_TITLE = /十[一二三四五六]五|五年/;
/** A paragraph that turns to the review year: 过去一年，…; 2020年，…; 去年…; 这一年…. */
const YEAR_OPENER = /^[ ]*(?:——)?(?:过去(?:的)?一年|刚刚过去的(?:一年|(?:19|20)\d\d年)|(?:19|20)\d\d年[，,是]|去年|这一年|一年来)/;
const LONG_TERM = /五年来|过去五年|年均|以来累计|2035/;
const INTRO_END = /做了以下|抓了以下|以下几个方面|以下工作|以下几方面|着力抓了|重点抓了|主要做了|主要抓了/;

/**
 * A sentence in a journalist's or commentator's voice (a news article or digest about a
 * report: "记者注意到，…", "据了解，…", "业内人士认为…"): its figures are not the report's
 * results.
 */
const COMMENTARY = /记者|笔者|本报讯|编者按|业内人士|分析人士|专家(?:认为|表示|指出|分析)|据了解|据悉|网友/;

interface Sent {
  readonly start: number; // document-relative
  readonly end: number;
  readonly text: string;
  readonly para: number;
  readonly items: Item[];
  /** Items whose clause states a plan-period figure, not the year's. */
  readonly longTerm: ReadonlySet<Item>;
}

/**
 * A clause of a plan-period figure: an average (年均增长), a cumulative total
 * (累计完成), a multiple or change against the period's base year (是2015年的1.2倍,
 * 比“十二五”末增长52%). Such a figure is never the review year's own.
 */
const PERIOD_CLAUSE = /年均|累计|五年|是(?:19|20)\d\d年的|(?:比|较)“?十[一二三四五六]五”?末|(?:比|较)(?:19|20)\d\d年/;

function longTermItems(sentence: string, items: Item[]): Set<Item> {
  const out = new Set<Item>();
  if (items.length === 0) return out; // most sentences state no figure: nothing to cut into clauses
  const clauses = splitClauses(sentence);
  for (const it of items) {
    const cl = clauses.find((c) => it.end > c.start && it.end <= c.end);
    if (cl && PERIOD_CLAUSE.test(cl.text)) out.add(it);
  }
  return out;
}

function canonicalFigures(items: Item[]): number {
  return items.filter((i) => isCanonical(i.indicator) && i.kind !== 'qualitative').length;
}

function qualitativeResults(items: Item[]): number {
  return items.filter((i) => isCanonical(i.indicator) && i.kind === 'qualitative').length;
}

/**
 * A summary sentence states its figures at once; a sentence that reaches its
 * first main-indicator figure only after a long account of measures ("全面落实…
 * 政策，先后出台…措施，成立…，开展…活动，…全年规上工业增加值增长4.7%") is the
 * work narrative that follows the summary, and ends the headline run.
 */
const NARRATIVE_LEAD = 80;

/** Characters of text before the first figure of a main indicator in the sentence. */
function narrativeLead(s: Sent): number {
  const firsts = s.items.filter((i) => isCanonical(i.indicator) && i.kind !== 'qualitative').map((i) => i.start);
  return firsts.length ? Math.min(...firsts) : s.text.length;
}

export interface HeadlineRange {
  readonly start: number;
  readonly end: number;
}

export function extractOutcomes(source: Source, base: number, text: string, structure: Structure, targetStart: number | null): { outcomes: Outcome[]; headline: HeadlineRange | null } {
  const review = structure.parts.find((p) => p.kind === 'review');
  const plan = structure.parts.find((p) => p.kind === 'plan');
  const preamble = structure.parts.find((p) => p.kind === 'preamble');
  let from = preamble ? preamble.start - base : review ? review.start - base : 0;
  let to = plan ? plan.start - base : review ? review.end - base : targetStart ?? text.length;
  if (targetStart !== null && targetStart > from && targetStart < to) to = Math.min(to, lineStart(text, targetStart));
  if (to <= from) return { outcomes: [], headline: null };

  const sents: Sent[] = [];
  const paras = structure.paragraphs.filter((p) => p.start - base >= from && p.end - base <= to);
  paras.forEach((p, pi) => {
    const all = parseItems(p.text, { mode: 'outcome' });
    for (const s of splitSentences(p.text)) {
      // only a sentence that states an item needs the commentary test (most state none)
      const own = all.length === 0 ? all : all.filter((it) => it.start >= s.start && it.start < s.end);
      const items = own.length === 0 || COMMENTARY.test(s.text) ? [] : own.map((it) => ({ ...it, start: it.start - s.start, end: it.end - s.start }));
      sents.push({ start: p.start - base + s.start, end: p.start - base + s.end, text: s.text, para: pi, items, longTerm: longTermItems(s.text, items) });
    }
  });

  // the intro of the review: up to its first sub-heading or "主要做了以下工作"
  let introEnd = sents.length;
  for (let i = 0; i < sents.length; i++) {
    if (INTRO_END.test(sents[i].text)) { introEnd = i; break; }
  }
  const firstSub = structure.headings.find((h) => h.level >= 2 && h.start - base > from && h.start - base < to);
  if (firstSub) {
    const k = sents.findIndex((s) => s.start >= firstSub.start - base);
    if (k >= 0 && k < introEnd) introEnd = k;
  }
  const isAnchor = (s: Sent) => canonicalFigures(s.items) >= 1 && !LONG_TERM.test(s.text) && !PERIOD_PARAGRAPH.test(firstSentence(paras[s.para].text));
  const span = (s: Sent) => /从\d{4}年[^，。；]*到\d{4}年/.test(s.text);
  const firstIn = (ok: (s: Sent) => boolean): number => {
    for (let i = 0; i < introEnd; i++) if (ok(sents[i])) return i;
    return -1;
  };
  // a report opening a plan period with no summary of the year: figures explicitly dated to
  // the review year inside the five-year passage ("2020年全区生产总值达到X亿元，是2015年的1.2倍")
  // count; they outrank a lone figure of a later section, not a sentence of two main figures
  const reviewYear = structure.reviewYear;
  const dated = (s: Sent) => reviewYear !== null && s.text.includes(`${reviewYear}年`) && canonicalFigures(s.items.filter((it) => !s.longTerm.has(it))) >= 2;
  let periodOnly = false;
  // a review of a plan period that turns to the year ("过去五年…" then "过去一年，…"): the
  // year's summary is the paragraph that names the year, whatever figures come before it
  const periodReview = review !== undefined && PERIOD_TITLE.test(text.slice(review.start - base).split('\n')[0]);
  const yearTurn = periodReview ? sents.findIndex((s, i) => i < introEnd && s.start === paras[s.para].start - base && YEAR_OPENER.test(s.text)) : -1;
  const pass1 = (s: Sent) => isAnchor(s) && canonicalFigures(s.items) >= 2 && !span(s);
  let anchor = yearTurn >= 0 ? sents.findIndex((s, i) => i >= yearTurn && i < introEnd && pass1(s)) : -1;
  if (anchor < 0) anchor = firstIn(pass1);
  if (anchor < 0) {
    anchor = firstIn(dated);
    periodOnly = anchor >= 0;
  }
  if (anchor < 0) anchor = firstIn((s) => isAnchor(s) && !span(s));
  if (anchor < 0) anchor = firstIn(isAnchor);
  // no figure in the intro: a sentence of the intro that states two main results in words
  // ("经济实现正增长，脱贫攻坚战取得全面胜利") is the summary, before any figure of a later section
  if (anchor < 0) anchor = firstIn((s) => qualitativeResults(s.items) >= 2);

  if (anchor < 0) {
    for (let i = 0; i < sents.length; i++) if (isAnchor(sents[i]) && canonicalFigures(sents[i].items) >= 2) { anchor = i; break; }
  }
  while (anchor > 0 && sents[anchor - 1].para === sents[anchor].para && isAnchor(sents[anchor - 1])) anchor--;
  const headlineIdx = new Set<number>();
  if (anchor >= 0) {
    const pi = sents[anchor].para;
    const block = periodOnly ? null : dashBlock(paras, pi);
    if (block !== null) {
      // a summary block of ——paragraphs: take all of it
      sents.forEach((s, i) => { if (s.para >= pi && s.para <= block && i >= anchor && !INTRO_END.test(s.text)) headlineIdx.add(i); });
    } else {
      let misses = 0;
      for (let i = anchor; i < sents.length && sents[i].para === sents[anchor].para; i++) {
        if (sents[i].items.length === 0) {
          misses++;
          if (misses >= 2) break;
          continue;
        }
        if (LONG_TERM.test(sents[i].text) && i > anchor) break;
        if (i > anchor && narrativeLead(sents[i]) > NARRATIVE_LEAD) break;
        misses = 0;
        headlineIdx.add(i);
      }
    }
  }
  const outcomes: Outcome[] = [];
  let hStart = -1;
  let hEnd = -1;
  sents.forEach((s, i) => {
    const inPassage = headlineIdx.has(i);
    if (inPassage) {
      if (hStart < 0) hStart = s.start;
      hEnd = s.end;
    }
    for (const it of s.items) {
      const headline = inPassage && !(periodOnly && s.longTerm.has(it));
      if (!headline && it.kind === 'qualitative') continue;
      const start = s.start + Math.max(0, it.start);
      outcomes.push({
        ...figureOf(it, source, base, text, start, s.start + it.end),
        year: structure.reviewYear,
        estimated: it.estimated,
        headline,
      });
    }
  });
  return { outcomes, headline: hStart >= 0 ? { start: hStart, end: hEnd } : null };
}

/**
 * A run of ——paragraphs from `pi` is a summary block ("——经济运行稳中有进。
 * 地区生产总值增长X%…" then "——民生持续改善。…") when it is a small part of
 * the review; when the ——paragraphs make up most of the review they are its
 * thematic sections ("——一年来，我们把稳增长作为中心工作…"), and only the
 * opening run of the first one sums up the year. Returns the block's last
 * paragraph, or null when `pi` opens no summary block.
 */
export function dashBlock(paras: readonly { text: string }[], pi: number): number | null {
  if (!/^[ ]*—/.test(paras[pi]?.text ?? '')) return null;
  let last = pi;
  while (last + 1 < paras.length && (/^[ ]*—/.test(paras[last + 1].text) || paras[last].text.trim().length < 12)) last++;
  const run = paras.slice(pi, last + 1).reduce((n, p) => n + p.text.length, 0);
  const all = paras.reduce((n, p) => n + p.text.length, 0);
  return run * 2 > all ? null : last;
}

function lineStart(text: string, at: number): number {
  const i = text.lastIndexOf('\n', at - 1);
  return i < 0 ? 0 : i + 1;
}
