/** Answers shared by the route modules: a list as JSON, CSV or XLSX. */
import type { Context } from 'hono';
import { toCsv, toXlsx } from '../export/table.js';
import type { AppEnv } from './env.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file download; the name may hold Chinese (RFC 5987 form beside an ASCII fallback). */
export function download(body: string | Uint8Array, type: string, fileName: string): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const disposition = `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { status: 200, headers: { 'content-type': type, 'content-disposition': disposition } });
}

export async function xlsxResponse<T extends object>(rows: T[], columns: (keyof T)[], sheet: string, fileName: string): Promise<Response> {
  return download(new Uint8Array(await toXlsx(rows, columns, sheet)), XLSX_TYPE, `${fileName}.xlsx`);
}

/** `envelope` as JSON, or `rows` (only `columns`) as CSV or XLSX, as the request's format asks. */
export async function table<T extends object, E extends AppEnv = AppEnv>(c: Context<E>, rows: T[], columns: (keyof T)[], name: string, envelope: object): Promise<Response> {
  const f: AppEnv['Variables']['format'] = c.get('format');
  if (f === 'csv') return download(toCsv(rows, columns), 'text/csv; charset=utf-8', `${name}.csv`);
  if (f === 'xlsx') return xlsxResponse(rows, columns, name, name);
  return c.json(envelope);
}
