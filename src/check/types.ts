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

/** A reviewer's signed ruling on an item, as the scorecard shows it. */
export interface ItemRuling {
  readonly verdict: Verdict;
  /** Why; required when the ruling differs from the machine's verdict. */
  readonly reason: string | null;
  /** The reviewer's account name. */
  readonly reviewer: string;
  /** ISO 8601 instant of the latest change. */
  readonly ruled_at: string;
  readonly version: number;
  /** The passage of the review report the reviewer picked instead of the machine's. */
  readonly evidence?: Evidence;
}

/** A ruling for the place and year whose item no longer appears (the promise is gone from the current reports or their reading). */
export interface OrphanedRuling {
  readonly key: string;
  readonly promise: string;
  readonly verdict: Verdict;
  readonly reason: string | null;
  readonly reviewer: string;
  readonly ruled_at: string;
}

export interface CheckItem {
  /** Stable across re-imports and re-extraction (see keys.ts): rulings and links use it. */
  readonly key: string;
  readonly source: 'target' | 'commitment';
  /** The promise's words. */
  readonly commitment: string;
  readonly plan_span: { start: number; end: number };
  readonly indicator?: string;
  readonly target?: { kind?: FactKind; value?: number; value_max?: number; unit?: string; qualifier?: Qualifier; scope?: string };
  readonly headline: boolean;
  readonly firmness?: 'hard' | 'soft' | 'neutral';
  /** The current verdict: the ruling's when there is one, else the machine's. */
  readonly verdict: Verdict;
  /** What the matcher said, whatever a reviewer ruled. */
  readonly machine_verdict: Verdict;
  readonly ruling: ItemRuling | null;
  /** Which verdict `verdict` is: a signed ruling, or the machine's proposal (机器初判). */
  readonly current: 'ruling' | 'machine';
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
  /** By current verdict. */
  readonly counts: Record<Verdict, number>;
  readonly items: CheckItem[];
  /** Items with a ruling. */
  readonly reviewed: number;
  /** Rulings whose item no longer appears, shown rather than dropped. */
  readonly orphaned: OrphanedRuling[];
}
