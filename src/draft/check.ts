/**
 * Nothing unsourced: every number written in a draft must be one its run
 * cites a source for — in the source's quoted text or among the figures it
 * states as fields — and the opening's counts must be the counts of the
 * tasks the draft lists. Pure; the routes refuse to hand out a draft that
 * fails it.
 */
import { FINAL_STATES, type Draft, type Run } from './schema.js';

export interface DraftProblem {
  /** Where in the draft: title, opening, section 2, unfinished, livelihood. */
  readonly where: string;
  readonly text: string;
  readonly reason: string;
}

/** Arabic numbers as written (32.95, 2024, 06): dates and counts are figures too. */
const NUMBER = /\d+(?:\.\d+)?/g;

export function numbersIn(text: string): number[] {
  return (text.match(NUMBER) ?? []).map(Number);
}

export function checkDraft(d: Draft): DraftProblem[] {
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  const known = new Map(d.sources.map((s) => [s.id, new Set([...numbersIn(s.text), ...s.figures])]));
  const out: DraftProblem[] = [];
  const runs = (where: string, list: readonly Run[]) => {
    for (const r of list) {
      for (const id of r.cite) if (!sources.has(id)) out.push({ where, text: r.text, reason: `cites ${id}, which the draft does not list` });
      for (const n of numbersIn(r.text)) {
        if (!r.cite.some((id) => known.get(id)?.has(n))) out.push({ where, text: r.text, reason: r.cite.length ? `${n} is in none of ${r.cite.join(', ')}` : `${n} cites no source` });
      }
    }
  };
  runs('title', d.title);
  runs('opening', d.opening);
  d.sections.forEach((s, i) => {
    runs(`section ${i + 1}`, s.heading);
    for (const it of s.items) runs(`section ${i + 1}`, it.runs);
  });
  for (const it of d.unfinished) runs('unfinished', it.runs);
  for (const it of d.livelihood) runs('livelihood', it.runs);

  const items = d.sections.flatMap((s) => s.items);
  const { summary } = d;
  if (items.length !== summary.total) out.push({ where: 'opening', text: String(summary.total), reason: `the draft lists ${items.length} tasks` });
  for (const s of FINAL_STATES) {
    const n = items.filter((i) => i.state === s).length;
    if (n !== summary.counts[s]) out.push({ where: 'opening', text: `${s} ${summary.counts[s]}`, reason: `the draft lists ${n} tasks in that state` });
  }
  return out;
}
