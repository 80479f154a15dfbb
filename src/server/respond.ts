/** Answers shared by the route modules: a list as JSON, CSV or XLSX. */
import type { Context } from 'hono';
import { exportName, toCsv, toXlsx, type ColumnSpec } from '../export/table.js';
import type { Lang } from '../vocab.js';
import type { AppEnv } from './env.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file download; the name may hold Chinese (RFC 5987 `filename*` beside an ASCII fallback for old clients). */
export function download(body: string | Uint8Array, type: string, fileName: string): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const disposition = `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { status: 200, headers: { 'content-type': type, 'content-disposition': disposition } });
}

/**
 * What a download is called: what it holds (Chinese, English) after the
 * place and year it is about, e.g. `四平市_2023_承诺核对`. A bare string is
 * a name as it is (in both languages).
 */
export type ExportFile = string | { readonly what: readonly [zh: string, en: string]; readonly of?: readonly (string | number | null | undefined)[] };

const nameOf = (f: ExportFile, lang: Lang) => (typeof f === 'string' ? f : exportName(f.of ?? [], f.what, lang));

/** The language of an export: `?lang=en` for English, else Chinese. */
export const langOf = <E extends AppEnv>(c: Context<E>): Lang => (c.var as { readonly lang?: Lang }).lang ?? 'zh';

export async function xlsxResponse<T extends object, E extends AppEnv = AppEnv>(c: Context<E>, rows: readonly T[], columns: readonly ColumnSpec<T>[], file: ExportFile): Promise<Response> {
  const lang = langOf(c);
  const name = nameOf(file, lang);
  return download(new Uint8Array(await toXlsx(rows, columns, { lang, sheet: typeof file === 'string' ? file : file.what[lang === 'zh' ? 0 : 1] })), XLSX_TYPE, `${name}.xlsx`);
}

/** `envelope` as JSON, or `rows` (only `columns`) as CSV or XLSX, as the request's format asks. */
export async function table<T extends object, E extends AppEnv = AppEnv>(c: Context<E>, rows: readonly T[], columns: readonly ColumnSpec<T>[], file: ExportFile, envelope: object): Promise<Response> {
  const f: AppEnv['Variables']['format'] = c.get('format');
  if (f === 'csv') return download(toCsv(rows, columns, { lang: langOf(c) }), 'text/csv; charset=utf-8', `${nameOf(file, langOf(c))}.csv`);
  if (f === 'xlsx') return xlsxResponse(c, rows, columns, file);
  return c.json(envelope);
}
