/** A scorecard as spreadsheet rows (CSV/XLSX exports of CLI and API): one column list, Chinese headers and verdict names, verdict colours. */
import { col, type Column } from '../export/table.js';
import { indicatorCell } from '../export/facts.js';
import { FACT_LABELS, QUALIFIER_LABELS, VERDICT_COLOURS, VERDICT_LABELS, type Lang } from '../vocab.js';
import type { Scorecard } from './index.js';

export interface ScorecardRow {
  source: string;
  headline: boolean;
  commitment: string;
  indicator: string;
  target_value: number | null;
  target_unit: string;
  qualifier: string;
  verdict: string;
  confidence: number;
  reason_code: string;
  outcome: number | null;
  outcome_unit: string;
  evidence: string;
  rule: string;
  note: string;
}

export const SCORECARD_COLUMNS: readonly Column<ScorecardRow>[] = [
  col('source', '来源', 'source', { labels: FACT_LABELS }),
  col('headline', '主要指标', 'headline'),
  col('commitment', '承诺', 'commitment', { type: 'long' }),
  col('indicator', '指标', 'indicator'),
  col('target_value', '目标值', 'target_value', { type: 'number' }),
  col('target_unit', '目标单位', 'target_unit'),
  col('qualifier', '限定', 'qualifier', { labels: QUALIFIER_LABELS }),
  col('verdict', '结论', 'verdict', { labels: VERDICT_LABELS, fills: VERDICT_COLOURS }),
  col('confidence', '把握程度', 'confidence', { type: 'percent' }),
  col('reason_code', '判定依据代码', 'reason_code'),
  col('outcome', '实绩值', 'outcome', { type: 'number' }),
  col('outcome_unit', '实绩单位', 'outcome_unit'),
  col('evidence', '次年报告原文', 'evidence', { type: 'long' }),
  col('rule', '判定理由', 'rule', { type: 'long' }),
  col('note', '备注', 'note'),
];

export function scorecardRows(card: Scorecard, lang: Lang = 'zh'): ScorecardRow[] {
  return card.items.map((i) => ({
    source: i.source, headline: i.headline, commitment: i.commitment, indicator: indicatorCell(i.indicator, lang),
    target_value: i.target?.value ?? null, target_unit: i.target?.unit ?? '', qualifier: i.target?.qualifier ?? '', verdict: i.verdict,
    confidence: i.confidence, reason_code: i.reason.code, outcome: i.outcome ?? null, outcome_unit: i.outcome_unit ?? '',
    evidence: i.evidence?.text ?? '', rule: i.reason.text, note: i.note ?? '',
  }));
}
