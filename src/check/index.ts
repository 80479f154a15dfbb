/**
 * Holding a report's promises (year N) against the next report's review of
 * year N. Pure: two documents in, a scorecard out, every verdict with its
 * evidence from both sides.
 */
import type { Commitment, Outcome, PartKind, Qualifier, Target } from '../model.js';
import { bestClause, clausesOf, joinLists, subjectOf, type Clause } from './match.js';
import { convert, unitFamily } from './units.js';
import { compare, type Verdict } from './verdict.js';

export type { Verdict } from './verdict.js';
import type { CheckItem, Evidence, Scorecard } from './types.js';
export type { CheckItem, Evidence, Scorecard };

type Located<T> = Omit<T, 'span'> & { start: number; end: number };

/** One side of the check, offsets relative to the document's own text. */
export interface CheckDocument {
  readonly id?: number;
  readonly label: string;
  readonly jurisdiction: string | null;
  readonly report_year: number | null;
  readonly text: string;
  readonly sections: readonly { part: PartKind; start: number }[];
  readonly targets: readonly Located<Target>[];
  readonly outcomes: readonly Located<Outcome>[];
  readonly commitments: readonly Located<Commitment>[];
}

/** Indicators that are related but not the same measure. */
const RELATED: Record<string, string[]> = {
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

const STRONG = 0.5;
const RELATED_SCORE = 0.34;

/**
 * [start, end) of the part that reviews the past year: before the plan
 * begins. Besides the extracted sections, a paragraph that announces the
 * report year's targets or work (2024年主要目标和重点工作, 今年…预期目标) ends
 * the review — digests and newspaper versions rarely number their parts.
 */
export function reviewRange(doc: CheckDocument): { start: number; end: number } {
  const sorted = [...doc.sections].sort((a, b) => a.start - b.start);
  const review = sorted.find((s) => s.part === 'review');
  const start = review ? review.start : 0;
  const plan = sorted.find((s) => s.part === 'plan' && s.start > start);
  let end = plan ? plan.start : doc.text.length;
  const y = doc.report_year;
  if (y !== null) {
    const announce = new RegExp(`(?:${y}年|今年)[^。\n]{0,12}(?:主要(?:预期)?目标|重点工作|工作安排|总体要求|预期目标)`);
    const reviewHeading = new RegExp(`${y - 1}年(?:工作)?(?:回顾|总结)`);
    let at = 0;
    for (const para of doc.text.split('\n')) {
      if (at > start && at < end && announce.test(para) && !reviewHeading.test(para)) {
        end = at;
        break;
      }
      at += para.length + 1;
    }
  }
  return { start, end };
}

function evidenceOf(o: { text: string; start: number; end: number }): Evidence {
  return { text: o.text, start: o.start, end: o.end };
}

function checkTarget(t: Located<Target>, outcomes: readonly Located<Outcome>[], year: number | null, clauses: Clause[], review: CheckDocument): CheckItem {
  const base = {
    source: 'target' as const,
    commitment: t.text,
    plan_span: { start: t.start, end: t.end },
    indicator: t.indicator,
    target: { kind: t.kind, value: t.value, value_max: t.value_max, unit: t.unit, qualifier: t.qualifier, scope: t.scope },
    headline: true,
    firmness: t.firmness,
  };
  const forYear = outcomes.filter((o) => o.year === null || year === null || o.year === year);
  const same = forYear.filter((o) => o.indicator === t.indicator);
  const revised = same.find((o) => /目标/.test(o.text) && o.value !== undefined && t.value !== undefined && o.value !== t.value);
  const figures = same.filter((o) => o.value !== undefined && !/目标/.test(o.text));
  const sameKind = figures.filter((o) => o.kind === t.kind && convert(o.value!, o.unit, t.unit) !== undefined);
  const pick = (list: Located<Outcome>[]) => list.find((o) => o.headline) ?? list[0];
  if (t.value !== undefined && sameKind.length) {
    const o = pick(sameKind);
    const value = convert(o.value!, o.unit, t.unit)!;
    const c = compare(t.value, t.qualifier, value, { indicator: t.indicator, targetMax: t.value_max });
    const scopeNote = t.scope && !o.scope ? `the result does not state the scope (${t.scope})` : t.scope && o.scope && t.scope !== o.scope ? `scope differs: promised ${t.scope}, reported ${o.scope}` : undefined;
    return { ...base, verdict: c.verdict, rule: c.rule, evidence: evidenceOf(o), outcome: o.value, outcome_unit: o.unit, estimated: o.estimated, ...(scopeNote ? { note: scopeNote } : {}), ...(revised ? { revised: { value: revised.value!, text: revised.text } } : {}) };
  }
  if (figures.length) {
    const o = pick(figures);
    return { ...base, verdict: 'not_comparable', rule: 'same indicator, but reported as a different kind or unit', evidence: evidenceOf(o), outcome: o.value, outcome_unit: o.unit, estimated: o.estimated, note: `promised ${t.kind} in ${t.unit ?? '—'}, reported ${o.kind} in ${o.unit ?? '—'}` };
  }
  const related = forYear.find((o) => (RELATED[t.indicator] ?? []).includes(o.indicator) && o.value !== undefined);
  if (related) {
    return { ...base, verdict: 'not_comparable', rule: 'a related indicator is reported instead', evidence: evidenceOf(related), outcome: related.value, outcome_unit: related.unit, estimated: related.estimated, note: `reported ${related.indicator}, not ${t.indicator}` };
  }
  // No extracted outcome: look for the words in the review part itself.
  const byWords = byClause(t.text, t.value, t.unit, t.qualifier, t.value_max, clauses, t.indicator);
  if (byWords) return { ...base, ...byWords };
  return { ...base, verdict: 'not_reported', rule: `the review of ${review.label} states no figure for this indicator` };
}

type ClauseVerdict = Pick<CheckItem, 'verdict' | 'rule' | 'evidence' | 'outcome' | 'outcome_unit' | 'note'>;

function byClause(text: string, value: number | undefined, unit: string | undefined, qualifier: Qualifier | undefined, valueMax: number | undefined, clauses: Clause[], indicator?: string, lists: Clause[] = clauses): ClauseVerdict | undefined {
  const subject = subjectOf(text);
  if (!subject) return undefined;
  if (value === undefined) {
    // A task without a figure: done when the review states the same task.
    const m = bestClause(subject, lists, () => false);
    if (m && m.score >= 0.6) return { verdict: 'met', rule: 'the review states the same task', evidence: { text: m.clause.text, start: m.clause.start, end: m.clause.end } };
    return undefined;
  }
  const family = unitFamily(unit)?.family;
  const m = bestClause(subject, clauses, (u) => (family ? unitFamily(u)?.family === family : u === unit));
  if (!m || m.score < RELATED_SCORE) return undefined;
  const evidence = { text: m.clause.text, start: m.clause.start, end: m.clause.end };
  if (m.figure && m.score >= STRONG && m.head) {
    const v = convert(m.figure.value, m.figure.unit, unit);
    if (v !== undefined) {
      const c = compare(value, qualifier, v, { indicator, targetMax: valueMax });
      return { verdict: c.verdict, rule: c.rule, evidence, outcome: m.figure.value, outcome_unit: m.figure.unit };
    }
  }
  if (m.figure) {
    return { verdict: 'not_comparable', rule: 'the review reports a related figure', evidence, outcome: m.figure.value, outcome_unit: m.figure.unit, note: `wording overlaps ${Math.round(m.score * 100)}%: a different measure or scope` };
  }
  return undefined;
}

function checkCommitment(c: Located<Commitment>, clauses: Clause[], lists: Clause[]): CheckItem {
  const base = {
    source: 'commitment' as const,
    commitment: c.text,
    plan_span: { start: c.start, end: c.end },
    ...(c.indicator ? { indicator: c.indicator } : {}),
    target: { value: c.value, value_max: c.value_max, unit: c.unit, qualifier: c.qualifier },
    headline: false,
    firmness: c.firmness,
  };
  const found = byClause(c.text, c.value, c.unit, c.qualifier, c.value_max, clauses, c.indicator, lists);
  return found ? { ...base, ...found } : { ...base, verdict: 'not_reported', rule: 'no clause of the review speaks of this task' };
}

export function checkPair(plan: CheckDocument, review: CheckDocument): Scorecard {
  const year = plan.report_year;
  const range = reviewRange(review);
  const clauses = clausesOf(review.text, range.start, range.end);
  const lists = joinLists(review.text, clauses);
  const outcomes = review.outcomes.filter((o) => o.start >= range.start && o.start < range.end);
  const items: CheckItem[] = [];
  for (const t of plan.targets) items.push(checkTarget(t, outcomes, year, clauses, review));
  const targetTexts = new Set(plan.targets.map((t) => t.text));
  const seen = new Set<string>();
  for (const c of plan.commitments) {
    // A passage copied into another section states the same promise once.
    if (targetTexts.has(c.text) || seen.has(c.text)) continue;
    seen.add(c.text);
    if (c.value === undefined && !c.livelihood && c.names.length === 0) continue;
    items.push(checkCommitment(c, clauses, lists));
  }
  const counts: Record<Verdict, number> = { met: 0, missed: 0, not_reported: 0, not_comparable: 0 };
  for (const i of items) counts[i.verdict]++;
  return {
    jurisdiction: plan.jurisdiction ?? review.jurisdiction,
    year,
    plan_report: { id: plan.id, label: plan.label, report_year: plan.report_year },
    review_report: { id: review.id, label: review.label, report_year: review.report_year },
    counts,
    items,
  };
}
