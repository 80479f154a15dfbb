/**
 * Spreadsheets people send (分工方案, 建议/提案 lists, deputies' rosters): CSV
 * in UTF-8 or GBK, or XLSX, read into rows of cell text. Limits are checked
 * while reading, so a crafted file (a cell at the sheet's far corner, a
 * million empty rows) is refused before it costs memory.
 */
import { parse as parseCsvSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { InvalidInput, TooLarge } from '../errors.js';
import { decodeBytes } from '../ingest/decode.js';

export interface TableLimits {
  readonly rows: number;
  readonly columns: number;
}

/** Far more than any office's table (a 分工方案 has hundreds of rows, a roster a few hundred deputies). */
export const DEFAULT_TABLE_LIMITS: TableLimits = { rows: 20_000, columns: 200 };

/** The file is not a table this reader can use. */
export class TableFileError extends InvalidInput {
  override readonly name = 'TableFileError';
  constructor(message: string) {
    super(message, [], 'unreadable_table');
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

function tooBig(limits: TableLimits, what: string): TooLarge {
  return new TooLarge(`the table is larger than ${limits.rows} rows × ${limits.columns} columns (${what})`);
}

async function readXlsx(bytes: Uint8Array, limits: TableLimits): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (e) {
    throw new TableFileError(`not a readable XLSX file: ${(e as Error).message}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new TableFileError('the workbook has no sheet');
  const rows: string[][] = [];
  // Only cells that exist are visited: a lone cell far out must not make the reader walk the empty ones before it.
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n > limits.rows) throw tooBig(limits, `a cell in row ${n}`);
    const cells: string[] = [];
    r.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > limits.columns) throw tooBig(limits, `a cell in column ${col}`);
      cells[col - 1] = cellText(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

function readCsv(bytes: Uint8Array, filename: string, limits: TableLimits): string[][] {
  let text: string;
  try {
    text = decodeBytes(bytes, filename).text.text;
  } catch (e) {
    throw new TableFileError((e as Error).message);
  }
  let rows: string[][];
  try {
    rows = parseCsvSync(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'], to_line: limits.rows + 1 }) as string[][];
  } catch (e) {
    throw new TableFileError(`not a readable CSV file: ${(e as Error).message}`);
  }
  if (rows.length > limits.rows) throw tooBig(limits, `more than ${limits.rows} rows`);
  if (rows.some((r) => r.length > limits.columns)) throw tooBig(limits, `a row with more than ${limits.columns} cells`);
  return rows;
}

/** Rows of cell text from a CSV or XLSX file (XLSX when the name says so or the bytes are a zip). */
export async function readTable(bytes: Uint8Array, filename: string, limits: TableLimits = DEFAULT_TABLE_LIMITS): Promise<string[][]> {
  const isZip = bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  return /\.xlsx$/i.test(filename) || isZip ? readXlsx(bytes, limits) : readCsv(bytes, filename, limits);
}
