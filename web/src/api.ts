/** Talking to the Luoshi HTTP API (same origin): reads, errors from its one envelope, uploads. */
import { useEffect, useState } from 'react';
import type { Warning } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
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
  ) {
    super(409, message);
  }
}

interface Envelope {
  ok?: boolean;
  error?: { status: number; message: string; errors?: { field: string; message: string }[] };
  /** On a 409 about a versioned record: the record as it is now. */
  current?: Versioned;
}

/** The API's error message from its envelope, or a plain description. */
export function errorMessage(status: number, body: unknown): string {
  const e = (body as Envelope | null)?.error;
  return e?.message ?? `HTTP ${status}`;
}

/** The error an answer stands for, or null when it is a success. */
export function answerError(status: number, body: unknown): ApiError | null {
  const current = (body as Envelope | null)?.current;
  if (status === 409 && current) return new Conflict(errorMessage(status, body), current);
  if (status < 200 || status > 299 || (body as Envelope | null)?.ok === false) return new ApiError(status, errorMessage(status, body));
  return null;
}

/** What to show for a thrown error. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

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
  const res = await fetch(url, { headers: { accept: 'application/json' }, signal });
  const body = await jsonOf(res);
  const error = answerError(res.status, body);
  if (error) throw error;
  return body as T;
}

export interface Loaded<T> {
  data?: T;
  error?: string;
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
        setState({ error: errorText(e), loading: false });
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
  message?: string;
  body?: { status: 'imported' | 'duplicate' | 'failed'; documentIds: number[]; newDocuments: number; documents: number; warnings: Warning[]; reason?: string };
}

/** POST /api/import with the raw bytes; XHR because fetch cannot report upload progress. */
export function uploadFile(file: File, csrf: string, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/import${qs({ filename: file.name || 'upload.txt' })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-csrf-token', csrf);
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
      resolve({ status: xhr.status, ok, message: ok ? undefined : errorMessage(xhr.status, body), body: ok ? (body as UploadResult['body']) : undefined });
    };
    xhr.onerror = () => resolve({ status: 0, ok: false, message: 'network error' });
    xhr.send(file);
  });
}
