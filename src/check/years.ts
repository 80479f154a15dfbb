/**
 * A place's scorecards side by side: one column a year, one row an indicator, each cell the verdicts
 * of that year's promises on that indicator — so a GDP target missed three years running shows as
 * three red badges in a row. Promises with no indicator have no row to line up in: each year's
 * totals count them.
 */
import type { CheckItem, Scorecard } from './types.js';
import { VERDICTS, type Verdict } from '../vocab.js';

export interface YearColumn {
  readonly year: number;
  readonly plan_document: number | null;
  readonly review_document: number | null;
  /** Every item of the year, by current verdict. */
  readonly counts: Record<Verdict, number>;
  readonly total: number;
}

export interface YearCell {
  readonly key: string;
  readonly verdict: Verdict;
  readonly commitment: string;
  readonly headline: boolean;
}

export interface YearRow {
  readonly indicator: string;
  /** A main expected target (主要预期目标) in some year. */
  readonly headline: boolean;
  /** By year (as a string: JSON keys). */
  readonly cells: Record<string, YearCell[]>;
}

export interface YearsTable {
  readonly jurisdiction: string;
  readonly years: YearColumn[];
  readonly rows: YearRow[];
}

const cell = (i: CheckItem): YearCell => ({ key: i.key, verdict: i.verdict, commitment: i.commitment, headline: i.headline });

export function yearsTable(jurisdiction: string, cards: readonly (Scorecard & { readonly year: number | null })[]): YearsTable {
  const sorted = [...cards].filter((c): c is Scorecard & { year: number } => c.year !== null).sort((a, b) => a.year - b.year);
  const rows = new Map<string, { indicator: string; headline: boolean; cells: Record<string, YearCell[]> }>();
  for (const card of sorted) {
    for (const item of card.items) {
      if (!item.indicator) continue;
      let row = rows.get(item.indicator);
      if (!row) rows.set(item.indicator, (row = { indicator: item.indicator, headline: false, cells: {} }));
      row.headline ||= item.headline;
      (row.cells[String(card.year)] ??= []).push(cell(item));
    }
  }
  // Main targets first; within each, the indicators checked in the most years.
  const order = [...rows.values()].sort((a, b) => Number(b.headline) - Number(a.headline) || Object.keys(b.cells).length - Object.keys(a.cells).length);
  const years = sorted.map((c) => {
    const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
    for (const i of c.items) counts[i.verdict] += 1;
    return { year: c.year, plan_document: c.plan_report.id ?? null, review_document: c.review_report.id ?? null, counts, total: c.items.length };
  });
  return { jurisdiction, years, rows: order };
}

/** The table as spreadsheet rows: one per promise on an indicator. */
export function yearsRows(table: YearsTable) {
  return table.rows.flatMap((r) =>
    Object.entries(r.cells).flatMap(([year, cells]) => cells.map((c) => ({ indicator: r.indicator, year: Number(year), verdict: c.verdict, headline: c.headline ? 'yes' : 'no', commitment: c.commitment, key: c.key }))),
  );
}
export const YEARS_COLUMNS = ['indicator', 'year', 'verdict', 'headline', 'commitment', 'key'] as const;
