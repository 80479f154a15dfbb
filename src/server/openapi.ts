/**
 * Building blocks for routes described once: each route's zod schemas give
 * request validation, the handler's types and its entry in the OpenAPI
 * document served at /api/openapi.json (generated, never written by hand).
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { FORMATS } from './env.js';

/** The error envelope every failing request answers with. */
export const ErrorEnvelope = z
  .object({
    ok: z.literal(false),
    error: z.object({
      status: z.number().int(), code: z.string(), message: z.string().openapi({ description: 'in the request\'s language (Accept-Language: Chinese first, English on en)' }),
      errors: z.array(z.object({ field: z.string(), message: z.string() })), detail: z.string().optional().openapi({ description: 'the server\'s own English words when the message is only the sentence of the code' }),
    }),
    current: z.unknown().optional(),
  })
  .openapi('Error');

const ERROR_TEXT: Record<number, string> = {
  400: 'invalid request (each failing field listed)', 401: 'not signed in', 403: 'not allowed, or no CSRF token', 404: 'not found',
  409: 'conflict (a stale version answers with `current`)', 413: 'too large', 422: 'well-formed but unusable input', 429: 'too many; see retry-after',
};

/** Error responses a route can give, for its OpenAPI entry. */
export function errors(...statuses: (keyof typeof ERROR_TEXT)[]) {
  return Object.fromEntries(statuses.map((s) => [s, { description: ERROR_TEXT[s], content: { 'application/json': { schema: ErrorEnvelope } } }])) as Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorEnvelope } } }>;
}

/** A JSON success answer. */
export function ok<T extends z.ZodType>(schema: T, description = 'ok') {
  return { description, content: { 'application/json': { schema } } };
}

/** A list answer that also exists as CSV and XLSX (by suffix or `_format`). */
export function tableOk<T extends z.ZodType>(schema: T, description = 'the list as JSON; .csv and .xlsx (or _format) give the same rows as a file') {
  return {
    description,
    content: {
      'application/json': { schema },
      'text/csv': { schema: z.string() },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
    },
  };
}

/** A JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true };
}

const octetStream = () => ({ 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } });

/** A raw upload (a report, a spreadsheet) read by the handler itself. */
export function fileBody(description: string) {
  return { description, content: octetStream(), required: true };
}

/** A file answered byte for byte as it was kept (a source as found, a kept draft). */
export function fileOk(description: string) {
  return { description, content: octetStream() };
}

/** A query string: the listed parameters and nothing else (an unknown one is a 400), plus `_format`. */
export function query<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({
      ...shape,
      _format: z.enum(FORMATS).optional().openapi({ description: 'json (default), csv or xlsx; same as the path suffix' }),
      lang: z.enum(['zh', 'en']).optional().openapi({ description: 'the language of a CSV or XLSX file\'s headers and values: zh (default) or en' }),
    })
    .strict();
}

/** Path parameters. */
export function params<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape);
}

/** A positive integer in a path (`/api/documents/{id}`). */
export const PathId = z.coerce.number().int().positive().openapi({ param: { in: 'path' }, type: 'integer' });

export const Year = z.coerce.number().int().min(1949).max(2100);

export const Paging = {
  _limit: z.coerce.number().int().min(1).max(10000).default(100),
  _offset: z.coerce.number().int().min(0).default(0),
};

export const FileName = z.string().min(1).max(255).regex(/^[^/\\]+$/, 'a file name, not a path');

export const OPENAPI_INFO = {
  openapi: '3.0.3',
  info: { title: 'Luoshi 落实 API', version: '0.2.0', description: 'Government work reports: documents, targets, outcomes, commitments, search, scorecards; the supervision ledger (督办), 票决 and 建议/提案.' },
};

/** The OpenAPI document of `app` (every route registered with `app.openapi`). */
export function openApiDocument<E extends Env>(app: OpenAPIHono<E>): ReturnType<OpenAPIHono['getOpenAPIDocument']> {
  return app.getOpenAPIDocument(OPENAPI_INFO);
}
