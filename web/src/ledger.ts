/**
 * The 督办 ledger's API: the signed-in account (GET /api/ledger/session), and
 * writes that repeat the CSRF token in the `x-csrf-token` header. Shapes
 * mirror src/ledger/store.ts and src/ledger/views.ts.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, errorMessage } from './api';

export type Role = 'admin' | 'supervisor' | 'unit_officer' | 'leader';
export type TaskState = 'draft' | 'assigned' | 'accepted' | 'in_progress' | 'completion_requested' | 'under_review' | 'closed';
export type Light = 'green' | 'yellow' | 'red';
export type Action =
  | 'assign' | 'accept' | 'start' | 'request_completion' | 'review' | 'close' | 'send_back'
  | 'request_extension' | 'approve_extension' | 'refuse_extension';

export const STATES: TaskState[] = ['draft', 'assigned', 'accepted', 'in_progress', 'completion_requested', 'under_review', 'closed'];
export const LIGHTS: Light[] = ['green', 'yellow', 'red'];

export interface Account {
  id: number;
  name: string;
  role: Role;
  unit_id: number | null;
  disabled: boolean;
  created_at: string;
}

export interface Unit {
  id: number;
  name: string;
  parent_id: number | null;
}

export interface Task {
  id: number;
  jurisdiction: string;
  year: number;
  document_id: number | null;
  fact_id: number | null;
  source_kind: string;
  title: string;
  source: { sentence: string | null; start: number | null; end: number | null; file_start: number | null; file_end: number | null };
  indicator: string | null;
  figure: { value: number | null; unit: string | null; text: string | null };
  firmness: string | null;
  livelihood: boolean;
  deadline: string;
  deadline_phrase: string | null;
  deadline_rule: string | null;
  state: TaskState;
  lead_unit_id: number | null;
  responsible_unit_ids: number[];
  progress_figure: number | null;
  last_progress_at: string | null;
  assigned_at: string | null;
  closed_at: string | null;
  pending_extension: { deadline: string; reason: string | null } | null;
  unit_note: string | null;
  internal_note: string | null;
  archived: boolean;
  version: number;
  created_at: string;
  updated_at: string;
  light: Light;
  light_reasons: string[];
  overdue: boolean;
}

export interface ProgressReport {
  id: number;
  task_id: number;
  account_id: number | null;
  unit_id: number | null;
  report_date: string;
  narrative: string;
  figure: number | null;
  evidence: string[];
  internal: boolean;
  created_at: string;
}

export interface HistoryEntry {
  id: number;
  task_id: number;
  account_id: number | null;
  account_name: string | null;
  action: string;
  at: string;
  before: Partial<Task> | null;
  after: Partial<Task> | null;
  note: string | null;
}

export interface Notice {
  id: number;
  task_id: number;
  kind: 'urge' | 'instruction';
  text: string;
  at: string;
}

export interface TaskDetail {
  task: Task;
  actions: Action[];
  progress: ProgressReport[];
  notices: Notice[];
  links?: { merged_into: number | null; merged_from: number[]; split_into: number[]; split_from: number | null };
}

export interface UnitDashboard {
  unit_id: number | null;
  unit: string;
  total: number;
  green: number;
  yellow: number;
  red: number;
  closed: number;
  closed_on_time: number;
  overdue_open: number;
  completion_rate: number | null;
  on_time_rate: number | null;
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

  const send = useCallback(
    async <T>(method: 'POST' | 'PUT', url: string, payload: unknown): Promise<T> => {
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(payload ?? {}),
      });
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        // not JSON
      }
      const current = (body as { current?: Task } | null)?.current;
      if (res.status === 409 && current) throw new Conflict(errorMessage(res.status, body), current);
      // The session ended (expired or signed out elsewhere): show the sign-in form.
      if (res.status === 401 && url !== '/api/ledger/login') void refresh().catch(() => undefined);
      if (!res.ok) throw new ApiError(res.status, errorMessage(res.status, body));
      return body as T;
    },
    [csrf, refresh],
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

  return useMemo(() => ({ account, csrf, ready, refresh, login, logout, send }), [account, csrf, ready, refresh, login, logout, send]);
}

export const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
