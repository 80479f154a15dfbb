/**
 * The 督办 ledger's tasks under /api/ledger: listing, creating, editing,
 * workflow steps, progress reports, 催办 and 批示, merging and splitting,
 * and drafting the ledger from a report or a 分工方案 table. Every write
 * needs the CSRF header; a stale version answers 409 with the current task.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { MANAGE, type Role } from '../../../accounts/roles.js';
import type { Ledger } from '../../../ledger/service.js';
import {
  ActionRequest, GenerateRequest, HistoryEntry, LitTask, MergeRequest, Notice, NoticeCreate, PlanImportResult, ProgressCreate, ProgressReport,
  SplitRequest, Task, TaskCreate, TaskDetail, TaskPatch,
} from '../../../ledger/schema.js';
import { LIGHTS, STATES } from '../../../ledger/workflow.js';
import { Id, Jurisdiction } from '../../../records/fields.js';
import type { AppEnv } from '../../env.js';
import type { Auth } from '../../middleware/auth.js';
import { errors, FileName, fileBody, jsonBody, ok, params, PathId, query, tableOk, Year } from '../../openapi.js';
import { table } from '../../respond.js';
import { PROGRESS_COLUMNS } from '../../../ledger/views.js';
import { answer, ListFilter, listOf, ListPage, page } from '../answer.js';

const TaskId = { params: params({ id: PathId }) };
const TaskAnswer = answer({ task: LitTask });
/** Roles that answer for a task's work. */
const WORKERS: readonly Role[] = ['admin', 'supervisor', 'unit_officer'];

