/**
 * The research view: one indicator's target against its outcome, by place
 * and year, across every stored report. The target for year Y comes from the
 * year-Y report; the outcome from the year-(Y+1) report's review.
 */
import type { FactRecord, Repository } from '../store/repository.js';
import { col, type Column } from '../export/table.js';
import { LEVEL_LABELS, QUALIFIER_LABELS, VERDICT_COLOURS, VERDICT_LABELS, type Level } from '../vocab.js';
import { convert } from './units.js';
import { compare, type Verdict } from './verdict.js';

export interface ComparisonRow {
  jurisdiction: string;
  level: string | null;
  year: number;
  target_value: number | null;
  target_max: number | null;
  target_unit: string | null;
  target_qualifier: string | null;
  target_text: string | null;
  target_document: number | null;
  outcome_value: number | null;
  outcome_unit: string | null;
  outcome_text: string | null;
  outcome_estimated: boolean | null;
  outcome_document: number | null;
  /** null when the year's report set no target for the indicator. */
  verdict: Verdict | null;
}

export interface ComparisonFilter {
  indicator: string;
  kind?: string;
  level?: Level;
  jurisdiction?: string;
  yearFrom?: number;
  yearTo?: number;
}

export async function compareIndicator(repo: Repository, f: ComparisonFilter): Promise<ComparisonRow[]> {
  const kind = f.kind ?? 'growth';
  const [targets, outcomes] = await Promise.all([
    repo.facts({ fact: 'target', indicator: f.indicator, level: f.level, jurisdiction: f.jurisdiction, limit: 1_000_000 }),
    repo.facts({ fact: 'outcome', indicator: f.indicator, level: f.level, jurisdiction: f.jurisdiction, limit: 1_000_000 }),
  ]);
  const key = (place: string | null, year: number) => `${place ?? '?'}|${year}`;
  const byTarget = new Map<string, FactRecord>();
  for (const t of targets.items) {
    if (t.kind !== kind || t.report_year === null || !t.jurisdiction) continue;
    const year = t.year ?? t.report_year;
    if (!byTarget.has(key(t.jurisdiction, year))) byTarget.set(key(t.jurisdiction, year), t);
  }
  const byOutcome = new Map<string, FactRecord>();
  for (const o of outcomes.items) {
    if (o.kind !== kind || o.report_year === null || !o.jurisdiction) continue;
    // Only what a later report says about its review year counts as a result.
    const year = o.year ?? o.report_year - 1;
    if (year !== o.report_year - 1) continue;
    const k = key(o.jurisdiction, year);
    const prev = byOutcome.get(k);
    if (!prev || (o.headline && !prev.headline)) byOutcome.set(k, o);
  }
  const rows: ComparisonRow[] = [];
  for (const k of new Set([...byTarget.keys(), ...byOutcome.keys()])) {
    const t = byTarget.get(k);
    const o = byOutcome.get(k);
    const [jurisdiction, y] = k.split('|');
    const year = Number(y);
    if ((f.yearFrom !== undefined && year < f.yearFrom) || (f.yearTo !== undefined && year > f.yearTo)) continue;
    let verdict: Verdict = 'not_reported';
    if (t && o && t.value !== null && o.value !== null) {
      const v = convert(o.value, o.unit, t.unit);
      verdict = v === undefined ? 'not_comparable' : compare(t.value, (t.qualifier ?? 'exact') as never, v, { indicator: f.indicator, targetMax: t.value_max ?? undefined, unit: t.unit ?? undefined }).verdict;
    } else if (t && o) verdict = 'not_comparable';
    rows.push({
      jurisdiction, level: t?.level ?? o?.level ?? null, year,
      target_value: t?.value ?? null, target_max: t?.value_max ?? null, target_unit: t?.unit ?? null, target_qualifier: t?.qualifier ?? null,
      target_text: t?.text ?? null, target_document: t?.document_id ?? null,
      outcome_value: o?.value ?? null, outcome_unit: o?.unit ?? null, outcome_text: o?.text ?? null, outcome_estimated: o?.estimated ?? null,
      outcome_document: o?.document_id ?? null, verdict: t ? verdict : null,
    });
  }
  return rows.sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction, 'zh') || a.year - b.year);
}

export const COMPARISON_COLUMNS: readonly Column<ComparisonRow>[] = [
  col('jurisdiction', '地区', 'jurisdiction'),
  col('level', '层级', 'level', { labels: LEVEL_LABELS }),
  col('year', '年份', 'year', { type: 'number' }),
  col('target_value', '目标值', 'target_value', { type: 'number' }),
  col('target_max', '目标上限', 'target_max', { type: 'number' }),
  col('target_unit', '目标单位', 'target_unit'),
  col('target_qualifier', '目标限定', 'target_qualifier', { labels: QUALIFIER_LABELS }),
  col('outcome_value', '实绩值', 'outcome_value', { type: 'number' }),
  col('outcome_unit', '实绩单位', 'outcome_unit'),
  col('outcome_estimated', '实绩为预计数', 'outcome_estimated'),
  col('verdict', '结论', 'verdict', { labels: VERDICT_LABELS, fills: VERDICT_COLOURS }),
  col('target_text', '目标原文', 'target_text', { type: 'long' }),
  col('outcome_text', '实绩原文', 'outcome_text', { type: 'long' }),
  col('target_document', '目标所在报告编号', 'target_document', { type: 'number' }),
  col('outcome_document', '实绩所在报告编号', 'outcome_document', { type: 'number' }),
];
