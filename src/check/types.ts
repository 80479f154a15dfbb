/**
 * The shapes a check answers with. Pure types, so the web app uses these
 * very definitions (type-only imports) instead of restating them.
 */
import type { FactKind, Qualifier } from '../model.js';
import type { Reason } from './reasons.js';
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
  /** Why: a stable code, the figures it rests on, and the sentence for readers. */
  readonly reason: Reason;
  /** 0..1: how sure the reading is; a met or missed below the threshold is shown as needs_review. */
  readonly confidence: number;
  /** The reason in words (Chinese), kept for readers of older exports. */
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
