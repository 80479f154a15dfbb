/**
 * HTTP routes of the supervision ledger (督办台账) under /api/ledger, and its
 * read-only public view under /api/public/ledger. Sessions are HTTP-only
 * cookies; every write needs the CSRF token twice (cookie and header); a
 * stale version answers 409 with the current task.
 */
import { z } from 'zod';
import { ReportNotFound, scorecardFromStore } from '../../check/from-store.js';
import { CSRF_COOKIE, CSRF_HEADER, cookie, LoginLimiter, MIN_PASSWORD_LENGTH, newToken, passwordProblem, parseCookies, SESSION_COOKIE, verifyPassword } from '../../accounts/auth.js';
import { lightRules as makeRules, type LightRules } from '../../ledger/lights.js';
import { LedgerStore, NotFound, WorkflowInputError, type Task, type Versioned } from '../../ledger/store.js';
import { dashboard, progressHtml, progressTable, PROGRESS_COLUMNS, publicProgress, publicTask, withLight, yearEnd } from '../../ledger/views.js';
import { importPlan } from '../../ledger/plan-import.js';
import { readTable } from '../../tables/read.js';
import { ROLES } from '../../accounts/roles.js';
import { ACTIONS, availableActions, IllegalTransition, isAction, mayTake, STATES } from '../../ledger/workflow.js';
import { findReport, type Repository } from '../../store/repository.js';
import { Access, MANAGE, type Session } from './access.js';
import { HttpError, json, type AppResponse } from './http.js';
import { xlsxResponse } from './respond.js';
import { bodyOf, id, isoDate, parse, parseQuery as queryOf, year, type Route } from './validate.js';

export interface LedgerOptions {
  /** The clock (tests move it). */
  readonly now?: () => Date;
  readonly lightRules?: Partial<LightRules>;
  /** Mark cookies Secure (serving over HTTPS). */
  readonly secureCookies?: boolean;
  readonly sessionTtlMs?: number;
  readonly loginLimiter?: LoginLimiter;
}

function withCookie(res: AppResponse, setCookie: string): AppResponse {
  return { ...res, headers: { ...res.headers, 'set-cookie': setCookie, 'cache-control': 'no-store' } };
}

