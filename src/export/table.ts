/**
 * One row per fact for spreadsheet users; the same rows feed CSV and XLSX.
 */
import ExcelJS from 'exceljs';
import type { FileJson } from '../document-json.js';

export interface FactRow {
  file: string;
  part: number;
  jurisdiction: string;
  report_year: number | '';
  fact: 'target' | 'outcome' | 'commitment';
  indicator: string;
  kind: string;
  value: number | '';
  value_max: number | '';
  unit: string;
  qualifier: string;
  scope: string;
  estimated: string;
  headline: string;
  deadline: string;
  firmness: string;
  section: string;
  text: string;
  start: number;
  end: number;
  source_start: number;
  source_end: number;
}

export const FACT_COLUMNS: (keyof FactRow)[] = [
  'file', 'part', 'jurisdiction', 'report_year', 'fact', 'indicator', 'kind', 'value', 'value_max', 'unit', 'qualifier',
  'scope', 'estimated', 'headline', 'deadline', 'firmness', 'section', 'text', 'start', 'end', 'source_start', 'source_end',
];

export function factRows(files: FileJson[]): FactRow[] {
  const rows: FactRow[] = [];
  for (const f of files) {
    for (const d of f.documents) {
      const base = { file: f.file, part: d.part, jurisdiction: d.jurisdiction ?? '', report_year: d.report_year ?? ('' as const) };
      const blank = { kind: '', value: '' as const, value_max: '' as const, unit: '', qualifier: '', scope: '', estimated: '', headline: '', deadline: '', firmness: '', section: '', indicator: '' };
      for (const t of d.targets) {
        rows.push({
          ...base, ...blank, fact: 'target', indicator: t.indicator, kind: t.kind, value: t.value ?? '', value_max: t.value_max ?? '',
          unit: t.unit ?? '', qualifier: t.qualifier, scope: t.scope ?? '', firmness: t.firmness ?? '', text: t.text,
          start: t.span.start, end: t.span.end, source_start: t.span.sourceStart, source_end: t.span.sourceEnd,
        });
      }
      for (const o of d.outcomes) {
        rows.push({
          ...base, ...blank, fact: 'outcome', indicator: o.indicator, kind: o.kind, value: o.value ?? '', value_max: o.value_max ?? '',
          unit: o.unit ?? '', qualifier: o.qualifier, scope: o.scope ?? '', estimated: o.estimated ? 'yes' : 'no',
          headline: o.headline ? 'yes' : 'no', text: o.text,
          start: o.span.start, end: o.span.end, source_start: o.span.sourceStart, source_end: o.span.sourceEnd,
        });
      }
      for (const c of d.commitments) {
        rows.push({
          ...base, ...blank, fact: 'commitment', indicator: c.indicator ?? '', value: c.value ?? '', value_max: c.value_max ?? '',
          unit: c.unit ?? '', qualifier: c.qualifier ?? '', deadline: c.deadline ?? '', firmness: c.firmness,
          section: c.section_path.join(' / '), text: c.text,
          start: c.span.start, end: c.span.end, source_start: c.span.sourceStart, source_end: c.span.sourceEnd,
        });
      }
    }
  }
  return rows;
}

/** RFC 4180 CSV; a cell that starts with = + - @ is prefixed so spreadsheets do not run it. */
export function toCsv<T extends object>(rows: T[], columns: (keyof T)[]): string {
  const cell = (v: unknown): string => {
    let s = v === undefined || v === null ? '' : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map((c) => cell(String(c))).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(','));
  // BOM so Excel opens UTF-8 Chinese correctly.
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export async function toXlsx<T extends object>(rows: T[], columns: (keyof T)[], sheet = 'facts'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns.map((c) => ({ header: String(c), key: String(c), width: c === 'text' ? 60 : 14 }));
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
