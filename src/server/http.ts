/**
 * A request/response pair independent of node:http, so the app can be called
 * in-process (tests, `luoshi get`) exactly as the server calls it.
 */
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
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export function json(status: number, value: unknown): AppResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}

/** The one error envelope every endpoint uses. */
export function errorResponse(status: number, message: string, errors: { field: string; message: string }[] = []): AppResponse {
  return json(status, { ok: false, error: { status, message, errors } });
}
