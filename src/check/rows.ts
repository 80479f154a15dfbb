/** A scorecard as spreadsheet rows (CSV/XLSX exports of CLI and API). */
import type { Scorecard, Verdict } from './index.js';

export const SCORECARD_COLUMNS = ['source', 'headline', 'commitment', 'indicator', 'target_value', 'target_unit', 'qualifier', 'verdict', 'verdict_zh', 'confidence', 'reason_code', 'outcome', 'outcome_unit', 'evidence', 'rule', 'note'] as const;

/** The verdicts as a Chinese reader sees them. */
export const VERDICT_ZH: Record<Verdict, string> = { met: '达成', missed: '未达成', not_reported: '未提及', not_comparable: '不可比', needs_review: '待核实' };

export function scorecardRows(card: Scorecard) {
  return card.items.map((i) => ({
    source: i.source, headline: i.headline ? 'yes' : 'no', commitment: i.commitment, indicator: i.indicator ?? '',
    target_value: i.target?.value ?? '', target_unit: i.target?.unit ?? '', qualifier: i.target?.qualifier ?? '', verdict: i.verdict,
    verdict_zh: VERDICT_ZH[i.verdict], confidence: i.confidence, reason_code: i.reason.code,
    outcome: i.outcome ?? '', outcome_unit: i.outcome_unit ?? '', evidence: i.evidence?.text ?? '', rule: i.reason.text, note: i.note ?? '',
  }));
}

