/** A scorecard as spreadsheet rows (CSV/XLSX exports of CLI and API): one column list, Chinese headers and verdict names, verdict colours. */
import { col, type Column } from '../export/table.js';
import { indicatorCell } from '../export/facts.js';
import { FACT_LABELS, QUALIFIER_LABELS, VERDICT_COLOURS, VERDICT_LABELS, type Labels, type Lang } from '../vocab.js';

/** Whose verdict an item shows: a reviewer's ruling, or the machine's proposal (机器初判). */
const CURRENT_LABELS: Labels<'ruling' | 'machine'> = { ruling: ['人工裁定', 'ruling'], machine: ['机器初判', 'machine verdict'] };
import type { Scorecard } from './index.js';

export interface ScorecardRow {
  key: string;
  source: string;
  headline: boolean;
  commitment: string;
  indicator: string;
  target_value: number | null;
  target_unit: string;
  qualifier: string;
  verdict: string;
  current: string;
  machine_verdict: string;
  reviewer: string;
  ruled_at: string;
  ruling_reason: string;
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
  col('current', '现行结论来自', 'current', { labels: CURRENT_LABELS }),
  col('machine_verdict', '机器初判', 'machine_verdict', { labels: VERDICT_LABELS, fills: VERDICT_COLOURS }),
  col('reviewer', '裁定人', 'reviewer'),
  col('ruled_at', '裁定时间', 'ruled_at'),
  col('ruling_reason', '裁定理由', 'ruling_reason', { type: 'long' }),
  col('confidence', '把握程度', 'confidence', { type: 'percent' }),
  col('reason_code', '判定依据代码', 'reason_code'),
  col('outcome', '实绩值', 'outcome', { type: 'number' }),
  col('outcome_unit', '实绩单位', 'outcome_unit'),
  col('evidence', '次年报告原文', 'evidence', { type: 'long' }),
  col('rule', '判定理由', 'rule', { type: 'long' }),
  col('note', '备注', 'note'),
  // Last: the promise's stable key, for a reviewer's sheet and a link (/check/<place>/<year>/item/<key>).
  col('key', '编号', 'key'),
];

export function scorecardRows(card: Scorecard, lang: Lang = 'zh'): ScorecardRow[] {
  return card.items.map((i) => ({
    key: i.key, source: i.source, headline: i.headline, commitment: i.commitment, indicator: indicatorCell(i.indicator, lang),
    target_value: i.target?.value ?? null, target_unit: i.target?.unit ?? '', qualifier: i.target?.qualifier ?? '', verdict: i.verdict,
    current: i.current, machine_verdict: i.machine_verdict, reviewer: i.ruling?.reviewer ?? '', ruled_at: i.ruling?.ruled_at ?? '', ruling_reason: i.ruling?.reason ?? '',
    confidence: i.confidence, reason_code: i.reason.code, outcome: i.outcome ?? null, outcome_unit: i.outcome_unit ?? '',
    evidence: i.ruling?.evidence?.text ?? i.evidence?.text ?? '', rule: i.reason.text, note: i.note ?? '',
  }));
}
