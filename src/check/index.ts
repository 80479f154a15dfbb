/**
 * Holding a report's promises (year N) against the next report's review of
 * year N. Pure: two documents in, a scorecard out, every verdict with its
 * evidence from both sides.
 */
import type { Commitment, Outcome, PartKind, Target } from '../model.js';
import { judgeCommitment, judgeTarget, type Judgement } from './judge.js';
import { readReview, type Reading } from './observations.js';
import type { Verdict } from './verdict.js';

export type { Verdict } from './verdict.js';
import { documentHash, itemKeys } from './keys.js';
import type { CheckItem, Evidence, ItemRuling, OrphanedRuling, Scorecard } from './types.js';
export type { CheckItem, Evidence, ItemRuling, OrphanedRuling, Scorecard };

/** An item as the matcher leaves it: no key or ruling yet (checkPair adds them). */
type Judged = Omit<CheckItem, 'key' | 'machine_verdict' | 'ruling' | 'current'>;

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

/**
 * [start, end) of the part that reviews the past year: before the plan
 * begins. Besides the extracted sections, a paragraph that announces the
 * report year's targets or work (2024年主要目标和重点工作, 今年…预期目标) ends
 * the review — digests and newspaper versions rarely number their parts.
 */
export function reviewRange(doc: CheckDocument): { start: number; end: number } {
  const sorted = [...doc.sections].sort((a, b) => a.start - b.start);
  const y = doc.report_year;
  // A heading that names the report year's work (2023年主要工作) opens the plan even when marked as review.
  const announce = y === null ? null : new RegExp(`(?:${y}年|今年)[^。\n]{0,12}(?:主要(?:预期)?目标|重点工作|主要工作|工作安排|总体要求|预期目标|工作任务)`);
  const opensPlan = (at: number) => announce !== null && announce.test(doc.text.slice(at, at + 40).split('\n')[0]);
  const review = sorted.find((s) => s.part === 'review' && !opensPlan(s.start));
  const start = review ? review.start : 0;
  const plan = sorted.find((s) => (s.part === 'plan' || (s.part === 'review' && opensPlan(s.start))) && s.start > start);
  let end = plan ? plan.start : doc.text.length;
  if (y !== null && announce) {
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

function item(base: Omit<Judged, 'verdict' | 'reason' | 'confidence' | 'rule'>, j: Judgement): Judged {
  return {
    ...base,
    verdict: j.verdict,
    reason: j.reason,
    confidence: Math.round(j.confidence * 100) / 100,
    rule: j.reason.text,
    ...(j.evidence ? { evidence: j.evidence } : {}),
    ...(j.outcome !== undefined ? { outcome: j.outcome, outcome_unit: j.outcome_unit } : {}),
    ...(j.estimated ? { estimated: true } : {}),
  };
}

function checkTarget(t: Located<Target>, R: Reading, revised: Located<Outcome> | undefined, year: number | null): Judged {
  const base = {
    source: 'target' as const,
    commitment: t.text,
    plan_span: { start: t.start, end: t.end },
    indicator: t.indicator,
    target: { kind: t.kind, value: t.value, value_max: t.value_max, unit: t.unit, qualifier: t.qualifier, scope: t.scope },
    headline: true,
    firmness: t.firmness,
    ...(revised && revised.value !== undefined ? { revised: { value: revised.value, text: revised.text } } : {}),
  };
  return item(base, judgeTarget(t, R, year));
}

function checkCommitment(c: Located<Commitment>, R: Reading, year: number | null): Judged {
  const base = {
    source: 'commitment' as const,
    commitment: c.text,
    plan_span: { start: c.start, end: c.end },
    ...(c.indicator ? { indicator: c.indicator } : {}),
    target: { value: c.value, value_max: c.value_max, unit: c.unit, qualifier: c.qualifier },
    headline: false,
    firmness: c.firmness,
  };
  return item(base, judgeCommitment({ text: c.text, indicator: c.indicator, value: c.value, value_max: c.value_max, unit: c.unit, qualifier: c.qualifier, sentence: c.sentence }, R, year));
}

/**
 * Headings and the plan report's own review are not promises (重点抓好以下十二个方面,
 * last year's 增长19%) — unless the same words also stand in the plan part, as
 * when a digest repeats a passage.
 */
function isPromise(c: Located<Commitment>, plan: CheckDocument, planReview: { start: number; end: number }): boolean {
  if (/以下[一二三四五六七八九十\d]+个方面|以下几个方面/.test(c.text)) return false;
  if (c.start >= planReview.start && c.start < planReview.end) return plan.text.indexOf(c.text, planReview.end) >= 0;
  return true;
}

export function checkPair(plan: CheckDocument, review: CheckDocument): Scorecard {
  const year = plan.report_year;
  const range = reviewRange(review);
  const R = readReview(review.text, range, year ?? (review.report_year !== null ? review.report_year - 1 : null));
  // The later report restating the year's target with another figure (调整为…目标).
  const outcomes = review.outcomes.filter((o) => o.start >= range.start && o.start < range.end);
  const judged: Judged[] = [];
  for (const t of plan.targets) {
    const revised = outcomes.find((o) => o.indicator === t.indicator && /目标/.test(o.text) && o.value !== undefined && t.value !== undefined && o.value !== t.value);
    judged.push(checkTarget(t, R, revised, year));
  }
  const targetTexts = new Set(plan.targets.map((t) => t.text));
  const planReview = plan.sections.some((s) => s.part === 'plan') ? reviewRange(plan) : { start: 0, end: 0 };
  const seen = new Set<string>();
  for (const c of plan.commitments) {
    if (!isPromise(c, plan, planReview)) continue;
    // A passage copied into another section states the same promise once.
    if (targetTexts.has(c.text) || seen.has(c.text)) continue;
    seen.add(c.text);
    if (c.value === undefined && !c.livelihood && c.names.length === 0) continue;
    judged.push(checkCommitment(c, R, year));
  }
  const keys = itemKeys(documentHash(plan.text), judged);
  const items: CheckItem[] = judged.map((j, k) => ({ key: keys[k], ...j, machine_verdict: j.verdict, ruling: null, current: 'machine' }));
  return {
    jurisdiction: plan.jurisdiction ?? review.jurisdiction,
    year,
    plan_report: { id: plan.id, label: plan.label, report_year: plan.report_year },
    review_report: { id: review.id, label: review.label, report_year: review.report_year },
    counts: countVerdicts(items),
    items,
    reviewed: 0,
    orphaned: [],
  };
}

/** Items per current verdict, every verdict present. */
export function countVerdicts(items: readonly { verdict: Verdict }[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { met: 0, missed: 0, not_reported: 0, not_comparable: 0, needs_review: 0, partly_met: 0 };
  for (const i of items) counts[i.verdict]++;
  return counts;
}
