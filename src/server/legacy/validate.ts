/**
 * Validation at the edge, shared by every route module: query strings and
 * JSON bodies go through zod and fail as one 400 listing each field.
 */
import { z } from 'zod';
import { HttpError, type AppRequest, type AppResponse } from './http.js';

export type Format = 'json' | 'csv' | 'xlsx';

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handler: (req: AppRequest, params: string[], query: URLSearchParams, format: Format) => Promise<AppResponse>;
}

export const year = z.coerce.number().int().min(1949).max(2100);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
export const id = z.number().int().positive();
export const fileName = z.string().min(1).max(255).regex(/^[^/\\]+$/, 'a file name, not a path');

function issues(e: z.ZodError): { field: string; message: string }[] {
  return e.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
}

/** Parses `value`, or answers 400 naming `what` and every failing field. */
export function parse<T extends z.ZodTypeAny>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const errors = issues(r.error);
    throw new HttpError(400, `invalid ${what}: ${errors.map((e) => `${e.field || '(body)'}: ${e.message}`).join('; ')}`, errors);
  }
  return r.data;
}

/** The request body as JSON ({} when empty). */
export function bodyOf(req: AppRequest): unknown {
  if (!req.body || req.body.length === 0) return {};
  try {
    return JSON.parse(Buffer.from(req.body).toString('utf8'));
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

/** Query parameters against `shape`; an unknown parameter is a 400, not ignored. */
export function parseQuery<T extends z.ZodRawShape>(shape: T, query: URLSearchParams): z.infer<z.ZodObject<T>> {
  const raw: Record<string, string> = {};
  for (const [k, v] of query) {
    if (k === '_format') continue;
    if (!(k in shape)) throw new HttpError(400, `unknown query parameter: ${k}`, [{ field: k, message: `allowed: ${Object.keys(shape).join(', ')}` }]);
    raw[k] = v;
  }
  const parsed = z.object(shape).safeParse(raw);
  if (!parsed.success) {
    const errors = issues(parsed.error);
    throw new HttpError(400, `invalid query: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
  }
  return parsed.data;
}
