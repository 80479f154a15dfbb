/**
 * The pure rules of the cascade: how a place's target stands against the one
 * set above it (the step), how big a raise is (the bucket), and how often the
 * targets of each bucket were met (the summary).
 */
import { compare } from '../check/verdict.js';
import type { Qualifier } from '../model.js';
import type { Bucket, CascadeCheck, Step, SummaryRow } from './schema.js';
import { BUCKETS, QUALIFIERS } from './schema.js';

/** The parts of a target a step looks at. */
export interface Figure {
  readonly kind: 'growth' | 'level' | 'qualitative';
  readonly value: number | null;
  readonly value_max: number | null;
  readonly unit: string | null;
  readonly qualifier: Qualifier | null;
  readonly scope: string | null;
}

export function asQualifier(s: string | null): Qualifier | null {
  return QUALIFIERS.find((q) => q === s) ?? null;
}

/** How each qualifier reads in a report (a plain figure has none). */
export const QUALIFIER_WORDS: Record<Qualifier, string> = { exact: 'plain figure', about: '左右', at_least: '以上', at_most: '以内', range: 'range' };

/**
 * Which way is better for a target. The verdict engine already knows ceilings
 * (失业率, CPI, 以内) and falls written as negative figures; asking it whether a
 * result far above the figure meets the target keeps that knowledge in one place.
 */
export function higherIsBetter(indicator: string, f: Figure): boolean {
  const v = f.value ?? 0;
  const q: Qualifier = f.qualifier === 'at_least' || f.qualifier === 'at_most' ? f.qualifier : 'exact';
  return compare(v, q, v + Math.abs(v) + 1, { indicator }).verdict === 'met';
}

/** The figure a result must reach (or, for a ceiling, stay under): a range's lower bound, or its upper bound for a ceiling. */
export function barOf(indicator: string, f: Figure): number | null {
  if (f.value === null) return null;
  if (f.qualifier === 'range' && f.value_max !== null && !higherIsBetter(indicator, f)) return f.value_max;
  return f.value;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function stated(f: Figure): boolean {
  return f.kind !== 'qualitative' && f.value !== null;
}

function qualifierWord(q: Qualifier | null): string {
  return q ? QUALIFIER_WORDS[q] : '—';
}

function blank(status: Step['status'], against: string | null, note: string | null = null): Step {
  return { status, against, points: null, raise: null, note };
}

/**
 * The step from the parent's target to the child's. Only rates are compared
 * (both in %, same kind): a county's 亿元 is not comparable with a province's.
 */
export function stepBetween(indicator: string, child: Figure, parent: Figure, against: string): Step {
  if (!stated(child)) return blank('qualitative', against, 'this level states no figure');
  if (!stated(parent)) return blank('qualitative', against, `${against} states no figure`);
  if (child.unit !== '%' || parent.unit !== '%' || child.kind !== parent.kind) {
    return blank('not_comparable', against, `${child.kind} in ${child.unit ?? '—'} here, ${parent.kind} in ${parent.unit ?? '—'} above`);
  }
  const points = round(barOf(indicator, child)! - barOf(indicator, parent)!);
  // The parent's target says which way is more demanding.
  const raise = round(higherIsBetter(indicator, parent) ? points : -points);
  const notes: string[] = [];
  if (child.qualifier !== parent.qualifier) notes.push(`qualifier ${qualifierWord(parent.qualifier)} → ${qualifierWord(child.qualifier)}`);
  if ((child.scope ?? '') !== (parent.scope ?? '')) notes.push(`scope ${parent.scope ?? '—'} → ${child.scope ?? '—'}`);
  const status = raise > 0 ? 'raised' : raise < 0 ? 'lowered' : 'same';
  return { status, against, points, raise, note: notes.length ? notes.join('; ') : null };
}

/** Raise sizes, in points above the parent (negative: below), with the bucket's words. */
export const BUCKET_RULES: Record<Bucket, { readonly en: string; readonly zh: string; readonly test: (raise: number) => boolean }> = {
  lower: { en: 'targets set below the parent', zh: '低于上级目标', test: (r) => r < 0 },
  same: { en: 'targets equal to the parent', zh: '与上级目标持平', test: (r) => r === 0 },
  up_to_half: { en: 'targets raised by up to 0.5 point above the parent', zh: '高于上级0.5个百分点以内', test: (r) => r > 0 && r <= 0.5 },
  half_to_one: { en: 'targets raised by more than 0.5 and less than 1 point above the parent', zh: '高于上级0.5至1个百分点', test: (r) => r > 0.5 && r < 1 },
  one_or_more: { en: 'targets raised by ≥1 point above the parent', zh: '高于上级1个百分点及以上', test: (r) => r >= 1 },
};

/** The bucket of a step compared in points; null for any other step. */
export function bucketOf(step: Step): Bucket | null {
  if (step.raise === null || !['raised', 'same', 'lowered'].includes(step.status)) return null;
  return BUCKETS.find((b) => BUCKET_RULES[b].test(step.raise!)) ?? null;
}

/** What the summary counts of a node. */
export interface Counted {
  readonly bucket: Bucket | null;
  readonly check: Pick<CascadeCheck, 'verdict'> | null;
  readonly unchecked: string | null;
}

/** For each raise size, how the targets fared; every bucket is listed, empty ones too. */
export function summarise(nodes: readonly Counted[]): SummaryRow[] {
  return BUCKETS.map((bucket) => {
    const row = { bucket, places: 0, met: 0, missed: 0, not_reported: 0, not_comparable: 0, needs_review: 0, partly_met: 0, unchecked: 0 };
    for (const n of nodes) {
      if (n.bucket !== bucket) continue;
      row.places++;
      if (n.check) row[n.check.verdict]++;
      else row.unchecked++;
    }
    return { ...row, line: summaryLine(row) };
  });
}

/** "targets raised by ≥1 point above the parent: 9 of 14 missed (2 not reported)". */
export function summaryLine(r: Omit<SummaryRow, 'line'>): string {
  const label = BUCKET_RULES[r.bucket].en;
  if (r.places === 0) return `${label}: none`;
  const decided = r.met + r.missed;
  const rest = [
    r.not_reported ? `${r.not_reported} not reported` : '',
    r.not_comparable ? `${r.not_comparable} not comparable` : '',
    r.needs_review ? `${r.needs_review} needing review` : '',
    r.partly_met ? `${r.partly_met} partly met` : '',
    r.unchecked ? `${r.unchecked} without a stored next report` : '',
  ].filter(Boolean);
  const head = decided ? `${r.missed} of ${decided} missed` : `${r.places} place${r.places > 1 ? 's' : ''}, none judged met or missed`;
  return `${label}: ${head}${rest.length ? ` (${rest.join(', ')})` : ''}`;
}
