/**
 * The shapes a check answers with. Pure types, so the web app uses these
 * very definitions (type-only imports) instead of restating them.
 */
import type { FactKind, Qualifier } from '../model.js';
import type { Verdict } from './verdict.js';

export interface Evidence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface CheckItem {
  readonly source: 'target' | 'commitment';
  /** The promise's words. */
  readonly commitment: string;
  readonly plan_span: { start: number; end: number };
  readonly indicator?: string;
  readonly target?: { kind?: FactKind; value?: number; value_max?: number; unit?: string; qualifier?: Qualifier; scope?: string };
  readonly headline: boolean;
  readonly firmness?: 'hard' | 'soft' | 'neutral';
  readonly verdict: Verdict;
  /** The rule that settled it (左右 tolerance, 以上, …) or why none could. */
  readonly rule?: string;
  readonly evidence?: Evidence;
  readonly outcome?: number;
  readonly outcome_unit?: string;
  readonly estimated?: boolean;
  readonly note?: string;
  /** The later report states a different target for year N than this one set. */
  readonly revised?: { value: number; text: string };
}

export interface Scorecard {
  readonly jurisdiction: string | null;
  readonly year: number | null;
  readonly plan_report: { id?: number; label: string; report_year: number | null };
  readonly review_report: { id?: number; label: string; report_year: number | null };
  readonly counts: Record<Verdict, number>;
  readonly items: CheckItem[];
}
