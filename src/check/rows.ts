/** A scorecard as spreadsheet rows (CSV/XLSX exports of CLI and API). */
import { VERDICT_LABELS } from '../vocab.js';
import type { Scorecard, Verdict } from './index.js';

export const SCORECARD_COLUMNS = [
  'key', 'source', 'headline', 'commitment', 'indicator', 'target_value', 'target_unit', 'qualifier', 'verdict', 'verdict_zh', 'current', 'machine_verdict',
  'reviewer', 'ruled_at', 'ruling_reason', 'confidence', 'reason_code', 'outcome', 'outcome_unit', 'evidence', 'rule', 'note',
] as const;

/** The verdicts as a Chinese reader sees them: the shared vocabulary's labels. */
export const VERDICT_ZH = Object.fromEntries(Object.entries(VERDICT_LABELS).map(([k, v]) => [k, v.zh])) as Record<Verdict, string>;

export function scorecardRows(card: Scorecard) {
  return card.items.map((i) => ({
    key: i.key, source: i.source, headline: i.headline ? 'yes' : 'no', commitment: i.commitment, indicator: i.indicator ?? '',
    target_value: i.target?.value ?? '', target_unit: i.target?.unit ?? '', qualifier: i.target?.qualifier ?? '', verdict: i.verdict,
    verdict_zh: VERDICT_ZH[i.verdict], current: i.current, machine_verdict: i.machine_verdict, reviewer: i.ruling?.reviewer ?? '', ruled_at: i.ruling?.ruled_at ?? '',
    ruling_reason: i.ruling?.reason ?? '', confidence: i.confidence, reason_code: i.reason.code,
    outcome: i.outcome ?? '', outcome_unit: i.outcome_unit ?? '', evidence: i.ruling?.evidence?.text ?? i.evidence?.text ?? '', rule: i.reason.text, note: i.note ?? '',
  }));
}
