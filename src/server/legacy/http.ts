/**
 * LEGACY: the request/response pair of the home-made router, kept only while
 * the ledger, 票决 and 建议/提案 routes move to hono (src/server/routes).
 */
import { DomainError } from '../../errors.js';
export interface AppRequest {
  readonly method: string;
  /** Path with query string, e.g. `/api/search.json?q=农田`. */
  readonly url: string;
  readonly headers: Record<string, string | undefined>;
  readonly body?: Uint8Array;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** Raised anywhere in a handler to answer with a 4xx and a clear message. */
export class HttpError extends DomainError {
  override readonly name = 'HttpError';
  readonly code: string;
  constructor(
    readonly status: number,
    message: string,
    errors: { field: string; message: string }[] = [],
  ) {
    super(message, errors);
    this.code = CODES[status] ?? 'error';
  }
}

const CODES: Record<number, string> = { 400: 'bad_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'too_large', 422: 'invalid_input', 429: 'too_many' };

export function json(status: number, value: unknown): AppResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}

/** The one error envelope every endpoint uses. */
export function errorResponse(status: number, message: string, errors: { field: string; message: string }[] = []): AppResponse {
  return json(status, { ok: false, error: { status, message, errors } });
}