export function ledgerRoutes(repo: Repository, options: LedgerOptions = {}): Route[] {
  const store = new LedgerStore(repo);
  const now = options.now ?? (() => new Date());
  const rules = makeRules(options.lightRules);
  const ttl = options.sessionTtlMs ?? 12 * 3600_000;
  const limiter = options.loginLimiter ?? new LoginLimiter();
  const secure = options.secureCookies ?? false;

  const access = new Access(store.accounts, now);

  async function taskFor(s: Session, taskId: number): Promise<Task> {
    const t = await store.getTask(taskId);
    if (!t) throw new HttpError(404, `no task with id ${taskId}`);
    const units = await access.scope(s.account);
    if (units && ![t.lead_unit_id, ...t.responsible_unit_ids].some((u) => u !== null && units.includes(u))) {
      throw new HttpError(403, `task ${taskId} is not assigned to your unit`);
    }
    return t;
  }

  function versioned<T>(r: Versioned<T>, status: number, wrap: (v: T) => Record<string, unknown>): AppResponse {
    if (!r.ok) {
      return json(409, {
        ok: false,
        error: { status: 409, message: `the task changed meanwhile: it is at version ${r.current.version}; reload and apply your change again`, errors: [] },
        current: withLight(r.current, rules, now()),
      });
    }
    return json(status, { ok: true, ...wrap(r.task) });
  }

  async function guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      if (e instanceof IllegalTransition) throw new HttpError(409, e.message, [{ field: 'action', message: e.message }]);
      if (e instanceof WorkflowInputError) throw new HttpError(422, e.message);
      if (e instanceof NotFound) throw new HttpError(404, e.message);
      throw e;
    }
  }

  const ledgerQuery = { jurisdiction: z.string().min(1).max(50), year };

  async function ledgerTasks(s: Session | undefined, q: { jurisdiction?: string; year?: number }, extra: { includeDrafts?: boolean } = {}): Promise<Task[]> {
    const units = s ? await access.scope(s.account) : undefined;
    return store.listTasks({ jurisdiction: q.jurisdiction, year: q.year, unitIds: units, ...extra });
  }

  return [
    {
      method: 'GET',
      pattern: /^\/api\/ledger\/session$/,
      handler: async (req) => {
        const s = await access.session(req);
        const existing = parseCookies(req.headers.cookie)[CSRF_COOKIE];
        const csrf = s?.csrf ?? existing ?? newToken();
        const res = json(200, { ok: true, account: s?.account ?? null, csrf_token: csrf });
        return csrf === existing ? res : withCookie(res, cookie(CSRF_COOKIE, csrf, { httpOnly: false, secure }));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/login$/,
      handler: async (req) => {
        access.checkCsrf(req, undefined);
        const b = parse(z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) }), bodyOf(req), 'login');
        const ip = (req.headers['x-forwarded-for'] ?? req.headers['x-real-ip'] ?? 'local').split(',')[0].trim();
        const keys = [`account:${b.name}`, `ip:${ip}`];
        const t = now();
        const wait = Math.max(...keys.map((k) => limiter.retryAfter(k, t)));
        if (wait > 0) {
          const res = json(429, { ok: false, error: { status: 429, message: `too many failed sign-ins; try again in ${wait} s`, errors: [] } });
          return { ...res, headers: { ...res.headers, 'retry-after': String(wait) } };
        }
        const a = await store.accounts.accountByName(b.name);
        if (!a || a.disabled || !(await verifyPassword(b.password, a.password_hash))) {
          for (const k of keys) limiter.fail(k, t);
          throw new HttpError(401, 'wrong account name or password');
        }
        for (const k of keys) limiter.succeed(k);
        const csrf = req.headers[CSRF_HEADER]!;
        const token = await store.accounts.createSession(a.id, csrf, t, ttl);
        const { password_hash: _h, ...account } = a;
        return withCookie(json(200, { ok: true, account, csrf_token: csrf }), cookie(SESSION_COOKIE, token, { httpOnly: true, secure, maxAgeSeconds: Math.floor(ttl / 1000) }));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/logout$/,
      handler: async (req) => {
        const s = await access.writer(req);
        await store.accounts.revokeSession(s.id);
        return withCookie(json(200, { ok: true }), cookie(SESSION_COOKIE, '', { httpOnly: true, secure, maxAgeSeconds: 0 }));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/ledger\/units$/,
      handler: async (req) => {
        await access.reader(req);
        return json(200, { ok: true, items: await store.accounts.listUnits() });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/units$/,
      handler: async (req) => {
        await access.writer(req, ['admin']);
        const b = parse(z.object({ name: z.string().trim().min(1).max(100), parent_id: id.nullable().default(null) }), bodyOf(req), 'unit');
        const units = await store.accounts.listUnits();
        if (units.some((u) => u.name === b.name)) throw new HttpError(409, `a unit named ${b.name} exists`);
        if (b.parent_id !== null && !units.some((u) => u.id === b.parent_id)) throw new HttpError(422, `no unit with id ${b.parent_id}`);
        return json(201, { ok: true, unit: await store.accounts.createUnit(b.name, b.parent_id, now()) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/ledger\/accounts$/,
      handler: async (req) => {
        await access.reader(req, ['admin']);
        return json(200, { ok: true, items: await store.accounts.listAccounts() });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/accounts$/,
      handler: async (req) => {
        await access.writer(req, ['admin']);
        const b = parse(
          z.object({
            name: z.string().regex(/^[\p{L}\p{N}_.@-]{2,64}$/u, '2–64 letters, digits, _ . @ -'),
            password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
            role: z.enum(ROLES),
            unit_id: id.nullable().default(null),
          }).refine((a) => a.role !== 'unit_officer' || a.unit_id !== null, { message: 'a unit officer needs a unit_id', path: ['unit_id'] })
            .superRefine((a, ctx) => {
              const problem = passwordProblem(a.password, a.name);
              if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['password'] });
            }),
          bodyOf(req),
          'account',
        );
        if (await store.accounts.accountByName(b.name)) throw new HttpError(409, `an account named ${b.name} exists`);
        if (b.unit_id !== null && !(await store.accounts.listUnits()).some((u) => u.id === b.unit_id)) throw new HttpError(422, `no unit with id ${b.unit_id}`);
        return json(201, { ok: true, account: await store.accounts.createAccount({ name: b.name, password: b.password, role: b.role, unitId: b.unit_id }, now()) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/generate$/,
      handler: async (req) => {
        const s = await access.writer(req, MANAGE);
        const b = parse(z.union([z.object({ document_id: id }).strict(), z.object({ jurisdiction: z.string().min(1).max(50), year: z.number().int() }).strict()]), bodyOf(req), 'request');
        let docId: number;
        if ('document_id' in b) docId = b.document_id;
        else {
          const d = await findReport(repo, b.jurisdiction, b.year);
          if (!d) throw new HttpError(404, `no stored report of ${b.jurisdiction} for ${b.year}`);
          docId = d.id;
        }
        const r = await guard(() => store.generate(docId, s.account.id, now()));
        return json(r.created.length ? 201 : 200, { ok: true, document_id: docId, created: r.created.length, skipped: r.skipped, items: r.created });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/ledger\/tasks$/,
      handler: async (req, _p, query) => {
        const s = await access.reader(req);
        const q = queryOf({ jurisdiction: z.string().max(50).optional(), year: year.optional(), state: z.enum(STATES).optional(), light: z.enum(['green', 'yellow', 'red']).optional(), unit_id: z.coerce.number().int().positive().optional() }, query);
        let tasks = (await ledgerTasks(s, q)).map((t) => withLight(t, rules, now()));
        if (q.state) tasks = tasks.filter((t) => t.state === q.state);
        if (q.light) tasks = tasks.filter((t) => t.light === q.light);
        if (q.unit_id) tasks = tasks.filter((t) => t.lead_unit_id === q.unit_id || t.responsible_unit_ids.includes(q.unit_id!));
        return json(200, { ok: true, total: tasks.length, items: tasks });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/tasks$/,
      handler: async (req) => {
        const s = await access.writer(req, MANAGE);
        const b = parse(
          z.object({
            jurisdiction: z.string().min(1).max(50), year: z.number().int().min(1949).max(2100), title: z.string().trim().min(1).max(2000),
            deadline: isoDate.optional(), deadline_phrase: z.string().max(50).nullable().optional(), indicator: z.string().max(80).nullable().optional(),
            figure_value: z.number().nullable().optional(), figure_unit: z.string().max(20).nullable().optional(),
            firmness: z.enum(['hard', 'soft', 'neutral']).nullable().optional(), livelihood: z.boolean().optional(), internal_note: z.string().max(5000).nullable().optional(),
          }).strict(),
          bodyOf(req),
          'task',
        );
        const t = await store.createTask(b, s.account.id, now());
        return json(201, { ok: true, task: withLight(t, rules, now()) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/ledger\/tasks\/(\d+)$/,
      handler: async (req, [tid]) => {
        const s = await access.reader(req);
        const t = await taskFor(s, Number(tid));
        return json(200, {
          ok: true,
          task: withLight(t, rules, now()),
          actions: availableActions(t.state, s.account.role, t.pending_extension !== null),
          progress: await store.progress(t.id),
          history: await store.historyOf(t.id),
          links: await store.links(t.id),
          notices: await store.notices({ taskId: t.id }),
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/import-plan$/,
      handler: async (req, _p, query) => {
        const s = await access.writer(req, MANAGE);
        const q = queryOf({ filename: z.string().min(1).max(255).regex(/^[^/\\]+$/, 'a file name, not a path'), jurisdiction: z.string().min(1).max(50), year }, query);
        const bytes = req.body ?? new Uint8Array();
        if (bytes.length === 0) throw new HttpError(400, 'send the 分工方案 file (CSV or XLSX) as the request body');
        if (bytes.length > 10 * 1024 * 1024) throw new HttpError(413, 'the 分工方案 file is larger than 10 MiB');
        try {
          const table = await readTable(bytes, q.filename);
          const r = await importPlan(store, table, { jurisdiction: q.jurisdiction, year: q.year }, s.account.id, now(), q.filename);
          return json(200, { ok: true, filename: q.filename, jurisdiction: q.jurisdiction, year: q.year, ...r });
        } catch (e) {
          throw e;
        }
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/tasks\/(\d+)\/merge$/,
      handler: async (req, [tid]) => {
        const s = await access.writer(req, MANAGE);
        const t = await taskFor(s, Number(tid));
        const b = parse(
          z.object({ version: z.number().int().positive(), from: z.array(id).min(1).max(50), from_versions: z.array(z.number().int().positive()).optional() }).strict()
            .refine((x) => !x.from_versions || x.from_versions.length === x.from.length, { message: 'one version per task in from', path: ['from_versions'] })
            .refine((x) => new Set(x.from).size === x.from.length && !x.from.includes(t.id), { message: 'distinct tasks other than the survivor', path: ['from'] }),
          bodyOf(req),
          'merge',
        );
        const versions = new Map(b.from_versions ? b.from.map((f, i) => [f, b.from_versions![i]] as [number, number]) : []);
        const r = await guard(() => store.merge(t.id, b.version, b.from, versions, s.account.id, now()));
        return versioned(r, 200, (task) => ({ task: withLight(task, rules, now()), merged: b.from }));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/tasks\/(\d+)\/split$/,
      handler: async (req, [tid]) => {
        const s = await access.writer(req, MANAGE);
        const t = await taskFor(s, Number(tid));
        const b = parse(z.object({ version: z.number().int().positive(), titles: z.array(z.string().trim().min(1).max(2000)).min(2).max(50) }).strict(), bodyOf(req), 'split');
        const r = await guard(() => store.split(t.id, b.version, b.titles, s.account.id, now()));
        return versioned(r, 201, (v) => ({ task: withLight(v.original, rules, now()), created: v.created.map((c) => withLight(c, rules, now())) }));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/ledger\/tasks\/(\d+)\/history$/,
      handler: async (req, [tid]) => {
        const s = await access.reader(req);
        const t = await taskFor(s, Number(tid));
        return json(200, { ok: true, items: await store.historyOf(t.id) });
      },
    },
    {
      method: 'PUT',
      pattern: /^\/api\/ledger\/tasks\/(\d+)$/,
      handler: async (req, [tid]) => {
        const s = await access.writer(req, ['admin', 'supervisor', 'unit_officer']);
        const t = await taskFor(s, Number(tid));
        const b = parse(
          z.object({
            version: z.number().int().positive(), title: z.string().trim().min(1).max(2000).optional(), indicator: z.string().max(80).nullable().optional(),
            figure_value: z.number().nullable().optional(), figure_unit: z.string().max(20).nullable().optional(),
            firmness: z.enum(['hard', 'soft', 'neutral']).nullable().optional(), livelihood: z.boolean().optional(), deadline: isoDate.optional(),
            lead_unit_id: id.nullable().optional(), responsible_unit_ids: z.array(id).max(50).optional(), unit_note: z.string().max(5000).nullable().optional(),
            internal_note: z.string().max(5000).nullable().optional(), archived: z.boolean().optional(),
          }).strict(),
          bodyOf(req),
          'task change',
        );
        const { version, ...patch } = b;
        if (s.account.role === 'unit_officer') {
          const other = Object.keys(patch).filter((k) => k !== 'unit_note');
          if (other.length) throw new HttpError(403, `a unit officer may change only unit_note, not ${other.join(', ')}`);
        }
        const units = new Set((await store.accounts.listUnits()).map((u) => u.id));
        for (const u of [patch.lead_unit_id, ...(patch.responsible_unit_ids ?? [])]) if (typeof u === 'number' && !units.has(u)) throw new HttpError(422, `no unit with id ${u}`);
        const r = await guard(() => store.updateTask(t.id, version, patch, s.account.id, now()));
        return versioned(r, 200, (task) => ({ task: withLight(task, rules, now()) }));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/tasks\/(\d+)\/actions\/([a-z_]+)$/,
      handler: async (req, [tid, action]) => {
        const s = await access.writer(req);
        if (!isAction(action)) throw new HttpError(404, `no such action: ${action} (${ACTIONS.join(', ')})`);
        if (!mayTake(s.account.role, action)) throw new HttpError(403, `a ${s.account.role} may not ${action}`);
        const t = await taskFor(s, Number(tid));
        const b = parse(z.object({ version: z.number().int().positive(), note: z.string().max(5000).optional(), deadline: isoDate.optional() }).strict(), bodyOf(req), 'action');
        const r = await guard(() => store.act(t.id, b.version, action, s.account.id, { note: b.note, deadline: b.deadline }, now()));
        return versioned(r, 200, (task) => ({ task: withLight(task, rules, now()) }));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/tasks\/(\d+)\/progress$/,
      handler: async (req, [tid]) => {
        const s = await access.writer(req, ['admin', 'supervisor', 'unit_officer']);
        const t = await taskFor(s, Number(tid));
        const b = parse(
          z.object({
            version: z.number().int().positive().optional(), report_date: isoDate, narrative: z.string().trim().min(1).max(10000), figure: z.number().nullable().default(null),
            evidence: z.array(z.string().url().max(2000).refine((u) => /^https?:/.test(u), 'http(s) links only')).max(20).default([]), internal: z.boolean().default(false),
          }).strict(),
          bodyOf(req),
          'progress report',
        );
        const { version, ...p } = b;
        const r = await guard(() => store.addProgress(t.id, version, p, { id: s.account.id, unit_id: s.account.unit_id }, now()));
        return versioned(r, 201, (v) => ({ task: withLight(v.task, rules, now()), report: v.report }));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/ledger\/tasks\/(\d+)\/(urge|instructions)$/,
      handler: async (req, [tid, kind]) => {
        const s = await access.writer(req, kind === 'urge' ? MANAGE : ['leader', 'admin']);
        const t = await taskFor(s, Number(tid));
        const b = parse(z.object({ text: z.string().trim().min(1).max(5000) }).strict(), bodyOf(req), kind === 'urge' ? '催办' : '批示');
        const notices = await guard(() => store.notice(t.id, kind === 'urge' ? 'urge' : 'instruction', b.text, s.account.id, now()));
        return json(201, { ok: true, items: notices });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/ledger\/notices$/,
      handler: async (req, _p, query) => {
        const s = await access.reader(req);
        const q = queryOf({ task_id: z.coerce.number().int().positive().optional() }, query);
        const items = await store.notices({ taskId: q.task_id, unitIds: await access.scope(s.account) });
        return json(200, { ok: true, total: items.length, items });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/ledger\/dashboard$/,
      handler: async (req, _p, query) => {
        const s = await access.reader(req);
        const q = queryOf(ledgerQuery, query);
        const d = dashboard(await ledgerTasks(s, q), await store.accounts.listUnits(), rules, now());
        return json(200, { ok: true, jurisdiction: q.jurisdiction, year: q.year, at: now().toISOString(), rules, ...d });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/ledger\/progress-table(\.html)?$/,
      handler: async (req, [html], query, format) => {
        const s = await access.reader(req);
        const q = queryOf({ ...ledgerQuery, month: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM').optional() }, query);
        const tasks = await ledgerTasks(s, q);
        const reports = new Map<number, Awaited<ReturnType<LedgerStore['progress']>>>();
        for (const t of tasks) reports.set(t.id, await store.progress(t.id));
        const rows = progressTable(tasks, await store.accounts.listUnits(), reports, rules, now(), q.month);
        const title = `${q.jurisdiction}${q.year}年重点工作任务${q.month ? `（截至${q.month}）` : ''}进展情况表`;
        if (html) return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" }, body: progressHtml(title, rows) };
        if (format === 'xlsx') return xlsxResponse(rows, PROGRESS_COLUMNS, '进展情况', `progress-${q.year}${q.month ? '-' + q.month : ''}`);
        if (format === 'csv') throw new HttpError(400, 'the progress table exists as .json, .xlsx and .html');
        return json(200, { ok: true, title, columns: PROGRESS_COLUMNS, items: rows });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/ledger\/year-end$/,
      handler: async (req, _p, query) => {
        const s = await access.reader(req);
        const q = queryOf(ledgerQuery, query);
        let card;
        try {
          card = await scorecardFromStore(repo, q.jurisdiction, q.year);
        } catch (e) {
          if (e instanceof ReportNotFound) throw new HttpError(404, e.message);
          throw e;
        }
        const rows = yearEnd(await ledgerTasks(s, q), card);
        const flags = { unfinished_but_met: rows.filter((r) => r.flag === 'unfinished_but_met').length, closed_but_missed: rows.filter((r) => r.flag === 'closed_but_missed').length };
        return json(200, { ok: true, jurisdiction: q.jurisdiction, year: q.year, plan_report: card.plan_report, review_report: card.review_report, flags, items: rows });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/public\/ledger\/tasks$/,
      handler: async (_req, _p, query) => {
        const q = queryOf(ledgerQuery, query);
        const tasks = (await store.listTasks({ jurisdiction: q.jurisdiction, year: q.year, includeDrafts: false })).map((t) => publicTask(withLight(t, rules, now())));
        return json(200, { ok: true, total: tasks.length, items: tasks });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/public\/ledger\/tasks\/(\d+)$/,
      handler: async (_req, [tid]) => {
        const t = await store.getTask(Number(tid));
        if (!t || t.archived || t.state === 'draft') throw new HttpError(404, `no published task with id ${tid}`);
        return json(200, { ok: true, task: publicTask(withLight(t, rules, now())), progress: publicProgress(await store.progress(t.id)) });
      },
    },
  ];
}
