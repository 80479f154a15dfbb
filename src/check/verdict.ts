/**
 * The verdict rules: how a reported figure settles a promised one.
 * met — the result reaches the promise (左右: within 0.5 point or 5% of it;
 * 以上/不低于: at or above; 以内/以下: at or below; a range: its lower bound);
 * missed — it falls short.
 */
import type { Qualifier } from '../model.js';

export type Verdict = 'met' | 'missed' | 'not_reported' | 'not_comparable';

export interface Comparison {
  readonly verdict: 'met' | 'missed';
  /** The rule applied, in words a reader can check. */
  readonly rule: string;
}

/** Indicators where less is better (a ceiling, not a floor). */
const CEILING = new Set(['unemployment_rate', 'cpi', 'energy_intensity', 'carbon_intensity', 'registered_unemployment', 'surveyed_unemployment']);

export function aboutTolerance(target: number): number {
  return Math.max(0.5, Math.abs(target) * 0.05);
}

export function compare(target: number, qualifier: Qualifier | undefined, outcome: number, opts: { indicator?: string; targetMax?: number } = {}): Comparison {
  const q = qualifier ?? 'exact';
  // A fall promised as a negative figure (能耗下降3%), a ceiling (失业率控制在5.5%以内): lower is better.
  const lowerIsBetter = q === 'at_most' || (opts.indicator !== undefined && CEILING.has(opts.indicator)) || (target < 0 && q !== 'at_least');
  if (q === 'about') {
    const tol = aboutTolerance(target);
    const ok = lowerIsBetter ? outcome <= target + tol : outcome >= target - tol;
    return { verdict: ok ? 'met' : 'missed', rule: `左右: ${lowerIsBetter ? 'at most' : 'at least'} ${fmt(lowerIsBetter ? target + tol : target - tol)} (tolerance ${fmt(tol)})` };
  }
  if (q === 'range') {
    const lo = target;
    const hi = opts.targetMax ?? target;
    const ok = lowerIsBetter ? outcome <= hi : outcome >= lo;
    return { verdict: ok ? 'met' : 'missed', rule: lowerIsBetter ? `range: at most the upper bound ${fmt(hi)}` : `range: at least the lower bound ${fmt(lo)}` };
  }
  if (lowerIsBetter) return { verdict: outcome <= target ? 'met' : 'missed', rule: `${q === 'at_most' ? '以内/以下' : 'a fall or ceiling'}: at most ${fmt(target)}` };
  return { verdict: outcome >= target ? 'met' : 'missed', rule: `${q === 'at_least' ? '以上/不低于' : 'as stated'}: at least ${fmt(target)}` };
}

function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
