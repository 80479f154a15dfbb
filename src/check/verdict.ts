/**
 * The verdict rules: how a reported figure settles a promised one
 * (shared/gold/SCHEMA.md, "Verdict sets").
 * - A floor: a plain figure (增长6.5%) and 以上/不低于/突破 are met at or above
 *   the figure; 左右 allows 0.5 point below for a rate or growth (%), 5% below
 *   for an amount; a range is met at its lower bound.
 * - A ceiling: CPI, unemployment rates and 以内/以下/不超过 are met at or below
 *   the figure (+0.5 point or 5% for 左右).
 * - A fall is a negative figure and the qualifier applies to the size of the
 *   fall: 能耗下降3%以上 (−3, at_least) is met by any fall of 3% or more.
 */
import type { Qualifier } from '../model.js';

/**
 * needs_review // 待核实: a figure was found but the reading is not sure
 * enough to say met or missed.
 */
import { VERDICTS, type Verdict } from '../vocab.js';

export { VERDICTS, type Verdict };

export interface Comparison {
  readonly verdict: 'met' | 'missed';
  /** floor: at least `bound`; ceiling: at most `bound`. */
  readonly direction: 'floor' | 'ceiling';
  readonly bound: number;
  /** The 左右 allowance that moved the bound (0 when none). */
  readonly tolerance: number;
  /** The rule applied, in words a reader can check. */
  readonly rule: string;
}

/** Indicators where less is better: their figure is a ceiling. */
const CEILING = new Set(['unemployment_rate', 'cpi', 'energy_intensity', 'carbon_intensity']);

/** 左右: 0.5 point for a rate or growth in %, 5% of the figure for an amount or count. */
export function aboutTolerance(target: number, unit?: string): number {
  if (unit === undefined || unit === '%' || unit === '个百分点' || unit === '‰') return 0.5;
  return Math.abs(target) * 0.05;
}

export function compare(target: number, qualifier: Qualifier | undefined, outcome: number, opts: { indicator?: string; targetMax?: number; unit?: string } = {}): Comparison {
  const q = qualifier ?? 'exact';
  // A promised fall (能耗下降3%, stored −3) is met by a fall at least as deep, whatever its qualifier.
  const fall = target < 0 && q !== 'at_most';
  const ceiling = !fall && (q === 'at_most' || (opts.indicator !== undefined && CEILING.has(opts.indicator)));
  const tol = q === 'about' ? aboutTolerance(target, opts.unit) : 0;
  if (fall) {
    const bound = target + tol;
    return done(outcome <= bound + 1e-9, 'ceiling', bound, tol, `a fall of at least ${fmt(-bound)}`);
  }
  if (ceiling) {
    const top = q === 'range' ? (opts.targetMax ?? target) : target;
    const bound = top + tol;
    return done(outcome <= bound + 1e-9, 'ceiling', bound, tol, `at most ${fmt(bound)}`);
  }
  const bound = target - tol;
  return done(outcome >= bound - 1e-9, 'floor', bound, tol, q === 'range' ? `at least the lower bound ${fmt(bound)}` : `at least ${fmt(bound)}`);
}

function done(ok: boolean, direction: 'floor' | 'ceiling', bound: number, tolerance: number, rule: string): Comparison {
  return { verdict: ok ? 'met' : 'missed', direction, bound, tolerance, rule: tolerance ? `${rule} (左右, tolerance ${fmt(tolerance)})` : rule };
}

export function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
