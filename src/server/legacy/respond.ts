/** Answers shared by the route modules: a list as JSON, CSV or XLSX. */
import { toCsv, toXlsx } from '../../export/table.js';
import { json, type AppResponse } from './http.js';
import type { Format } from './validate.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function xlsxResponse<T extends object>(rows: T[], columns: (keyof T)[], sheet: string, fileName: string): Promise<AppResponse> {
  return {
    status: 200,
    headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${fileName}.xlsx"` },
    body: new Uint8Array(await toXlsx(rows, columns, sheet)),
  };
}

/** `envelope` as JSON, or `rows` (only `columns`) as CSV or XLSX. */
export async function table<T extends object>(format: Format, rows: T[], columns: (keyof T)[], name: string, envelope: unknown): Promise<AppResponse> {
  if (format === 'csv') {
    return { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` }, body: toCsv(rows, columns) };
  }
  if (format === 'xlsx') return xlsxResponse(rows, columns, name, name);
  return json(200, envelope);
}
