/**
 * Rulings as a sheet an office reviews offline in Excel: one row per
 * scorecard item with its key, the promise, the machine's verdict and
 * evidence, and the ruling's columns (verdict, reason) to fill in; reviewer,
 * date and version say what the row was exported at. Headers are Chinese
 * (English with lang=en), verdict cells the shared vocabulary's labels; on
 * the way back either language's headers and labels are read, and codes too.
 */
import type { StoredScorecard } from '../check/from-store.js';
import { normHeader } from '../tables/header.js';
import { VERDICT_LABELS, VERDICTS, type Verdict } from '../vocab.js';

export const SHEET_COLUMNS = ['key', 'promise', 'machine_verdict', 'machine_evidence', 'ruling', 'reason', 'reviewer', 'date', 'version'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

export const SHEET_HEADERS: Record<SheetColumn, { zh: string; en: string }> = {
  key: { zh: '条目编号', en: 'key' },
  promise: { zh: '承诺', en: 'promise' },
  machine_verdict: { zh: '机器初判', en: 'machine verdict' },
  machine_evidence: { zh: '机器依据', en: 'machine evidence' },
  ruling: { zh: '裁定结论', en: 'ruling' },
  reason: { zh: '裁定理由', en: 'reason' },
  reviewer: { zh: '裁定人', en: 'reviewer' },
  date: { zh: '裁定日期', en: 'date' },
  version: { zh: '版本', en: 'version' },
};

/** Header text (normalised) → column, both languages. */
export const SHEET_SYNONYMS: Record<string, SheetColumn> = Object.fromEntries(
  SHEET_COLUMNS.flatMap((c) => [[normHeader(SHEET_HEADERS[c].zh), c], [normHeader(SHEET_HEADERS[c].en), c], [normHeader(SHEET_HEADERS[c].en).toLowerCase(), c], [c, c]]),
);

export type Lang = 'zh' | 'en';

/** One row per item, cells keyed by the header in `lang`. */
export function rulingSheet(card: StoredScorecard, lang: Lang): { columns: string[]; rows: Record<string, string | number>[] } {
  const h = (c: SheetColumn) => SHEET_HEADERS[c][lang];
  const label = (v: Verdict) => VERDICT_LABELS[v][lang];
  const rows = card.items.map((i) => ({
    [h('key')]: i.key, [h('promise')]: i.commitment, [h('machine_verdict')]: label(i.machine_verdict), [h('machine_evidence')]: i.evidence?.text ?? '',
    [h('ruling')]: i.ruling ? label(i.ruling.verdict) : '', [h('reason')]: i.ruling?.reason ?? '', [h('reviewer')]: i.ruling?.reviewer ?? '',
    [h('date')]: i.ruling ? i.ruling.ruled_at.slice(0, 10) : '', [h('version')]: i.ruling ? i.ruling.version : '',
  }));
  return { columns: SHEET_COLUMNS.map(h), rows };
}

/** Older wordings people still type. */
const LEGACY: Record<string, Verdict> = { 达成: 'met', 未达成: 'missed', 未报告: 'not_reported', 部分达成: 'partly_met' };

/** A verdict cell: a label in either language, or a code; undefined when unreadable. */
export function verdictOfCell(cell: string): Verdict | undefined {
  const c = cell.trim().replace(/\s+/g, ' ');
  const lower = c.toLowerCase();
  for (const v of VERDICTS) if (v === lower || VERDICT_LABELS[v].zh === c || VERDICT_LABELS[v].en.toLowerCase() === lower) return v;
  return LEGACY[c];
}
