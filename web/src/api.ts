/** Talking to the Luoshi HTTP API (same origin). The shapes are the server's own (type-only imports, erased at build). */
import { useEffect, useState } from 'react';
import type { Verdict } from '../../src/check/verdict';
import type { CheckItem, Scorecard } from '../../src/check/types';
import type { Diagnostic as Warning } from '../../src/ingest/diagnostics';
import type { Section } from '../../src/model';
import type { DocumentDetail, DocumentSummary, FactRecord, Page, SearchHit } from '../../src/store/types';

export type { CheckItem, DocumentDetail, DocumentSummary, FactRecord, Page, Scorecard, SearchHit, Section, Verdict, Warning };

export const VERDICTS: Verdict[] = ['met', 'missed', 'not_reported', 'not_comparable', 'needs_review'];
export const LEVELS = ['national', 'province', 'prefecture', 'county', 'district'] as const;
export const PARTS = ['review', 'plan', 'self_building', 'preamble', 'other'] as const;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Envelope {
  ok?: boolean;
  error?: { status: number; message: string; errors?: { field: string; message: string }[] };
}

/** The API's error message from its envelope, or a plain description. */
export function errorMessage(status: number, body: unknown): string {
  const e = (body as Envelope | null)?.error;
  return e?.message ?? `HTTP ${status}`;
}

/** `?a=1&b=2` from the set values only. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, signal });
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: fall through to the status
  }
  if (!res.ok || (body as Envelope | null)?.ok === false) throw new ApiError(res.status, errorMessage(res.status, body));
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
        setState({ error: e instanceof Error ? e.message : String(e), loading: false });
      },
    );
    return () => ctl.abort();
  }, [url, reload]);
  return state;
}

export interface UploadResult {
  status: number;
  ok: boolean;
  message?: string;
  body?: { status: 'imported' | 'duplicate' | 'failed'; documentIds: number[]; newDocuments: number; documents: number; warnings: Warning[]; reason?: string };
}

/** POST /api/import with the raw bytes; XHR because fetch cannot report upload progress. */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/import${qs({ filename: file.name || 'upload.txt' })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
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
