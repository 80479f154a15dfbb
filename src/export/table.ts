/**
 * The one module that writes spreadsheets: every CSV and XLSX of the CLI and
 * the API goes through `toCsv` and `toXlsx` with a column list per record.
 * A column names its header in Chinese and English, says whether its cells
 * are text, long text, numbers or rates, which vocabulary its codes come from
 * (so a verdict reads 未完成, not `missed`) and which colours fill its cells
 * (verdicts, lights). XLSX sheets get a bold frozen header row and an
 * autofilter; numbers stay numbers, rates are fractions shown as percents.
 */
import ExcelJS from 'exceljs';
import { labelOf, YES_NO, type Labels, type Lang } from '../vocab.js';

export type CellType = 'text' | 'long' | 'number' | 'percent';

export interface Column<R> {
  readonly key: keyof R & string;
  /** The header, Chinese then English. */
  readonly head: readonly [zh: string, en: string];
  readonly type?: CellType;
  /** The vocabulary of a column of codes: cells show each code by its name. */
  readonly labels?: Labels<string>;
  /** Cell fill (RRGGBB) by the raw code, in XLSX. */
  readonly fills?: Readonly<Record<string, string>>;
}

/** A column, or a bare key that is its own header in both languages (sheets already headed in Chinese). */
export type ColumnSpec<R> = Column<R> | (keyof R & string);

/** A column of a record: `col('verdict', '结论', 'verdict', { labels: VERDICT_LABELS })`. */
export function col<R>(key: keyof R & string, zh: string, en: string, more: Omit<Column<R>, 'key' | 'head'> = {}): Column<R> {
  return { key, head: [zh, en], ...more };
}

const spec = <R>(c: ColumnSpec<R>): Column<R> => (typeof c === 'string' ? { key: c, head: [c, c] } : c);

export interface SheetOptions {
  readonly lang?: Lang;
  /** The XLSX worksheet's name. */
  readonly sheet?: string;
}

/** What a cell holds: a code by its name, yes/no in words, a number kept a number. */
function cellValue<R>(c: Column<R>, raw: unknown, lang: Lang): string | number {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'boolean') return labelOf(YES_NO, raw ? 'yes' : 'no', lang);
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : '';
  if ((c.type === 'number' || c.type === 'percent') && typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  const s = typeof raw === 'string' ? raw : JSON.stringify(raw);
  return c.labels ? labelOf(c.labels, s, lang) : s;
}

const percent = (x: number) => `${Number((x * 100).toFixed(2))}%`;

/** RFC 4180 CSV; a text cell that starts with = + - @ (or a tab or CR) is prefixed with ' so spreadsheets do not run it as a formula. */
export function toCsv<R extends object>(rows: readonly R[], columns: readonly ColumnSpec<R>[], o: SheetOptions = {}): string {
  const lang = o.lang ?? 'zh';
  const cols = columns.map(spec);
  const cell = (s: string): string => {
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [cols.map((c) => cell(c.head[lang === 'zh' ? 0 : 1])).join(',')];
  for (const r of rows) {
    lines.push(
      cols
        .map((c) => {
          const v = cellValue(c, (r as Record<string, unknown>)[c.key], lang);
          // Numbers are written as numbers (a negative one is no formula); a rate as "85.5%", which spreadsheets read as a number.
          return typeof v === 'number' ? (c.type === 'percent' ? percent(v) : String(v)) : cell(v);
        })
        .join(','),
    );
  }
  // BOM so Excel opens UTF-8 Chinese correctly.
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

const WIDTH: Record<CellType, number> = { text: 16, long: 60, number: 12, percent: 10 };

/** An XLSX worksheet name: at most 31 characters, none of []:*?/\. */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';

export async function toXlsx<R extends object>(rows: readonly R[], columns: readonly ColumnSpec<R>[], o: SheetOptions = {}): Promise<Buffer> {
  const lang = o.lang ?? 'zh';
  const cols = columns.map(spec);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName(o.sheet ?? (lang === 'zh' ? '数据' : 'data')), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.head[lang === 'zh' ? 0 : 1], key: c.key, width: WIDTH[c.type ?? 'text'], style: c.type === 'percent' ? { numFmt: '0.0%' } : c.type === 'long' ? { alignment: { wrapText: true, vertical: 'top' } } : {} }));
  for (const r of rows) {
    const row = ws.addRow(cols.map((c) => cellValue(c, (r as Record<string, unknown>)[c.key], lang)));
    cols.forEach((c, i) => {
      const raw = (r as Record<string, unknown>)[c.key];
      const colour = c.fills && typeof raw === 'string' ? c.fills[raw] : undefined;
      if (colour) row.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + colour } };
    });
  }
  ws.getRow(1).font = { bold: true };
  if (cols.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A download's name from what it holds: place, year and what it is, e.g.
 * `四平市_2023_承诺核对` (`Siping_2023_scorecard` in English keeps the place
 * as written). Characters no file system takes are dropped.
 */
export function exportName(parts: readonly (string | number | null | undefined)[], what: readonly [zh: string, en: string], lang: Lang = 'zh'): string {
  const named = [...parts.filter((p) => p !== null && p !== undefined && p !== ''), what[lang === 'zh' ? 0 : 1]];
  return named.map((p) => String(p).replace(/[\\/:*?"<>|\s]+/g, '-')).join('_');
}
