/**
 * One error envelope for every answer that is not a success:
 *   { ok: false, error: { status, code, message, errors: [{ field, message }] } }
 * plus `current` on a 409 for a versioned record (the record as it is) or a
 * refused withdrawal (what depends on the document). Domain errors carry their
 * own status and code; validation failures become a 400 listing each field;
 * anything unexpected is logged and answered as a 500.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { BadRequest, DomainError, StaleVersion, TooMany, type FieldProblem } from '../errors.js';
import { DependentsExist } from '../withdraw/store.js';

export interface ErrorBody {
  ok: false;
  error: { status: number; code: string; message: string; errors: FieldProblem[] };
  current?: unknown;
}

export function errorBody(status: number, code: string, message: string, errors: readonly FieldProblem[] = []): ErrorBody {
  return { ok: false, error: { status, code, message, errors: [...errors] } };
}

export function errorJson(c: Context, status: number, code: string, message: string, errors: readonly FieldProblem[] = []): Response {
  return c.json(errorBody(status, code, message, errors), status as ContentfulStatusCode);
}

const CODES: Record<number, string> = { 400: 'bad_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 408: 'timeout', 409: 'conflict', 413: 'too_large', 415: 'unsupported_media_type', 422: 'invalid_input', 429: 'too_many' };

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof DomainError) {
    const body = errorBody(err.status, err.code, err.message, err.errors);
    if (err instanceof StaleVersion || err instanceof DependentsExist) body.current = err.current;
    if (err instanceof TooMany && err.retryAfter !== undefined) c.header('retry-after', String(err.retryAfter));
    return c.json(body, err.status as ContentfulStatusCode);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const message = status === 413 ? 'the request body is larger than this endpoint accepts' : status === 400 && /JSON/i.test(err.message) ? 'the body is not valid JSON' : err.message || 'bad request';
    return errorJson(c, status, CODES[status] ?? 'error', message);
  }
  if (err instanceof URIError) return errorJson(c, 400, 'bad_request', 'malformed URL encoding');
  process.stderr.write(`luoshi serve: ${err.stack ?? String(err)}\n`);
  return errorJson(c, 500, 'internal', 'internal error');
};

/** Zod issues as the envelope's field list. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const i of error.issues) {
    if (i.code === 'unrecognized_keys') for (const k of i.keys) out.push({ field: [...i.path, k].join('.'), message: 'unknown field' });
    else out.push({ field: i.path.join('.'), message: i.message });
  }
  return out;
}

/**
 * The validators' hook: a failed query, path or body check is a 400 naming
 * every field. An unknown query parameter is refused by name rather than
 * ignored, so a typo never silently widens a query.
 */
export function validationHook(result: { success: boolean; error?: z.ZodError; target: string }): void {
  if (result.success || !result.error) return;
  const what = result.target === 'json' ? 'body' : result.target === 'param' ? 'path' : result.target;
  const unknown = result.error.issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown && unknown.code === 'unrecognized_keys' && what === 'query') {
    throw new BadRequest(`unknown query parameter: ${unknown.keys.join(', ')}`, fieldProblems(result.error), 'unknown_parameter');
  }
  const errors = fieldProblems(result.error);
  throw new BadRequest(`invalid ${what}: ${errors.map((e) => `${e.field || '(body)'}: ${e.message}`).join('; ')}`, errors, 'invalid_' + what);
}

/** 404 for paths nothing serves; 405 when the path exists for other methods. */
export function notFoundHandler(routes: () => readonly { method: string; path: string }[]): NotFoundHandler {
  return (c) => {
    const path = c.req.path;
    const methods = new Set<string>();
    for (const r of routes()) {
      if (r.method === 'ALL' || r.path.includes('*')) continue;
      const pattern = new RegExp('^' + r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]+/g, '[^/]+') + '$');
      if (pattern.test(path)) methods.add(r.method);
    }
    if (methods.size && !methods.has(c.req.method)) {
      c.header('allow', [...methods].join(', '));
      return errorJson(c, 405, 'method_not_allowed', `method ${c.req.method} not allowed on ${path} (allowed: ${[...methods].join(', ')})`);
    }
    return errorJson(c, 404, 'not_found', `no such endpoint: ${path}`);
  };
}
