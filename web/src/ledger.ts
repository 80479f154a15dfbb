/**
 * The 督办 ledger's API: the signed-in account (GET /api/ledger/session), and
 * writes that repeat the CSRF token in the `x-csrf-token` header. The shapes
 * are the server's own (type-only imports from src/ledger, erased at build).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, errorMessage } from './api';
import type { Account, HistoryEntry, LitTask, Notice, ProgressReport, Unit, UnitDashboard } from '../../src/ledger/types';
import type { Light } from '../../src/ledger/lights';
import type { Role } from '../../src/accounts/roles';
import type { Action, TaskState } from '../../src/ledger/workflow';

/** A task as the API answers it: with its light. */
export type Task = LitTask;
export type { Account, Action, HistoryEntry, Light, Notice, ProgressReport, Role, TaskState, Unit, UnitDashboard };

export const STATES: TaskState[] = ['draft', 'assigned', 'accepted', 'in_progress', 'completion_requested', 'under_review', 'closed'];
export const LIGHTS: Light[] = ['green', 'yellow', 'red'];

export interface TaskDetail {
  task: Task;
  actions: Action[];
  progress: ProgressReport[];
  notices: Notice[];
  links?: { merged_into: number | null; merged_from: number[]; split_into: number[]; split_from: number | null };
}

export interface Dashboard {
  jurisdiction: string;
  year: number;
  totals: { total: number; green: number; yellow: number; red: number };
  units: UnitDashboard[];
}

/** A write the server refused because the task changed meanwhile; `current` is the task as it is now. */
export class Conflict extends ApiError {
  constructor(
    message: string,
    readonly current: Task,
  ) {
    super(409, message);
  }
}

export interface LedgerAuth {
  account: Account | null;
  csrf: string;
  ready: boolean;
  refresh: () => Promise<void>;
  login: (name: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  send: <T>(method: 'POST' | 'PUT', url: string, body: unknown) => Promise<T>;
  /** POSTs a file's raw bytes (imports of CSV/XLSX tables). */
  sendFile: <T>(url: string, file: File) => Promise<T>;
}

export const LedgerCtx = createContext<LedgerAuth | null>(null);

export function useLedger(): LedgerAuth {
  const v = useContext(LedgerCtx);
  if (!v) throw new Error('useLedger outside LedgerCtx');
  return v;
}

/** The session state behind LedgerCtx: one GET of /api/ledger/session, then logins and writes. */
export function useLedgerAuth(): LedgerAuth {
  const [account, setAccount] = useState<Account | null>(null);
  const [csrf, setCsrf] = useState('');
  const [ready, setReady] = useState(false);

  const refresh = useCallback(async () => {
    const res = await fetch('/api/ledger/session', { headers: { accept: 'application/json' } });
    const body = (await res.json()) as { account: Account | null; csrf_token: string };
    setAccount(body.account);
    setCsrf(body.csrf_token);
    setReady(true);
  }, []);

  useEffect(() => {
    refresh().catch(() => setReady(true));
  }, [refresh]);

  const request = useCallback(
    async <T>(method: 'POST' | 'PUT', url: string, body: BodyInit, contentType: string): Promise<T> => {
      const res = await fetch(url, { method, headers: { 'content-type': contentType, accept: 'application/json', 'x-csrf-token': csrf }, body });
      let answer: unknown = null;
      try {
        answer = await res.json();
      } catch {
        // not JSON
      }
      const current = (answer as { current?: Task } | null)?.current;
      if (res.status === 409 && current) throw new Conflict(errorMessage(res.status, answer), current);
      // The session ended (expired or signed out elsewhere): show the sign-in form.
      if (res.status === 401 && url !== '/api/ledger/login') void refresh().catch(() => undefined);
      if (!res.ok) throw new ApiError(res.status, errorMessage(res.status, answer));
      return answer as T;
    },
    [csrf, refresh],
  );

  const send = useCallback(
    <T>(method: 'POST' | 'PUT', url: string, payload: unknown): Promise<T> => request<T>(method, url, JSON.stringify(payload ?? {}), 'application/json'),
    [request],
  );

  const sendFile = useCallback(
    async <T>(url: string, file: File): Promise<T> => request<T>('POST', url, await file.arrayBuffer(), 'application/octet-stream'),
    [request],
  );

  const login = useCallback(
    async (name: string, password: string) => {
      const r = await send<{ account: Account; csrf_token: string }>('POST', '/api/ledger/login', { name, password });
      setAccount(r.account);
      setCsrf(r.csrf_token);
    },
    [send],
  );

  const logout = useCallback(async () => {
    try {
      await send('POST', '/api/ledger/logout', {});
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
    await refresh();
  }, [send, refresh]);

  return useMemo(() => ({ account, csrf, ready, refresh, login, logout, send, sendFile }), [account, csrf, ready, refresh, login, logout, send, sendFile]);
}

export const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

/** Uploading a table (CSV/XLSX) whose answer reports every row: busy, error and the answer. */
export function useTableImport<T>(onDone: () => void) {
  const { sendFile } = useLedger();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<T>();
  const upload = async (url: string, file: File) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await sendFile<T>(url, file));
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, result, upload };
}
