/**
 * What the ledger shows as a whole: the dashboard of lights per unit, the
 * monthly progress table (JSON, XLSX or printable HTML), the year-end
 * comparison with the next report, and the public view of published tasks.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DETAIL_PROGRESS, LightRules, LightTotals, ProgressRow, PublicProgress, PublicTask, UnitDashboard, YEAR_END_FLAGS, YearEndRow } from '../../../ledger/schema.js';
import type { Ledger } from '../../../ledger/service.js';
import { PROGRESS_COLUMNS, progressHtml } from '../../../ledger/views.js';
import { Jurisdiction } from '../../../records/fields.js';
import type { AppEnv } from '../../env.js';
import type { Auth } from '../../middleware/auth.js';
import { errors, ok, params, PathId, query, Year } from '../../openapi.js';
import { langOf, table } from '../../respond.js';
import { answer, listOf, ListPage, page } from '../answer.js';

/** One ledger: a place and its plan year. */
const LedgerQuery = { jurisdiction: Jurisdiction, year: Year };
const Month = z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM');
const Report = z.record(z.string(), z.unknown());

export function viewRoutes(ledger: Ledger, auth: Auth): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/dashboard', summary: 'Lights per lead unit, completion and on-time rates', middleware: auth.need(),
      request: { query: query(LedgerQuery) },
      responses: { 200: ok(answer({ jurisdiction: z.string(), year: z.number().int(), at: z.string(), rules: LightRules, totals: LightTotals, units: z.array(UnitDashboard) })), ...errors(400, 401) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const d = await ledger.dashboard(c.get('session'), q);
      return c.json({ ok: true as const, jurisdiction: q.jurisdiction, year: q.year, at: ledger.now().toISOString(), rules: ledger.rules, ...d }, 200);
    },
  );

  const progressQuery = query({ ...LedgerQuery, month: Month.optional() });
  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/progress-table', summary: 'The monthly progress table (进展情况表): the latest report of each task up to the month; .csv and .xlsx for the file (lights as cell colours)',
      middleware: auth.need(), request: { query: progressQuery },
      responses: {
        200: {
          description: 'the table as JSON, or as CSV or XLSX by suffix or _format',
          content: {
            'text/csv': { schema: z.string() },
            'application/json': { schema: answer({ title: z.string(), columns: z.array(z.string()), items: z.array(ProgressRow) }) },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...errors(400, 401),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { title, rows } = await ledger.progressTable(c.get('session'), q);
      const lang = langOf(c);
      const columns = PROGRESS_COLUMNS.map((x) => x.head[lang === 'zh' ? 0 : 1]);
      return table(c, rows, PROGRESS_COLUMNS, { what: ['进展情况表', 'progress'], of: [q.jurisdiction, q.year, q.month] }, { ok: true as const, title, columns, items: rows });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/progress-table.html', summary: 'The monthly progress table as a page to print', middleware: auth.need(), request: { query: progressQuery },
      responses: { 200: { description: 'a printable HTML page', content: { 'text/html': { schema: z.string() } } }, ...errors(400, 401) },
    }),
    async (c) => {
      const { title, rows } = await ledger.progressTable(c.get('session'), c.req.valid('query'));
      c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return c.html(progressHtml(title, rows), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/year-end', summary: 'Each task beside the next year\'s report\'s verdict; disagreements flagged', middleware: auth.need(),
      request: { query: query(LedgerQuery) },
      responses: {
        200: ok(answer({ jurisdiction: z.string(), year: z.number().int(), plan_report: Report, review_report: Report, flags: z.record(z.enum(YEAR_END_FLAGS), z.number().int()), items: z.array(YearEndRow) })),
        ...errors(400, 401, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ ok: true as const, jurisdiction: q.jurisdiction, year: q.year, ...(await ledger.yearEnd(c.get('session'), q)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/public/ledger/tasks', summary: 'Published tasks of a ledger, without internal fields (no sign-in)',
      request: { query: query({ ...LedgerQuery, ...ListPage }) }, responses: { 200: ok(listOf(PublicTask)), ...errors(400) },
    }),
    async (c) => {
      const { _limit, _offset, ...q } = c.req.valid('query');
      return c.json({ ok: true as const, ...page(await ledger.publicTasks(q), { _limit, _offset }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/public/ledger/tasks/{id}', summary: 'A published task and its latest public progress reports (no sign-in)',
      request: { params: params({ id: PathId }) },
      responses: {
        200: ok(answer({
          task: PublicTask,
          progress: z.array(PublicProgress).describe(`the latest ${DETAIL_PROGRESS} public progress reports, oldest first; every one: GET /api/public/ledger/tasks/{id}/progress`),
          progress_total: z.number().int().describe('how many public progress reports the task has in all'),
        })),
        ...errors(400, 404),
      },
    }),
    async (c) => c.json({ ok: true as const, ...(await ledger.publicTask(c.req.valid('param').id)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/public/ledger/tasks/{id}/progress', summary: 'Every public progress report of a published task, by date (no sign-in)',
      request: { params: params({ id: PathId }) }, responses: { 200: ok(answer({ items: z.array(PublicProgress) })), ...errors(400, 404) },
    }),
    async (c) => c.json({ ok: true as const, items: await ledger.publicProgressReports(c.req.valid('param').id) }, 200),
  );

  return app;
}