export function taskRoutes(ledger: Ledger, auth: Auth): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/tasks', summary: 'Tasks this account may see, with their lights', middleware: auth.need(),
      request: {
        query: query({ ...ListFilter, state: z.enum(STATES).optional(), light: z.enum(LIGHTS).optional(), ...ListPage }),
      },
      responses: { 200: tableOk(listOf(LitTask), 'the tasks as JSON; .csv and .xlsx give the 台账 (the progress table\'s columns, lights as cell colours)'), ...errors(400, 401) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const tasks = await ledger.list(c.get('session'), q);
      const answer = { ok: true as const, ...page(tasks, q) };
      if (c.get('format') === 'json') return c.json(answer, 200);
      // The file holds every task the filter finds (a 台账 is not paged).
      return table(c, await ledger.sheet(tasks), PROGRESS_COLUMNS, { what: ['督办台账', 'ledger'], of: [q.jurisdiction, q.year] }, answer);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/tasks', summary: 'Add a task by hand (supervisor)', middleware: auth.need(MANAGE, { write: true }),
      request: { body: jsonBody(TaskCreate) }, responses: { 201: ok(TaskAnswer, 'created'), ...errors(400, 401, 403) },
    }),
    async (c) => c.json({ ok: true as const, task: await ledger.create(c.get('session'), c.req.valid('json')) }, 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/tasks/{id}', summary: 'A task with the steps open to this account, its progress, history, links and notices', middleware: auth.need(),
      request: TaskId, responses: { 200: ok(answer(TaskDetail.shape)), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json({ ok: true as const, ...(await ledger.detail(c.get('session'), c.req.valid('param').id)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/ledger/tasks/{id}', summary: 'Change a task\'s fields at the version read (a unit officer: only unit_note)', middleware: auth.need(WORKERS, { write: true }),
      request: { ...TaskId, body: jsonBody(TaskPatch) }, responses: { 200: ok(TaskAnswer), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { version, ...patch } = c.req.valid('json');
      return c.json({ ok: true as const, task: await ledger.update(c.get('session'), c.req.valid('param').id, version, patch) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/tasks/{id}/history', summary: 'Every step of a task: who, when, what changed', middleware: auth.need(),
      request: TaskId, responses: { 200: ok(answer({ items: z.array(HistoryEntry) })), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json({ ok: true as const, items: await ledger.history(c.get('session'), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/tasks/{id}/actions/{action}', summary: 'A workflow step (交办, 签收, 办结…); which roles may take it is in src/ledger/workflow.ts',
      middleware: auth.need(undefined, { write: true }),
      request: { params: params({ id: PathId, action: z.string().openapi({ param: { in: 'path' }, description: 'assign, accept, start, request_completion, review, close, send_back, request_extension, approve_extension or refuse_extension' }) }), body: jsonBody(ActionRequest) },
      responses: { 200: ok(TaskAnswer), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json({ ok: true as const, task: await ledger.act(c.get('session'), id, action, c.req.valid('json')) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/tasks/{id}/progress', summary: 'Every progress report of a task, by date (the task\'s detail carries the latest)', middleware: auth.need(),
      request: TaskId, responses: { 200: ok(answer({ items: z.array(ProgressReport) })), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json({ ok: true as const, items: await ledger.progressReports(c.get('session'), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/tasks/{id}/progress', summary: 'Report progress (an accepted task starts)', middleware: auth.need(WORKERS, { write: true }),
      request: { ...TaskId, body: jsonBody(ProgressCreate) }, responses: { 201: ok(answer({ task: LitTask, report: ProgressReport }), 'reported'), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { version, ...p } = c.req.valid('json');
      return c.json({ ok: true as const, ...(await ledger.progress(c.get('session'), c.req.valid('param').id, version, p)) }, 201);
    },
  );

  for (const [path, kind, roles, summary] of [
    ['urge', 'urge', MANAGE, '催办: a notice to each unit of the task (supervisor)'],
    ['instructions', 'instruction', ['leader', 'admin'], '批示: a leader\'s instruction on the task'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post', path: `/ledger/tasks/{id}/${path}`, summary, middleware: auth.need(roles, { write: true }),
        request: { ...TaskId, body: jsonBody(NoticeCreate) }, responses: { 201: ok(answer({ items: z.array(Notice) }), 'sent'), ...errors(400, 401, 403, 404) },
      }),
      async (c) => c.json({ ok: true as const, items: await ledger.notice(c.get('session'), c.req.valid('param').id, kind, c.req.valid('json').text) }, 201),
    );
  }

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/notices', summary: '催办 and 批示 this account\'s units received', middleware: auth.need(),
      request: { query: query({ task_id: z.coerce.number().int().positive().optional() }) }, responses: { 200: ok(listOf(Notice)), ...errors(400, 401) },
    }),
    async (c) => {
      const items = await ledger.notices(c.get('session'), c.req.valid('query').task_id);
      return c.json({ ok: true as const, total: items.length, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/tasks/{id}/merge', summary: '合并: archive other tasks into this one, which takes over their units', middleware: auth.need(MANAGE, { write: true }),
      request: { ...TaskId, body: jsonBody(MergeRequest) }, responses: { 200: ok(answer({ task: LitTask, merged: z.array(Id) })), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json({ ok: true as const, task: await ledger.merge(c.get('session'), c.req.valid('param').id, b), merged: b.from }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/tasks/{id}/split', summary: '拆分: new tasks with the source, units and deadline; this one is archived', middleware: auth.need(MANAGE, { write: true }),
      request: { ...TaskId, body: jsonBody(SplitRequest) }, responses: { 201: ok(answer({ task: LitTask, created: z.array(LitTask) }), 'split'), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json({ ok: true as const, ...(await ledger.split(c.get('session'), c.req.valid('param').id, c.req.valid('json'))) }, 201),
  );

  const Generated = answer({ document_id: Id, created: z.number().int(), skipped: z.number().int(), items: z.array(Task) });
  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/generate', summary: 'Draft tasks from a stored plan report (facts already in the ledger are skipped)', middleware: auth.need(MANAGE, { write: true }),
      request: { body: jsonBody(GenerateRequest) }, responses: { 201: ok(Generated, 'drafted'), 200: ok(Generated, 'nothing new'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const r = await ledger.generate(c.get('session'), c.req.valid('json'));
      const out = { ok: true as const, document_id: r.document_id, created: r.created.length, skipped: r.skipped, items: r.created };
      return r.created.length ? c.json(out, 201) : c.json(out, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/import-plan', summary: 'Read a 分工方案 table (CSV or XLSX in the body): units and deadlines onto the matching drafts, new tasks for the rest',
      middleware: auth.need(MANAGE, { write: true }),
      request: { query: query({ filename: FileName, jurisdiction: Jurisdiction, year: Year }), body: fileBody('the 分工方案: CSV (UTF-8 or GBK) or XLSX') },
      responses: { 200: ok(answer({ filename: z.string(), jurisdiction: z.string(), year: z.number().int(), ...PlanImportResult.shape })), ...errors(400, 401, 403, 413, 422) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await ledger.importPlan(c.get('session'), new Uint8Array(await c.req.arrayBuffer()), q);
      return c.json({ ok: true as const, filename: q.filename, jurisdiction: q.jurisdiction, year: q.year, ...r }, 200);
    },
  );

  return app;
}
