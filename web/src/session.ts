/**
 * The signed-in account (GET /api/ledger/session), shared by every section: sign-in and sign-out,
 * and writes that repeat the CSRF token in the `x-csrf-token` header. Also the units accounts belong
 * to, which the ledger, 票决 and 建议/提案 pages all name.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, answerError, apiHeaders, jsonOf, useApi } from './api';
import { MANAGE, type Account, type Role, type Unit } from './types';

export interface Session {
  account: Account | null;
  csrf: string;
  ready: boolean;
  refresh: () => Promise<void>;
  login: (name: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  send: <T>(method: 'POST' | 'PUT' | 'DELETE', url: string, body: unknown) => Promise<T>;
  /** POSTs a file's raw bytes (imports of CSV/XLSX tables). */
  sendFile: <T>(url: string, file: File) => Promise<T>;
}

export const SessionCtx = createContext<Session | null>(null);

export function useSession(): Session {
  const v = useContext(SessionCtx);
  if (!v) throw new Error('useSession outside SessionCtx');
  return v;
}

/** Whether the signed-in account has one of `roles`. */
export function hasRole(account: Account | null, roles: readonly Role[]): boolean {
  return account !== null && roles.includes(account.role);
}

/** Who may run the ledger, register 建议/提案 and set up votes (MANAGE on the server). */
export const MANAGERS: readonly Role[] = MANAGE;

/** The session state behind SessionCtx: one GET of /api/ledger/session, then logins and writes. */
export function useSessionState(): Session {
  const [account, setAccount] = useState<Account | null>(null);
  const [csrf, setCsrf] = useState('');
  const [ready, setReady] = useState(false);

  const refresh = useCallback(async () => {
    const res = await fetch('/api/ledger/session', { headers: apiHeaders() });
    const body = (await res.json()) as { account: Account | null; csrf_token: string };
    setAccount(body.account);
    setCsrf(body.csrf_token);
    setReady(true);
  }, []);

  useEffect(() => {
    refresh().catch(() => setReady(true));
  }, [refresh]);

  const request = useCallback(
    async <T,>(method: 'POST' | 'PUT' | 'DELETE', url: string, body: BodyInit | undefined, contentType: string): Promise<T> => {
      const res = await fetch(url, { method, headers: { ...apiHeaders(), 'content-type': contentType, 'x-csrf-token': csrf }, body });
      const answer = await jsonOf(res);
      // The session ended (expired or signed out elsewhere): show the sign-in form.
      if (res.status === 401 && url !== '/api/ledger/login') void refresh().catch(() => undefined);
      const error = answerError(res.status, answer, url);
      if (error) throw error;
      return answer as T;
    },
    [csrf, refresh],
  );

  const send = useCallback(
    <T,>(method: 'POST' | 'PUT' | 'DELETE', url: string, payload: unknown): Promise<T> => request<T>(method, url, method === 'DELETE' ? undefined : JSON.stringify(payload ?? {}), 'application/json'),
    [request],
  );

  const sendFile = useCallback(
    async <T,>(url: string, file: File): Promise<T> => request<T>('POST', url, await file.arrayBuffer(), 'application/octet-stream'),
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

/** The units (GET /api/ledger/units), empty until they arrive. */
export function useUnits(reload = 0): Unit[] {
  return useApi<{ items: Unit[] }>('/api/ledger/units', reload).data?.items ?? [];
}

/** A unit's name; `fallback` when there is none (not assigned), `#id` when the unit is unknown. */
export function unitName(units: readonly Unit[], id: number | null, fallback = ''): string {
  if (id === null) return fallback;
  return units.find((u) => u.id === id)?.name ?? `#${id}`;
}
