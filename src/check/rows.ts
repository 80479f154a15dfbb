/** A scorecard as spreadsheet rows (CSV/XLSX exports of CLI and API). */
import type { Scorecard } from './index.js';

export const SCORECARD_COLUMNS = ['source', 'headline', 'commitment', 'indicator', 'target_value', 'target_unit', 'qualifier', 'verdict', 'outcome', 'outcome_unit', 'evidence', 'rule', 'note'] as const;

export function scorecardRows(card: Scorecard) {
  return card.items.map((i) => ({
    source: i.source, headline: i.headline ? 'yes' : 'no', commitment: i.commitment, indicator: i.indicator ?? '',
    target_value: i.target?.value ?? '', target_unit: i.target?.unit ?? '', qualifier: i.target?.qualifier ?? '', verdict: i.verdict,
    outcome: i.outcome ?? '', outcome_unit: i.outcome_unit ?? '', evidence: i.evidence?.text ?? '', rule: i.rule ?? '', note: i.note ?? '',
  }));
}

