/** Talking to the Luoshi HTTP API (same origin): reads, errors from its one envelope, uploads. */
import { useEffect, useState } from 'react';
import type { Warning } from './types';

/**
 * A failed API call. `message` is the server's own wording (shown only as a detail); `code` is the
 * envelope's stable code, which the UI words in the reader's language (ui/problem.ts); `url` says
 * what was asked for, so a 404 can say what is missing.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string = '',
    readonly url: string = '',
    readonly fields: readonly { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** A record the API keeps versions of. */
export interface Versioned {
  version: number;
}

/** A write the server refused because the record changed meanwhile; `current` is the record as it is now. */
export class Conflict extends ApiError {
  constructor(
    message: string,
    readonly current: Versioned,
    url = '',
  ) {
    super(409, message, 'stale_version', url);
  }
}

interface Envelope {
  ok?: boolean;
  error?: { status: number; code?: string; message: string; errors?: { field: string; message: string }[] };
  /** On a 409 about a versioned record: the record as it is now. */
  current?: Versioned;
}

/** The error an answer stands for, or null when it is a success. */
export function answerError(status: number, body: unknown, url = ''): ApiError | null {
  const envelope = body as Envelope | null;
  const e = envelope?.error;
  const message = e?.message ?? `HTTP ${status}`;
  if (status === 409 && envelope?.current) return new Conflict(message, envelope.current, url);
  if (status < 200 || status > 299 || envelope?.ok === false) return new ApiError(status, message, e?.code ?? '', url, e?.errors ?? []);
  return null;
}

/** A failure to show: an error (described by ui/problem.ts in the reader's language) or a sentence already worded. */
export type Problem = Error | string;

/** What went wrong in a call, for `Problem` (fetch's own failures are network failures). */
export const asProblem = (e: unknown): Problem => (e instanceof Error ? e : String(e));

/** The language the UI speaks, sent with every request so the server can answer in it too. */
let language = 'zh-CN';
export const setApiLanguage = (lang: string): void => {
  language = lang;
};
/** The headers every call sends. */
export const apiHeaders = (): Record<string, string> => ({ accept: 'application/json', 'accept-language': language });

/** `?a=1&b=2` from the set values only. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** The body of an answer as JSON, or null when it is not JSON. */
export async function jsonOf(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { headers: apiHeaders(), signal });
  const body = await jsonOf(res);
  const error = answerError(res.status, body, url);
  if (error) throw error;
  return body as T;
}

export interface Loaded<T> {
  data?: T;
  error?: Problem;
  loading: boolean;
}

/** Fetches `url` (skipped when null) and re-fetches when it changes. */
export function useApi<T>(url: string | null, reload = 0): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ loading: url !== null });
  useEffect(() => {
    if (url === null) {
      setState({ loading: false });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    getJson<T>(url, ctl.signal).then(
      (data) => setState({ data, loading: false }),
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setState({ error: asProblem(e), loading: false });
      },
    );
    return () => ctl.abort();
  }, [url, reload]);
  return state;
}

/** A counter to pass as `useApi`'s `reload`, and the function that moves it on. */
export function useReload(): [number, () => void] {
  const [n, setN] = useState(0);
  return [n, () => setN((x) => x + 1)];
}

export interface UploadResult {
  status: number;
  ok: boolean;
  error?: ApiError;
  body?: { status: 'imported' | 'duplicate' | 'failed'; documentIds: number[]; newDocuments: number; documents: number; warnings: Warning[]; reason?: string };
}

/** POST /api/import with the raw bytes; XHR because fetch cannot report upload progress. */
export function uploadFile(file: File, csrf: string, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/import${qs({ filename: file.name || 'upload.txt' })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.setRequestHeader('accept-language', apiHeaders()['accept-language']);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      const ok = xhr.status < 400;
      resolve({ status: xhr.status, ok, error: answerError(xhr.status, body, '/api/import') ?? undefined, body: ok ? (body as UploadResult['body']) : undefined });
    };
    xhr.onerror = () => resolve({ status: 0, ok: false, error: new ApiError(0, 'network error', 'network', '/api/import') });
    xhr.send(file);
  });
}
