/**
 * Targets pass: finds the main expected-targets passage (主要预期目标是：…)
 * and reads every item of it.
 */
import type { Source } from '../ingest/source.js';
import type { Target } from '../model.js';
import { parseItems, splitSentences, type Item, figureOf } from './items.js';
import { partAt, type Structure } from './structure.js';

/**
 * The lead-in of the targets passage: "<qualifier>目标是：" with the qualifiers reports
 * use across eras (主要预期目标, 预定目标, 初定预期目标, 奋斗目标, 基本目标 …).
 */
const LEAD_IN = /(?:主要预期|初定预期|预期性|主要奋斗|主要发展|预期|主要|预定|奋斗|基本|发展)目标(?:建议)?(?:是|为|如下)?[:：]?/g;
/** Lead-in sentences about five-year plans or the long term. */
const LONG_TERM = /十[一二三四五六]五|五年|年均|2035|远景|规划纲要|今后五年/;
const PERIOD_GOAL = /年均|累计|翻一番|翻两番/g;
/** Sentences after the items that comment on them. */
const COMMENTARY = /^[ ]*(?:上述|这些|实现上述|实现这些|提出|主要考虑|综合考虑|这个|这一|这是|设定|需要|之所以|其中[，,]?考虑|同时[，,]?要|为实现|实现以上|目标设定)/;

export interface TargetPassage {
  readonly start: number;
  readonly end: number;
  readonly items: Item[];
}

function sentenceBefore(text: string, at: number): string {
  const from = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
  return text.slice(from, at);
}

/** Reads a candidate passage that starts at `from` (document-relative). */
function readPassage(text: string, from: number): TargetPassage {
  const paraEnd = (() => {
    const i = text.indexOf('\n', from);
    return i < 0 ? text.length : i;
  })();
  const items: Item[] = [];
  let end = from;
  const sents = splitSentences(text.slice(from, paraEnd));
  for (let k = 0; k < sents.length; k++) {
    const s = sents[k];
    if (k > 0 && COMMENTARY.test(s.text)) break;
    const its = parseItems(s.text, { mode: 'target' });
    if (k > 0 && its.length === 0) break;
    for (const it of its) items.push({ ...it, start: it.start + from + s.start, end: it.end + from + s.start });
    end = from + s.end;
  }
  // a separate closing sentence in the next paragraph (不折不扣完成…约束性指标任务)
  return { start: from, end, items: dedupeAcross(items) };
}

function dedupeAcross(items: Item[]): Item[] {
  const seen = new Set<string>();
  return items.filter((it) => {
    const k = it.kind === 'qualitative' ? `${it.indicator}|q` : `${it.indicator}|${it.kind}|${it.value}|${it.unit}|${it.qualifier}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function findTargetPassage(text: string, structure: Structure, base: number): TargetPassage | null {
  let best: { p: TargetPassage; score: number } | null = null;
  LEAD_IN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LEAD_IN.exec(text))) {
    const lead = sentenceBefore(text, m.index) + m[0];
    const from = m.index + m[0].length;
    const p = readPassage(text, from);
    const figures = p.items.filter((i) => i.kind !== 'qualitative').length;
    const canonical = p.items.filter((i) => !i.indicator.startsWith('other:')).length;
    if (canonical < 2 || figures < 1) continue;
    // goals for a plan period (年均增长6%, 五年累计投资, 比某年翻一番): not the year's targets
    const periodWords = (text.slice(p.start, p.end).match(PERIOD_GOAL) ?? []).length;
    if (periodWords * 2 >= figures) continue;
    let score = canonical + figures * 0.5;
    if (LONG_TERM.test(lead)) score -= 20;
    if (/今年|明年|\d{4}年/.test(lead)) score += 2;
    const part = partAt(structure, base + m.index);
    if (part === 'plan') score += 3;
    if (part === 'review') score -= 3;
    if (p.items.some((i) => i.estimated)) score -= 5;
    if (!best || score > best.score) best = { p, score };
  }
  return best ? best.p : null;
}

export function extractTargets(source: Source, base: number, text: string, structure: Structure): { targets: Target[]; passage: TargetPassage | null } {
  const passage = findTargetPassage(text, structure, base);
  if (!passage) return { targets: [], passage: null };
  const targets: Target[] = passage.items.map((it) => {
    const t: Target = {
      ...figureOf(it, source, base, text, it.start, it.end),
      year: structure.planYear,
      ...(it.firmness ? { firmness: it.firmness } : {}),
    };
    return t;
  });
  return { targets, passage };
}
